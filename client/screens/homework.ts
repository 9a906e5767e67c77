// The homework page (/homework/<id>): the assignment's title, rounds, spirals and deadline (the
// teacher's zone and the student's own), a name (typed, or generated when the teacher asked for
// friendly names) and Start. Once closed: "closed" and each round's A and B. An unknown link says
// so and points home. Nothing is drawn while another screen shows, so the page holds one name field.
import { html, nothing, render } from "lit-html";
import { NAME_MAX_LENGTH, nameSchema } from "../../shared/protocol";
import { SPIRAL_KINDS } from "../../shared/catalog";
import type { AssignmentPublic } from "../../shared/teacher";
import type { HomeworkPage } from "../store";
import { nameIssueText, showError } from "../ui";
import { deadlineWords } from "./homework-deadline";
import { kindList } from "./settings-summary";
import { randomName } from "./random-name";
import { t, tHtml } from "../i18n/i18n";

export interface HomeworkActions {
  start(name: string): void;
  /** Fetch the assignment again (after a failure). */
  retry(): void;
}

export interface HomeworkScreen {
  /**
   * Draws the page; undefined clears it. `remembered`: the name this device played it under before;
   * `usual`: the name this browser plays under (a typed name's first guess).
   */
  render(page: HomeworkPage | undefined, remembered: string | undefined, usual: string | undefined): void;
}

const kindsText = (kinds: string[]) =>
  kinds.length === SPIRAL_KINDS.length ? t("homework.allKinds") : kindList(kinds);

function facts(a: AssignmentPublic) {
  const d = deadlineWords(a.deadline, a.timeZone, new Date());
  const due = html`<strong>${d.due}</strong>`;
  return html`<p class="homework-facts">${t("homework.facts", {
    rounds: a.rounds,
    kinds: kindsText(a.kinds),
    difficulty: a.difficulty,
  })}</p>
    <p class="homework-due">${tHtml(a.closed ? "homework.closedOn" : "homework.due", { due })}${
      d.yours ? html`<br />${d.yours}` : nothing
    }${a.closed ? nothing : html` <span class="muted">${t("homework.timeLeft", { left: d.left })}</span>`}</p>`;
}

function closed(a: AssignmentPublic) {
  const reveals = a.reveals ?? [];
  return html`<p class="homework-closed" data-testid="homework-closed">${t("homework.closedText")}</p>
    ${
      reveals.length
        ? html`<h3>${t("homework.eachRoundsSpirals")}</h3>
          <ul class="homework-reveals">
            ${reveals.map(
              (r) => html`<li><a href=${r.replay} data-testid="homework-reveal"
                  >${t("homework.roundReveal", { round: r.round })}</a></li>`,
            )}
          </ul>`
        : nothing
    }`;
}

export function createHomeworkScreen(root: HTMLElement, actions: HomeworkActions): HomeworkScreen {
  /** The name on the page (kept while a round is played, for the way back). */
  let name: string | undefined;
  let lastPage: HomeworkPage | undefined;
  let lastRemembered: string | undefined;

  function onStart(e: Event): void {
    e.preventDefault();
    const parsed = nameSchema.safeParse(name ?? "");
    if (!parsed.success) {
      showError(() => t("homework.chooseName", { reason: nameIssueText(parsed.error.issues[0]) }));
      root.querySelector<HTMLInputElement>("#homework-name")?.focus();
      return;
    }
    actions.start(parsed.data);
  }

  function nameField(page: HomeworkPage, a: AssignmentPublic) {
    const generated = a.friendlyNames;
    const refusal = page.nameRefusal;
    return html`<form class="homework-form" @submit=${onStart}>
      <label class="field" for="homework-name">${t("homework.yourName")}</label>
      <div class="row">
        <input id="homework-name" data-testid="name-input" maxlength=${NAME_MAX_LENGTH} autocomplete="nickname"
          ?readonly=${generated} .value=${name ?? ""} aria-describedby="name-refusal"
          placeholder=${generated ? "" : t("homework.namePlaceholder")}
          @input=${(e: Event) => (name = (e.target as HTMLInputElement).value)} />
        ${
          generated
            ? html`<button type="button" id="another-name" data-testid="another-name"
              @click=${() => {
                name = randomName();
                draw();
              }}>${t("homework.anotherName")}</button>`
            : nothing
        }
      </div>
      <p id="name-refusal" class="name-refusal" data-testid="name-refusal" role="alert" ?hidden=${!refusal}>
        ${refusal ?? ""}</p>
      ${generated ? html`<p class="small muted">${t("homework.generatedNames")}</p>` : nothing}
      ${lastRemembered && lastRemembered === name ? html`<p class="small">${t("homework.welcomeBack")}</p>` : nothing}
      <button id="homework-start" data-testid="homework-start" class="primary wide" type="submit"
        ?disabled=${page.starting}>${page.starting ? t("homework.starting") : t("homework.start")}</button>
      <p class="small muted">${t("homework.howItWorks")}</p>
    </form>`;
  }

  function body(page: HomeworkPage) {
    const a = page.assignment;
    if (page.status === "loading") return html`<p class="muted">${t("homework.loading")}</p>`;
    if (page.status === "missing")
      return html`<h2>${t("homework.noSuchHomework")}</h2>
        <p>${page.error}</p>`;
    if (page.status === "failed" || !a)
      return html`<h2>${t("homework.homework")}</h2>
        <p>${page.error ?? t("homework.couldNotLoad")}</p>
        <button type="button" class="primary" @click=${actions.retry}>${t("homework.tryAgain")}</button>`;
    return html`<p class="muted small">${t("homework.homework")}</p>
      <h2 class="homework-title" data-testid="homework-title">${a.title}</h2>
      ${facts(a)} ${a.closed ? closed(a) : nameField(page, a)}`;
  }

  function draw(): void {
    const page = lastPage;
    render(
      page
        ? html`${body(page)}
            <p class="small links"><a href="/">${t("homework.homePage")}</a></p>`
        : nothing,
      root,
    );
  }

  return {
    render(page, remembered, usual) {
      lastRemembered = remembered;
      if (page?.assignment && name === undefined) {
        name = remembered ?? (page.assignment.friendlyNames ? randomName() : usual);
      }
      lastPage = page;
      draw();
    },
  };
}

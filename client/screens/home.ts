// Home: a name (typed or random), then create a room, today's challenge, solo practice, or join
// one by code or link. The name is remembered for next time (../ui). A name the server refuses
// gets its sentence beside the field; a room that takes generated names only turns the field into
// a generated name (read-only, "Another name"). Home draws itself the first time it shows, so a
// page opened at a homework link holds that page's name field only.
import { html, nothing, render } from "lit-html";
import { createRef, ref } from "lit-html/directives/ref.js";
import { NAME_MAX_LENGTH, nameSchema } from "../../shared/protocol";
import { parseRefusal, type Refusal } from "../../shared/refusals";
import { normalizeRoomCode } from "../../shared/room-code";
import { onLanguageChange, t } from "../i18n/i18n";
import { describeRefusal } from "../i18n/refusal-text";
import type { NameRefusal } from "../session/connection";
import { clearError, nameIssueText, rememberedName, rememberName, roomCodeRefusal, showError } from "../ui";
import { createHowTo, type HowTo } from "./how-to";
import { randomName } from "./random-name";

/** Each returns the server's refusal of the name, if that is why it failed (other failures are shown). */
export interface HomeActions {
  create(name: string): Promise<NameRefusal | undefined>;
  join(code: string, name: string, spectator: boolean): Promise<NameRefusal | undefined>;
  /** Today's challenge: a solo round on the server. */
  daily(name: string): Promise<NameRefusal | undefined>;
  practice(): void;
}

export interface HomeScreen {
  /** Home is showing: draws it the first time. */
  show(): void;
  /** The code box (a link's code, or the room just left). */
  setCode(code: string): void;
  /** The link `/?room=CODE`: fill the code; join at once with a remembered name, else wait for one. */
  openRoomLink(code: string): "join" | "wait";
  /** Presses Join programmatically (same checks as a click). */
  submitJoin(): void;
}

/** A name refusal as the server sent it: a code (with its reason), or an older sentence. */
type RefusalLike = Partial<Refusal> & { refusal?: string; message?: string };

/** The room takes generated names only (the field then holds one). */
function generatedNamesOnly(r: NameRefusal): boolean {
  const like = r as unknown as RefusalLike;
  return like.refusal === "generated-names" || like.params?.reason === "name-generated-only";
}

/** The refusal in words, in the language shown. */
function refusalText(r: NameRefusal): string {
  const like = r as unknown as RefusalLike;
  if (typeof like.code === "string") return describeRefusal(like as Refusal);
  const coded = like.message ? parseRefusal(like.message) : undefined;
  return coded ? describeRefusal(coded) : (like.message ?? "");
}

export function createHomeScreen(root: HTMLElement, actions: HomeActions): HomeScreen {
  const name = createRef<HTMLInputElement>();
  const code = createRef<HTMLInputElement>();
  const spectate = createRef<HTMLInputElement>();
  const form = createRef<HTMLFormElement>();
  const howTo = createRef<HTMLElement>();
  const gallery = createRef<HTMLElement>();
  const morph = createRef<HTMLCanvasElement>();
  let busy = false;
  let drawn = false;
  let howToBox: HowTo | undefined;
  /** The code to put in the box once home is drawn. */
  let pendingCode = "";
  /** Why the name was just refused, in the language shown (beside the field). */
  let refusal: (() => string) | undefined;
  /** The room asked for takes generated names only: the field holds one and cannot be typed in. */
  let generatedOnly = false;

  /** The typed name, checked with the protocol's own rules; null (and an error shown) if bad. */
  function validName(): string | null {
    const parsed = nameSchema.safeParse(name.value!.value);
    if (!parsed.success) {
      showError(() => t("home.chooseName", { reason: nameIssueText(parsed.error.issues[0]) }));
      name.value!.focus();
      return null;
    }
    return parsed.data;
  }

  function validCode(): string | null {
    const raw = code.value!.value;
    const valid = normalizeRoomCode(raw);
    if (!valid) {
      showError(() => roomCodeRefusal(raw, t("home.typeRoomCode")));
      code.value!.focus();
      return null;
    }
    code.value!.value = valid;
    return valid;
  }

  async function run(action: (name: string) => Promise<NameRefusal | undefined>): Promise<void> {
    if (busy) return;
    clearError();
    const chosen = validName();
    if (!chosen) return;
    busy = true;
    refusal = undefined;
    draw();
    try {
      const refused = await action(chosen);
      if (refused) refuse(refused);
      else rememberName(chosen);
    } finally {
      busy = false;
      draw();
    }
  }

  function refuse(r: NameRefusal): void {
    if (generatedNamesOnly(r)) {
      generatedOnly = true;
      name.value!.value = randomName();
      const room = normalizeRoomCode(typedCode());
      refusal = () => (room ? t("home.generatedNamesRoom", { room }) : t("home.generatedNamesThisRoom"));
    } else {
      refusal = () => refusalText(r);
      name.value!.focus();
      name.value!.select();
    }
  }

  const typedCode = () => code.value?.value ?? "";

  /** Typing a name (or another code) answers the last refusal. */
  function onNameInput(): void {
    if (refusal === undefined) return;
    refusal = undefined;
    draw();
  }

  function onCodeInput(): void {
    if (!generatedOnly) return;
    generatedOnly = false; // another room may take typed names
    refusal = undefined;
    draw();
  }

  function onJoin(e: Event): void {
    e.preventDefault();
    const valid = validCode();
    if (valid) void run((n) => actions.join(valid, n, spectate.value!.checked));
  }

  /** The gallery of every spiral's picture with its caption (its code loads when first opened). */
  function openGallery(): void {
    const box = gallery.value!;
    box.hidden = !box.hidden;
    if (box.hidden || box.childElementCount) return;
    void import("../scene/pictures/gallery").then((m) => {
      m.renderGallery(box);
      box.dataset.ready = "true";
      box.scrollIntoView({ block: "start" });
    });
  }

  function draw(): void {
    render(
      html`
      <!-- The opening: a nautilus shell turns into a whirlpool galaxy (../scene/pictures/morph.ts). -->
      <canvas id="home-morph" class="home-morph" data-testid="home-morph" role="img" ${ref(morph)}
        aria-label=${t("home.morphLabel")}
        title=${t("home.morphTitle")}></canvas>
      <!-- How to play: 30 seconds, interactive, shown the first time (./how-to.ts). -->
      <section id="how-to" class="how-to" data-testid="how-to-play" aria-labelledby="how-to-title" hidden ${ref(howTo)}></section>
      <p class="lede">${t("home.lede")}</p>
      <label class="field" for="name-input">${t("home.nameLabel")}</label>
      <div class="row">
        <input id="name-input" data-testid="name-input" maxlength=${NAME_MAX_LENGTH} autocomplete="nickname"
          placeholder=${t("home.namePlaceholder")} ?readonly=${generatedOnly} aria-describedby="name-refusal"
          @input=${onNameInput} ${ref(name)} />
        <button id="random-name" type="button" title=${t("home.randomNameTitle")}
          @click=${() => {
            name.value!.value = randomName();
            if (!generatedOnly) onNameInput();
          }}>${generatedOnly ? t("home.anotherName") : t("home.randomName")}</button>
      </div>
      ${
        refusal
          ? html`<p id="name-refusal" class="name-refusal" data-testid="name-refusal" role="alert">${refusal()}</p>`
          : nothing
      }
      <button id="create-room" data-testid="create-room" class="primary wide" type="button" ?disabled=${busy}
        @click=${() => void run(actions.create)}>${t("home.createRoom")}</button>
      <button id="daily-challenge" data-testid="daily-challenge" class="wide" type="button" ?disabled=${busy}
        @click=${() => void run(actions.daily)}>${t("home.daily")}</button>
      <button id="practice" data-testid="practice" class="wide" type="button" @click=${actions.practice}
        title=${t("home.practiceTitle")}>${t("home.practice")}</button>
      <div class="or">${t("home.orJoin")}</div>
      <form id="join-form" class="row" @submit=${onJoin} ${ref(form)}>
        <input id="code-input" data-testid="code-input" maxlength="60" autocapitalize="characters" autocomplete="off"
          spellcheck="false" placeholder=${t("home.roomCode")} aria-label=${t("home.roomCode")} @input=${onCodeInput} ${ref(code)} />
        <button id="join-room" data-testid="join-room" type="submit" ?disabled=${busy}>${t("home.join")}</button>
      </form>
      <label class="check"><input id="spectate" type="checkbox" ${ref(spectate)} /> ${t("home.spectate")}</label>
      <p class="small links"><a href="/leaderboard">${t("home.leaderboards")}</a> · <a href="/watch">${t("home.watchLive")}</a> · <button id="open-how-to" type="button" class="link-button" @click=${() => howToBox?.open()}>${t("home.howToPlay")}</button>
        · <button id="open-spirals" data-testid="open-spirals" type="button" class="link-button" aria-controls="spiral-gallery"
          @click=${openGallery}>${t("home.spirals")}</button></p>
      <section id="spiral-gallery" class="spiral-gallery" data-testid="spiral-gallery" aria-label=${t("home.galleryLabel")}
        hidden ${ref(gallery)}></section>`,
      root,
    );
  }

  // Another language: home (once drawn) draws itself again in it.
  onLanguageChange(() => {
    if (drawn) draw();
  });

  /** The first draw: the remembered name, the code waiting for the box, How to play. */
  function ensureDrawn(): void {
    if (drawn) return;
    drawn = true;
    draw();
    name.value!.value = rememberedName() ?? randomName();
    code.value!.value = pendingCode;
    howToBox = createHowTo(howTo.value!, () => name.value!);
    // The pictures' code loads after the page has drawn (it is not needed to start playing).
    const canvas = morph.value!;
    void import("../scene/pictures/morph").then((m) => m.playShellToGalaxy(canvas));
  }

  return {
    show: ensureDrawn,
    setCode: (c) => {
      if (drawn) code.value!.value = c;
      else pendingCode = c;
    },
    openRoomLink(c) {
      ensureDrawn();
      code.value!.value = c;
      if (rememberedName()) return "join";
      name.value!.focus();
      name.value!.select();
      return "wait";
    },
    submitJoin: () => {
      ensureDrawn();
      form.value!.requestSubmit();
    },
  };
}

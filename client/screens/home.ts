// Home: a name (typed or random), then create a room, today's challenge, solo practice, or join
// one by code or link. The name is remembered for next time (../ui).
import { html, render } from "lit-html";
import { createRef, ref } from "lit-html/directives/ref.js";
import { friendlyName } from "../../shared/friendly-names";
import { Random } from "../../shared/random";
import { NAME_MAX_LENGTH, nameSchema } from "../../shared/protocol";
import { normalizeRoomCode } from "../../shared/room-code";
import { clearError, rememberedName, rememberName, roomCodeRefusal, showError } from "../ui";
import { createHowTo, type HowTo } from "./how-to";

export interface HomeActions {
  create(name: string): Promise<void>;
  join(code: string, name: string, spectator: boolean): Promise<void>;
  /** Today's challenge: a solo round on the server. */
  daily(name: string): Promise<void>;
  practice(): void;
}

export interface HomeScreen {
  /** The code box (a link's code, or the room just left). */
  setCode(code: string): void;
  /** The link `/?room=CODE`: fill the code; join at once with a remembered name, else wait for one. */
  openRoomLink(code: string): "join" | "wait";
  /** Presses Join programmatically (same checks as a click). */
  submitJoin(): void;
}

const LEDE =
  "Fit a model to a nautilus shell, get scored on a galaxy. Too little detail misses the shape they share; " +
  "too much copies the shell's own bumps.";
const randomName = () => friendlyName(new Random(`${Date.now()}:${Math.random()}`));

export function createHomeScreen(root: HTMLElement, actions: HomeActions): HomeScreen {
  const name = createRef<HTMLInputElement>();
  const code = createRef<HTMLInputElement>();
  const spectate = createRef<HTMLInputElement>();
  const form = createRef<HTMLFormElement>();
  const howTo = createRef<HTMLElement>();
  let busy = false;

  /** The typed name, checked with the protocol's own rules; null (and an error shown) if bad. */
  function validName(): string | null {
    const parsed = nameSchema.safeParse(name.value!.value);
    if (!parsed.success) {
      showError(`Please choose a name: ${parsed.error.issues[0].message}.`);
      name.value!.focus();
      return null;
    }
    return parsed.data;
  }

  function validCode(): string | null {
    const raw = code.value!.value;
    const valid = normalizeRoomCode(raw);
    if (!valid) {
      showError(roomCodeRefusal(raw, "Type the room code you were given (5 letters or digits)."));
      code.value!.focus();
      return null;
    }
    code.value!.value = valid;
    return valid;
  }

  async function run(action: (name: string) => Promise<void>): Promise<void> {
    if (busy) return;
    clearError();
    const chosen = validName();
    if (!chosen) return;
    busy = true;
    draw();
    try {
      rememberName(chosen);
      await action(chosen);
    } finally {
      busy = false;
      draw();
    }
  }

  function onJoin(e: Event): void {
    e.preventDefault();
    const valid = validCode();
    if (valid) void run((n) => actions.join(valid, n, spectate.value!.checked));
  }

  function draw(): void {
    render(
      html`
      <!-- How to play: 30 seconds, interactive, shown the first time (./how-to.ts). -->
      <section id="how-to" class="how-to" data-testid="how-to-play" aria-labelledby="how-to-title" hidden ${ref(howTo)}></section>
      <p class="lede">${LEDE}</p>
      <label class="field" for="name-input">Your name</label>
      <div class="row">
        <input id="name-input" data-testid="name-input" maxlength=${NAME_MAX_LENGTH} autocomplete="nickname"
          placeholder="e.g. Curious Nautilus" ${ref(name)} />
        <button id="random-name" type="button" title="A random friendly name"
          @click=${() => {
            name.value!.value = randomName();
          }}>Random</button>
      </div>
      <button id="create-room" data-testid="create-room" class="primary wide" type="button" ?disabled=${busy}
        @click=${() => void run(actions.create)}>Create a room</button>
      <button id="daily-challenge" data-testid="daily-challenge" class="wide" type="button" ?disabled=${busy}
        @click=${() => void run(actions.daily)}>Today's challenge (solo, one round)</button>
      <button id="practice" data-testid="practice" class="wide" type="button" @click=${actions.practice}
        title="Rounds trained in this page: no room, no server, no time limit">Practice alone (trains in your browser, untimed)</button>
      <div class="or">or join one</div>
      <form id="join-form" class="row" @submit=${onJoin} ${ref(form)}>
        <input id="code-input" data-testid="code-input" maxlength="60" autocapitalize="characters" autocomplete="off"
          spellcheck="false" placeholder="Room code" aria-label="Room code" ${ref(code)} />
        <button id="join-room" data-testid="join-room" type="submit" ?disabled=${busy}>Join</button>
      </form>
      <label class="check"><input id="spectate" type="checkbox" ${ref(spectate)} /> Just watch (spectator)</label>
      <p class="small links"><a href="/leaderboard">Leaderboards</a> · <a href="/watch">Watch live rooms</a> · <button id="open-how-to" type="button" class="link-button" @click=${() => howToBox.open()}>How to play</button></p>`,
      root,
    );
  }

  draw();
  name.value!.value = rememberedName() ?? randomName();
  const howToBox: HowTo = createHowTo(howTo.value!, () => name.value!);

  return {
    setCode: (c) => {
      code.value!.value = c;
    },
    openRoomLink(c) {
      code.value!.value = c;
      if (rememberedName()) return "join";
      name.value!.focus();
      name.value!.select();
      return "wait";
    },
    submitJoin: () => form.value!.requestSubmit(),
  };
}

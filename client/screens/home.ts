// Home: a name (typed or random), then create a room or join one by code or link.
import { byId } from "../dom";
import { friendlyName } from "../../shared/friendly-names";
import { Random } from "../../shared/random";
import { nameSchema } from "../../shared/protocol";
import { normalizeRoomCode } from "../../shared/room-code";
import { clearError, showError } from "../ui";

const NAME_KEY = "shell-galaxy:name";

export interface HomeActions {
  create(name: string): Promise<void>;
  join(code: string, name: string, spectator: boolean): Promise<void>;
  /** Today's challenge: a solo round on the server. */
  daily(name: string): Promise<void>;
}

const nameInput = () => byId<HTMLInputElement>("name-input");
const codeInput = () => byId<HTMLInputElement>("code-input");

export function rememberedName(): string | null {
  try {
    return localStorage.getItem(NAME_KEY);
  } catch {
    return null; // storage blocked: no memory, still playable
  }
}

function remember(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // ignore
  }
}

function randomName(): string {
  return friendlyName(new Random(`${Date.now()}:${Math.random()}`));
}

/** The typed name, checked with the protocol's own rules; null (and an error shown) if bad. */
function validName(): string | null {
  const parsed = nameSchema.safeParse(nameInput().value);
  if (!parsed.success) {
    showError(`Please choose a name: ${parsed.error.issues[0].message}.`);
    nameInput().focus();
    return null;
  }
  return parsed.data;
}

function validCode(): string | null {
  const raw = codeInput().value;
  const code = normalizeRoomCode(raw);
  if (!code) {
    showError(raw.trim() ? `"${raw.trim().slice(0, 30)}" is not a room code: a code is 5 letters or digits, like K7M2Q.` : "Type the room code you were given (5 letters or digits).");
    codeInput().focus();
    return null;
  }
  codeInput().value = code;
  return code;
}

export function initHome(actions: HomeActions): void {
  nameInput().value = rememberedName() ?? randomName();
  byId("random-name").addEventListener("click", () => {
    nameInput().value = randomName();
  });

  let busy = false;
  const run = async (action: (name: string) => Promise<void>) => {
    if (busy) return;
    clearError();
    const name = validName();
    if (!name) return;
    busy = true;
    setBusy(true);
    try {
      remember(name);
      await action(name);
    } finally {
      busy = false;
      setBusy(false);
    }
  };

  byId("create-room").addEventListener("click", () => void run((name) => actions.create(name)));
  byId("daily-challenge").addEventListener("click", () => void run((name) => actions.daily(name)));
  byId("join-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const code = validCode();
    if (!code) return;
    void run((name) => actions.join(code, name, byId<HTMLInputElement>("spectate").checked));
  });
}

function setBusy(busy: boolean): void {
  for (const id of ["create-room", "join-room", "daily-challenge"]) byId<HTMLButtonElement>(id).disabled = busy;
}

/** The link `/?room=CODE`: fill the code; join at once with a remembered name, else wait for one. */
export function openRoomLink(code: string): "join" | "wait" {
  codeInput().value = code;
  if (rememberedName()) return "join";
  nameInput().focus();
  nameInput().select();
  return "wait";
}

/** Presses Join programmatically (same checks as a click). */
export function submitJoin(): void {
  byId<HTMLFormElement>("join-form").requestSubmit();
}

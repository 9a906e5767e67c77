// The browser's teacher key and device id. The key is the teacher's only credential (no account):
// made by the server the first time this browser creates a room, remembered here, and sent only
// in an Authorization header. The device id is this browser's own random id: it lets a student
// resume homework here, and a host bar a removed player's browser from the match.
import { DEVICE_PATTERN, TEACHER_KEY_PATTERN } from "../shared/teacher";
import { readStored, writeStored } from "./storage";
import { t } from "./i18n/i18n";
import { describeProblem } from "./i18n/problem-text";
import type { Problem } from "../shared/problems";
import { Worded } from "./ui";

const KEY = "teacher-key";
const DEVICE = "device";

/** The remembered teacher key, if a valid one is stored. */
export function readTeacherKey(): string | undefined {
  const key = readStored(KEY);
  return key && TEACHER_KEY_PATTERN.test(key) ? key : undefined;
}

/** Remembers `key` in this browser (undefined forgets it, e.g. after it was revoked). */
export function rememberTeacherKey(key: string | undefined): void {
  writeStored(KEY, key);
}

/** This browser's key, made by the server on first use. Rejects with a Worded error when the server says no. */
export async function ensureTeacherKey(): Promise<string> {
  const known = readTeacherKey();
  if (known) return known;
  const res = await fetch("/api/teacher/keys", { method: "POST", headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => ({}))) as { key?: string; error?: string };
  if (!res.ok || !body.key)
    throw new Worded(() =>
      body.error ? describeProblem(body as Problem) : t("session.teacherKeyFailed", { status: res.status }),
    );
  rememberTeacherKey(body.key);
  return body.key;
}

/** Headers that carry the key to the API. */
export const keyHeaders = (key: string): Record<string, string> => ({
  accept: "application/json",
  authorization: `Bearer ${key}`,
});

/** The teacher's page for a key: the key sits in the fragment, which browsers never send to the server. */
export const teacherPageUrl = (key: string) => `${location.origin}/teacher#${key}`;

/** This browser's device id (made once; 22 base64url characters from 16 random bytes). */
export function deviceId(): string {
  const stored = readStored(DEVICE);
  if (stored && DEVICE_PATTERN.test(stored)) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  writeStored(DEVICE, id);
  return id;
}

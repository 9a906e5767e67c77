// The projector view's switch: remembered per room for this tab (a reload keeps it), and always
// on for /host.
import { readStored, writeStored } from "../storage";
import { store } from "../store";

const key = (code: string) => `projector:${code}`;

export const loadProjectorPreference = (code: string): boolean => readStored(key(code), "session") === "1";

export function saveProjectorPreference(code: string, on: boolean): void {
  writeStored(key(code), on ? "1" : undefined, "session");
}

/** The host's toggle (and the projector's own Exit). */
export function toggleProjector(): void {
  const { session, projector, hostPage } = store.get();
  if (!session) return;
  if (!hostPage) saveProjectorPreference(session.code, !projector);
  store.set({ projector: !projector });
}

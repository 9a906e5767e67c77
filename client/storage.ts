// The one place the client reads and writes browser storage. Every key starts with
// "shell-galaxy:"; storage can be blocked (private mode, a locked-down school browser), so a
// read then gives undefined and a write does nothing: what it remembers is a convenience only.

const PREFIX = "shell-galaxy:";

/** "local" survives the browser's restart; "session" is this tab's only (e.g. the projector toggle). */
export type StorageArea = "local" | "session";

function area(where: StorageArea): Storage | undefined {
  try {
    return where === "local" ? globalThis.localStorage : globalThis.sessionStorage;
  } catch {
    return undefined; // some browsers throw on the mere access when storage is blocked
  }
}

/** The stored text under `shell-galaxy:<key>`, or undefined. */
export function readStored(key: string, where: StorageArea = "local"): string | undefined {
  try {
    return area(where)?.getItem(PREFIX + key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Stores `value` under `shell-galaxy:<key>`; undefined removes it. */
export function writeStored(key: string, value: string | undefined, where: StorageArea = "local"): void {
  try {
    const store = area(where);
    if (value === undefined) store?.removeItem(PREFIX + key);
    else store?.setItem(PREFIX + key, value);
  } catch {
    // blocked or full: the page works on without remembering
  }
}

/** Parsed JSON under the key, or undefined when missing or unreadable. */
export function readStoredJson<T>(key: string, where: StorageArea = "local"): T | undefined {
  const raw = readStored(key, where);
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export function writeStoredJson(key: string, value: unknown, where: StorageArea = "local"): void {
  writeStored(key, value === undefined ? undefined : JSON.stringify(value), where);
}

/** The keys under a prefix (without "shell-galaxy:"), e.g. every day's stored daily proof. */
export function storedKeys(prefix: string, where: StorageArea = "local"): string[] {
  const keys: string[] = [];
  try {
    const store = area(where);
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(PREFIX + prefix)) keys.push(key.slice(PREFIX.length));
    }
  } catch {
    // blocked: nothing stored
  }
  return keys;
}

// Where the message files live and how a language's are fetched. English is in the first bundle
// (it is every other language's fallback); each other language's files are chunks of their own,
// loaded when that language is chosen. The pseudo-locale (tests and translators) is built from
// English on demand.
import type { MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import type { Language } from "../../shared/languages";

/** A namespace's messages, flat: key → ICU message. */
export type Messages = Record<string, string>;
/** Every namespace's messages, by full key "<namespace>.<key>" (the pseudo-locale's come parsed). */
export type MessageTable = Map<string, string | MessageFormatElement[]>;

const english = import.meta.glob<Messages>("../locales/en/*.json", { eager: true, import: "default" });
const others = import.meta.glob<Messages>(["../locales/*/*.json", "!../locales/en/*.json"], { import: "default" });

/** "../locales/es/home.json" → ["es", "home"] */
function placeOf(path: string): [string, string] {
  const [, language, file] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)!;
  return [language, file];
}

function addTo(table: MessageTable, namespace: string, messages: Messages): void {
  for (const [key, message] of Object.entries(messages)) table.set(`${namespace}.${key}`, message);
}

export const ENGLISH: MessageTable = new Map();
for (const [path, messages] of Object.entries(english)) addTo(ENGLISH, placeOf(path)[1], messages);

/** A language's messages (English's at once; others fetched, all namespaces together). */
export async function loadMessages(language: Language | "pseudo"): Promise<MessageTable> {
  if (language === "en") return ENGLISH;
  if (language === "pseudo") return (await import("./pseudo")).pseudoTable(ENGLISH);
  const table: MessageTable = new Map();
  const files = Object.entries(others).filter(([path]) => placeOf(path)[0] === language);
  const loaded = await Promise.all(files.map(async ([path, load]) => [placeOf(path)[1], await load()] as const));
  for (const [namespace, messages] of loaded) addTo(table, namespace, messages);
  return table;
}

// The message files (issue 19): every language has every English key, nothing more; each message
// is valid ICU with the same placeholders as English (a translation cannot drop a number or
// invent one); plurals have their "other" case; every key the client names exists; and the client's
// code writes no sentence of its own.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../shared/languages";

const LOCALES = "client/locales";
const namespaces = readdirSync(join(LOCALES, "en"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5));
const read = (language: string, namespace: string): Record<string, string> =>
  JSON.parse(readFileSync(join(LOCALES, language, `${namespace}.json`), "utf8"));

/** The placeholders of a message, and whether every plural has "other". */
function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    found.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      expect(Object.keys(e.options), `"${e.value}" needs an "other" case`).toContain("other");
      for (const option of Object.values(e.options)) placeholders(option.value, found);
    }
  }
  return found;
}
const parsed = (message: string) => parse(message, { ignoreTag: true });

describe("message files", () => {
  it("English parses, and its namespaces are the files", () => {
    expect(namespaces.length).toBeGreaterThan(10);
    for (const ns of namespaces)
      for (const [key, message] of Object.entries(read("en", ns)))
        expect(() => placeholders(parsed(message)), `en ${ns}.${key}`).not.toThrow();
  });

  for (const language of LANGUAGES.filter((l) => l !== "en")) {
    it(`${language} has every key, no other, with English's placeholders`, () => {
      const problems: string[] = [];
      for (const ns of namespaces) {
        if (!existsSync(join(LOCALES, language, `${ns}.json`))) {
          problems.push(`${ns}.json is missing`);
          continue;
        }
        const english = read("en", ns);
        const translated = read(language, ns);
        for (const key of Object.keys(english)) {
          const message = translated[key];
          if (typeof message !== "string" || message.trim() === "") {
            problems.push(`${ns}.${key}: missing`);
            continue;
          }
          try {
            const want = [...placeholders(parsed(english[key]))].sort();
            const got = [...placeholders(parsed(message))].sort();
            if (want.join() !== got.join()) problems.push(`${ns}.${key}: placeholders ${got} ≠ ${want}`);
          } catch (error) {
            problems.push(`${ns}.${key}: ${(error as Error).message}`);
          }
        }
        for (const key of Object.keys(translated))
          if (!Object.hasOwn(english, key)) problems.push(`${ns}.${key}: not an English key`);
      }
      expect(problems).toEqual([]);
    });
  }
});

/** Every .ts and .html file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : /\.(ts|html)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

describe("keys the client names", () => {
  const english = new Set(namespaces.flatMap((ns) => Object.keys(read("en", ns)).map((k) => `${ns}.${k}`)));

  it("exist in English", () => {
    const missing: string[] = [];
    for (const file of sources("client")) {
      const text = readFileSync(file, "utf8").replace(/^\s*(\/\/|\/?\*).*$/gm, ""); // not the examples in comments
      const keys = [
        ...text.matchAll(/\bt(?:Html)?\(\s*["']([\w-]+\.[\w.-]+)["']/g),
        ...text.matchAll(/data-i18n="([\w-]+\.[\w.-]+)"/g),
        ...[...text.matchAll(/data-i18n-attr="([^"]+)"/g)].flatMap((m) =>
          m[1].split(";").map((pair) => [pair, pair.split("=")[1]?.trim()]),
        ),
      ].map((m) => m[1]);
      for (const key of keys) if (key && !english.has(key)) missing.push(`${file}: ${key}`);
    }
    expect(missing).toEqual([]);
  });
});

describe("sentences in the client's code", () => {
  /** Written in code on purpose: never shown (the page words the case from a message instead). */
  const NEVER_SHOWN = ["This browser could not start TensorFlow.js's wasm backend."]; // → practice.wasmUnavailable

  it("are none: what a player reads comes from the message files", () => {
    const found: string[] = [];
    for (const file of sources("client")) {
      const text = readFileSync(file, "utf8")
        .replace(/^\s*(\/\/|\/?\*).*$/gm, "")
        .replace(/console\.\w+\(.*$/gm, ""); // the developer's console is English
      // A quoted string or template (not HTML: lit's markup holds only ${t(...)}) of three words or more.
      for (const m of text.matchAll(/(["'`])([A-Z][a-z]+(?: [\w'’,.${}-]+){2,}[^"'`\n]*)\1/g))
        if (!NEVER_SHOWN.includes(m[2])) found.push(`${file}: ${m[2]}`);
    }
    expect(found).toEqual([]);
  });
});

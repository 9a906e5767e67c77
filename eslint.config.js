// ESLint: correctness and the project's layering, not style (Prettier owns the layout, so no
// stylistic rule is turned on here). typescript-eslint's plain "recommended" set, not the
// type-checked one, keeps `npm run lint` fast: TypeScript itself runs in `npm run typecheck`.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import { builtinModules } from "node:module";
import tseslint from "typescript-eslint";

// What the isomorphic core may not reach for: Node, the DOM, the server and the browser's engines.
const notInShared = {
  paths: builtinModules.map((name) => ({ name, message: "shared/ runs in the browser too: no Node modules." })),
  patterns: [
    { group: ["node:*"], message: "shared/ runs in the browser too: no Node modules." },
    { group: ["@colyseus/*"], message: "shared/ is plain rules (shared/state.ts, the schema, is the exception)." },
    { group: ["phaser", "express", "ws", "better-sqlite3", "ioredis"], message: "shared/ is plain rules." },
    {
      group: ["**/server/*", "**/client/*", "**/tests/*", "**/tools/*"],
      message: "shared/ depends on nothing above it.",
    },
  ],
};

export default defineConfig(
  globalIgnores(["dist/", "data/", "test-results/", "coverage/"]),
  {
    // An eslint-disable comment must name a real rule that would otherwise fire.
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a parameter or binding kept on purpose (a callback's shape).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // `== null` covers null and undefined on purpose; every other comparison is strict.
      eqeqeq: ["error", "smart"],
    },
  },
  // Node everywhere but the browser code; globals matter for .js/.mjs (TypeScript checks .ts).
  { files: ["server/**", "tests/**", "tools/**", "*.{js,mjs,ts}"], languageOptions: { globals: globals.node } },
  { files: ["client/**"], languageOptions: { globals: globals.browser } },
  { files: ["client/**/*-worker.ts"], languageOptions: { globals: globals.worker } },
  {
    files: ["shared/**"],
    languageOptions: { globals: globals["shared-node-browser"] },
    rules: {
      "no-restricted-imports": ["error", notInShared],
      "no-restricted-globals": ["error", "window", "document", "localStorage", "sessionStorage", "process", "Buffer"],
    },
  },
  {
    // The state schema is the one agreed exception: @colyseus/schema is isomorphic.
    files: ["shared/state.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { ...notInShared, patterns: notInShared.patterns.filter((p) => p.group[0] !== "@colyseus/*") },
      ],
    },
  },
  {
    files: ["client/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["**/server/*", "**/tests/*", "**/tools/*"], message: "The client reads shared/ only." }],
        },
      ],
    },
  },
  {
    // Tests and tools drive the SDK and poke at payloads a real client would never send (fuzz,
    // capturing rooms): `any` there is shown, not fatal, so each use is a visible choice.
    files: ["tests/**", "tools/**"],
    rules: { "@typescript-eslint/no-explicit-any": "warn" },
  },
  {
    files: ["tools/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/tests/*"], message: "Tools import neutral helpers, not tests/." }] },
      ],
    },
  },
);

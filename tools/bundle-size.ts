// Prints the gzipped size of the JavaScript each built page loads first (its entry script and
// the chunks it preloads), against the budget. Lazily loaded chunks are listed apart.
// Usage: npm run build (runs this after `vite build`), or: tsx tools/bundle-size.ts [dist/client]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 1.5 * 1024 * 1024;
const dir = process.argv[2] ?? "dist/client";

const gzipped = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const pages = readdirSync(dir).filter((f) => f.endsWith(".html"));
const firstLoad = new Set<string>();
const report: Record<string, number> = {};
for (const page of pages) {
  const html = readFileSync(join(dir, page), "utf8");
  const scripts = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g),
  ].map((m) => m[1]);
  scripts.forEach((s) => firstLoad.add(s));
  report[page] = scripts.reduce((sum, s) => sum + gzipped(s), 0);
  console.log(`${page.padEnd(18)} first-load JS ${kb(report[page]).padStart(10)} gzipped  (${scripts.length} files)`);
}
const lazy = readdirSync(join(dir, "assets")).filter((f) => f.endsWith(".js") && !firstLoad.has(`assets/${f}`));
if (lazy.length) console.log(`loaded later: ${lazy.map((f) => `${f} ${kb(gzipped(join("assets", f)))}`).join(", ")}`);
const game = report["index.html"] ?? 0;
console.log(
  `the game page loads ${kb(game)} of gzipped JavaScript first; budget ${kb(BUDGET_BYTES)}: ${game <= BUDGET_BYTES ? "within" : "OVER"}`,
);
console.log(JSON.stringify({ game_first_load_gzip_bytes: game, budget_bytes: BUDGET_BYTES, pages: report }));
if (game > BUDGET_BYTES) process.exitCode = 1;

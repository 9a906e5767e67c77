// Launching Debian's Chromium for browser tests. Outside CI a missing Chromium skips the tests
// loudly; with CI=true it is an error.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  const message = `\n!!! Chromium not found at ${CHROMIUM}: browser tests are SKIPPED. Install it with: apt-get install -y chromium\n`;
  if (process.env.CI === "true") throw new Error(message);
  console.warn(message);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--enable-unsafe-swiftshader",
    ], // playwright gives every launch a fresh, empty profile of its own
  });
}

/** Closes the browser, waiting at most 15 s: a hung page must not hang the suite's last hook. */
export async function closeChromium(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 15_000))]);
}

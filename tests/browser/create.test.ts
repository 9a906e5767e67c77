// /create in real Chromium (issue 18): a generated photo of a known logarithmic spiral (pitch 12°,
// 2.5 turns, drawn by the browser itself) is opened, its centre placed and one arm traced by
// clicks (and a keyboard step); the pitch the page reports is within 1° of the truth and stays
// put when the photo is zoomed and rotated. The traced spiral goes into a two-round set (traced A
// against a galaxy; a nautilus against the traced B), saved with POST /api/sets; the host plays
// it from /?set=ID with a second player through both reveals. Screenshots: docs/images/create-*.png.
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launchChromium, closeChromium } from "./chromium";
import { startAppServer, type AppServer } from "./app-server";

// The README's images are rewritten only on purpose (UPDATE_README_IMAGES=1), as game-feel's are;
// an ordinary run leaves the tracked files alone.
const IMAGES =
  process.env.UPDATE_README_IMAGES === "1" ? resolve("docs/images") : resolve("test-results/screenshots/create");
const TRUTH = { pitchDeg: 12, turns: 2.5, r0: 10, width: 800, height: 700 };
const CENTRE = { x: TRUTH.width / 2, y: TRUTH.height / 2 };

const phase = (page: Page, name: string) => page.locator(`[data-testid=phase][data-phase=${name}]`);

/** The arm's points in the photo's pixels (y down, anticlockwise on screen as on paper). */
function armPoints(n: number): { x: number; y: number }[] {
  const b = Math.tan((TRUTH.pitchDeg * Math.PI) / 180);
  return Array.from({ length: n }, (_, i) => {
    const th = (2 * Math.PI * TRUTH.turns * i) / (n - 1);
    const r = TRUTH.r0 * Math.exp(b * th);
    return { x: CENTRE.x + r * Math.cos(th), y: CENTRE.y - r * Math.sin(th) };
  });
}

describe.skipIf(!hasChromium)("/create in Chromium", () => {
  let browser: Browser;
  let app: AppServer;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(IMAGES, { recursive: true });
    [browser, app] = await Promise.all([launchChromium(), startAppServer()]);
  });
  afterAll(async () => {
    await closeChromium(browser);
    app?.stop();
  });

  async function open(who: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (e) => problems.push(`${who}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`${who} console: ${m.text()}`);
    });
    return page;
  }

  it(
    "traces a generated spiral within 1°, builds a two-round set and plays it with two players",
    { timeout: 240_000 },
    async () => {
      const teacher = await open("teacher");
      await teacher.goto(`${app.url}/create`);
      await teacher.getByTestId("tracer-canvas").waitFor();

      // The test photo: drawn by the browser, a thick arm of the known spiral on a dark sky.
      const png = await teacher.evaluate(
        async ({ truth, points }) => {
          const canvas = new OffscreenCanvas(truth.width, truth.height);
          const ctx = canvas.getContext("2d")!;
          ctx.fillStyle = "#101a33";
          ctx.fillRect(0, 0, truth.width, truth.height);
          ctx.strokeStyle = "#f4e3b5";
          ctx.lineWidth = 6;
          ctx.beginPath();
          points.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
          ctx.stroke();
          const blob = await canvas.convertToBlob({ type: "image/png" });
          const bytes = new Uint8Array(await blob.arrayBuffer());
          let text = "";
          for (const b of bytes) text += String.fromCharCode(b);
          return btoa(text);
        },
        { truth: TRUTH, points: armPoints(400) },
      );
      await teacher
        .getByTestId("photo-input")
        .setInputFiles({ name: "test-spiral.png", mimeType: "image/png", buffer: Buffer.from(png, "base64") });
      await expect.poll(() => teacher.getByTestId("notice").textContent()).toContain("test-spiral.png");

      // Photo pixels → page pixels: the photo is fitted to the canvas (no zoom, no rotation yet).
      const box = (await teacher.getByTestId("tracer-canvas").boundingBox())!;
      const scale = Math.min(box.width / TRUTH.width, box.height / TRUTH.height);
      const onPage = (q: { x: number; y: number }) => ({
        x: box.x + box.width / 2 + (q.x - TRUTH.width / 2) * scale,
        y: box.y + box.height / 2 + (q.y - TRUTH.height / 2) * scale,
      });
      const centre = onPage(CENTRE);
      await teacher.mouse.click(centre.x, centre.y);
      expect(await teacher.getByTestId("tracer-canvas").getAttribute("data-mode")).toBe("trace");
      const clicks = armPoints(36).slice(1).map(onPage);
      for (const p of clicks) await teacher.mouse.click(p.x, p.y);
      await expect
        .poll(() => teacher.getByTestId("polar-plot").getAttribute("data-points"))
        .toBe(String(clicks.length));

      // The keyboard: Backspace takes the last point back, Enter puts it back at the cross-hair.
      await teacher.getByTestId("tracer-canvas").focus();
      await teacher.keyboard.press("Backspace");
      await expect
        .poll(() => teacher.getByTestId("polar-plot").getAttribute("data-points"))
        .toBe(String(clicks.length - 1));
      await teacher.keyboard.press("Enter");
      await expect
        .poll(() => teacher.getByTestId("polar-plot").getAttribute("data-points"))
        .toBe(String(clicks.length));

      const fitted = async () => ({
        pitch: Number(await teacher.getByTestId("fit-summary").getAttribute("data-pitch")),
        turns: Number(await teacher.getByTestId("fit-summary").getAttribute("data-turns")),
      });
      const fit = await fitted();
      console.log(
        `traced ${clicks.length} clicks: pitch ${fit.pitch.toFixed(3)}° (truth 12°), turns ${fit.turns.toFixed(3)} (truth 2.5)`,
      );
      expect(Math.abs(fit.pitch - TRUTH.pitchDeg)).toBeLessThan(1);
      // The clicks start one step out from the centre: 34 of the 35 steps of the arm.
      expect(Math.abs(fit.turns - (TRUTH.turns * 34) / 35)).toBeLessThan(0.02);
      expect(await teacher.getByTestId("trace-problems").locator("li").count()).toBe(0);
      expect(await teacher.getByTestId("fit-summary").textContent()).toMatch(/^Pitch 1[12]\.\d°, 2\.\d\d turns/);

      // Zoom and rotation move the photo, not the points: the fit is the same.
      await teacher.getByTestId("zoom-in").click();
      await teacher.getByTestId("rotate-right").click();
      expect(await fitted()).toEqual(fit);
      await teacher.screenshot({ path: `${IMAGES}/create-tracer.png` });

      // Keep it, and build two rounds around it.
      await teacher.getByTestId("keep-name").fill("Test snail");
      await teacher.getByTestId("keep-kind").selectOption("shell");
      await teacher.getByTestId("keep-cue").fill("a snail traced from a photo");
      await teacher.getByTestId("keep-spiral").click();
      await teacher.getByTestId("traced-list").waitFor();
      await teacher.getByTestId("set-name").fill("Traced snail vs the sky");
      await teacher.getByTestId("add-round").click();
      await teacher.getByTestId("add-round").click();
      const rows = teacher.getByTestId("round-row");
      await rows.nth(0).getByTestId("round-a").selectOption("traced:0");
      await rows.nth(0).getByTestId("round-b").selectOption("catalog:m51-whirlpool");
      await rows.nth(0).getByTestId("round-cue").fill("Hidden: a galaxy, another kind.");
      await rows.nth(1).getByTestId("round-a").selectOption("catalog:nautilus-pompilius");
      await rows.nth(1).getByTestId("round-b").selectOption("traced:0");
      await teacher.getByTestId("save-set").click();
      await teacher.getByTestId("set-saved").waitFor();
      expect(await teacher.getByTestId("set-problem").isHidden()).toBe(true);
      const setId = await teacher.getByTestId("set-saved").getAttribute("data-set-id");
      expect(setId).toMatch(/^[0-9a-f-]{36}$/);
      await teacher.getByTestId("my-sets").waitFor();
      await teacher.screenshot({ path: `${IMAGES}/create-set.png`, fullPage: true });

      // The teacher page lists it, and makes homework from it ("Rounds from").
      const desk = await teacher.context().newPage();
      await desk.goto(`${app.url}/teacher`);
      await expect.poll(() => desk.getByTestId("teacher-sets").textContent()).toContain("Traced snail vs the sky");
      await desk.getByTestId("assignment-set").selectOption(setId!);
      expect(await desk.getByTestId("assignment-rounds").inputValue()).toBe("2"); // the set's rounds
      expect(await desk.getByTestId("assignment-kinds").isHidden()).toBe(true);
      await desk.getByTestId("assignment-title").fill("Snails at home");
      await desk.getByTestId("new-assignment").click();
      await expect.poll(() => desk.locator("#notice").textContent()).toContain("Snails at home");
      await desk.getByRole("button", { name: "Hide the key (projecting)" }).click(); // no key in a published picture
      await desk.screenshot({ path: `${IMAGES}/create-teacher-sets.png`, fullPage: true });
      await desk.close();

      // Play it: the host from /?set=ID, a student by the room's code.
      await teacher.getByTestId("play-set").click();
      await teacher.getByTestId("name-input").fill("Ms Rivera");
      await teacher.getByTestId("create-room").click();
      await expect.poll(async () => (await teacher.getByTestId("room-code").textContent())?.trim()).toMatch(/^\w{5}$/);
      const code = (await teacher.getByTestId("room-code").textContent())!.trim();
      const student = await open("student");
      await student.goto(`${app.url}/?room=${code}`);
      await student.getByTestId("name-input").fill("Bo");
      await student.getByTestId("join-room").click();
      await expect.poll(() => teacher.getByTestId("rounds-input").inputValue()).toBe("2");
      await teacher.getByTestId("start-match").click();
      for (const round of [1, 2]) {
        for (const page of [teacher, student])
          await phase(page, "tuning")
            .waitFor({ state: "attached", timeout: 60_000 })
            .catch(async (e) => {
              await page.screenshot({ path: `test-results/create-fail-${round}.png`, fullPage: true });
              throw new Error(`round ${round}: ${e}; problems: ${problems.join(" | ")}`);
            });
        const body = await student.locator("body").textContent();
        if (round === 1) {
          expect(body).toContain("Test snail"); // A is the traced spiral
          expect(body).toContain("Hidden: a galaxy, another kind.");
          await student.screenshot({ path: `${IMAGES}/create-round-traced.png` });
        } else expect(body).toContain("Traced by hand: B's shape is its own"); // the suggested cue of a traced B
        for (const page of [teacher, student]) await page.getByTestId("lock-in").click();
        // On a loaded machine a lock-in can land late; tuning's own timer ends the round anyway.
        for (const page of [teacher, student])
          await phase(page, "reveal").waitFor({ state: "attached", timeout: 90_000 });
        if (round === 2) {
          await expect
            .poll(async () => (await student.locator("body").textContent())?.includes("Test snail"))
            .toBe(true);
          await student.waitForTimeout(3000); // the reveal's picture-to-points morph settles
          await student.screenshot({ path: `${IMAGES}/create-reveal-traced.png` });
        }
        await expect.poll(() => student.getByTestId("reveal-verified").getAttribute("data-verified")).toBe("yes");
        if (round === 1) await teacher.locator("#next-round").click();
      }
      expect(problems).toEqual([]);
    },
  );
  it("draws freehand by dragging, and takes taps on a phone", async () => {
    const page = await open("drawer");
    await page.goto(`${app.url}/create`);
    await page.getByTestId("blank-page").click();
    const box = (await page.getByTestId("tracer-canvas").boundingBox())!;
    const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.click(mid.x, mid.y); // the centre
    // One drag along a spiral of 20° over 1.5 turns: the page adds a point every few pixels.
    const b = Math.tan((20 * Math.PI) / 180);
    const at = (i: number) => {
      const th = (3 * Math.PI * i) / 120;
      const r = 12 * Math.exp(b * th);
      return { x: mid.x + r * Math.cos(th), y: mid.y - r * Math.sin(th) };
    };
    await page.mouse.move(at(0).x, at(0).y);
    await page.mouse.down();
    for (let i = 1; i <= 120; i++) await page.mouse.move(at(i).x, at(i).y);
    await page.mouse.up();
    const points = Number(await page.getByTestId("polar-plot").getAttribute("data-points"));
    const pitch = Number(await page.getByTestId("fit-summary").getAttribute("data-pitch"));
    console.log(`freehand drag: ${points} points, pitch ${pitch.toFixed(2)}° (drawn 20°)`);
    expect(points).toBeGreaterThan(20);
    expect(Math.abs(pitch - 20)).toBeLessThan(1.5);

    // Keep it, export the set as JSON, and import it again; a broken file is refused with its field.
    await page.getByTestId("keep-name").fill("Fern");
    await page.getByTestId("keep-kind").selectOption("plant");
    await page.getByTestId("keep-spiral").click();
    await page.getByTestId("add-round").click();
    await page.getByTestId("set-name").fill("Drawn by hand");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-set").click()]);
    expect(download.suggestedFilename()).toBe("round-set-drawn-by-hand.json");
    const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(exported).toMatchObject({ version: 1, name: "Drawn by hand", spirals: [{ name: "Fern", kind: "plant" }] });
    await page.getByTestId("set-name").fill("Changed");
    await page
      .getByTestId("import-set")
      .setInputFiles({ name: "set.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exported)) });
    await expect.poll(() => page.getByTestId("set-name").inputValue()).toBe("Drawn by hand");
    const broken = { ...exported, rounds: [{ a: { traced: 3 }, b: { catalog: "m51-whirlpool" } }] };
    await page.getByTestId("import-set").setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await expect.poll(() => page.getByTestId("set-problem").textContent()).toContain("rounds.0.a.traced");
    expect(await page.getByTestId("set-name").inputValue()).toBe("Drawn by hand"); // nothing was replaced

    // A phone: taps place the centre and the points (pointer events from touch).
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const tap = await phone.newPage();
    tap.on("pageerror", (e) => problems.push(`phone: ${e.message}`));
    await tap.goto(`${app.url}/create`);
    await tap.getByTestId("blank-page").tap();
    const pbox = (await tap.getByTestId("tracer-canvas").boundingBox())!;
    const pmid = { x: pbox.x + pbox.width / 2, y: pbox.y + pbox.height / 2 };
    await tap.touchscreen.tap(pmid.x, pmid.y);
    expect(await tap.getByTestId("tracer-canvas").getAttribute("data-mode")).toBe("trace");
    for (let i = 1; i <= 14; i++) {
      const th = (2 * Math.PI * 1.2 * i) / 14;
      const r = 6 * Math.exp(Math.tan((20 * Math.PI) / 180) * th); // within a phone's canvas
      await tap.touchscreen.tap(pmid.x + r * Math.cos(th), pmid.y - r * Math.sin(th));
    }
    await expect.poll(() => tap.getByTestId("polar-plot").getAttribute("data-points")).toBe("14");
    expect(await tap.getByTestId("trace-problems").locator("li").count()).toBe(0);
    await tap.screenshot({ path: `${IMAGES}/create-phone.png`, fullPage: false });
    await phone.close();
    expect(problems).toEqual([]);
  });
});

// /create: bring your own spiral. A photo (it never leaves the browser) or a blank page; place
// the centre, then click or drag along one arm (mouse, pen, touch or keyboard; zoom and rotate
// the photo). The arm is shown live in (θ, log r) with the plain spiral's fit (pitch, turns) and
// its problems in words (shared/tracer.ts). Traced spirals and catalog spirals make a round set,
// checked here with the server's own schema (shared/round-set.ts), saved under this browser's
// teacher key (POST /api/sets), played in a room (/?set=ID), shared with another teacher, or
// exported and imported as JSON (docs/round-set.schema.json).
import { html, render } from "lit-html";
import { SPIRAL_KINDS } from "../shared/catalog";
import { CATALOG } from "../shared/spirals";
import {
  SET_LIMITS,
  SHARE_TOKEN_PATTERN,
  checkSet,
  tracedSpiralSchema,
  type RoundSet,
  type RoundSetInput,
  type SetSummary,
  type TracedSpiral,
} from "../shared/round-set";
import { issueProblem } from "../shared/problems";
import {
  TRACE_LIMITS,
  backSteps,
  canonicalArm,
  fitSpiral,
  storedArm,
  toPolar,
  traceProblems,
  type PolarArm,
  type SpiralFit,
  type TraceProblem,
} from "../shared/tracer";
import { byId } from "./dom";
import { initI18n, mountLanguageMenu, onLanguageChange, t } from "./i18n/i18n";
import { describeProblem } from "./i18n/problem-text";
import { kindName } from "./i18n/spiral-names";
import { ensureTeacherKey, readTeacherKey } from "./teacher-key";
import { confirmAction, errorText, showError, showNotice } from "./ui";
import { polarPlot } from "./create/plot";
import { builderView, type DraftRound, type SetProblemView } from "./create/set-builder";
import { SetRefusal, deleteSet, listSets, readSet, saveSet, shareSet, sharedSet } from "./create/sets-api";
import { TracerCanvas, type TraceState } from "./create/tracer-canvas";
import { ROTATE_STEP, ZOOM } from "./create/view-transform";

/** A blank page for freehand drawing (photo pixels). */
const BLANK = { width: 800, height: 600 };

const trace: TraceState = {
  view: {
    width: 640,
    height: 480,
    imageWidth: BLANK.width,
    imageHeight: BLANK.height,
    zoom: 1,
    rotation: 0,
    panX: 0,
    panY: 0,
  },
  points: [],
  mode: "centre",
  cursor: { x: BLANK.width / 2, y: BLANK.height / 2 },
};
let photoName = "";
let keep = { name: "", kind: "shell" as TracedSpiral["kind"], cue: "" };
let keepProblem: SetProblemView | undefined;

const builder = {
  name: t("create.defaultSetName"),
  spirals: [] as TracedSpiral[],
  rounds: [] as DraftRound[],
  problem: undefined as SetProblemView | undefined,
  saved: undefined as SetSummary | undefined,
  busy: false,
  mine: undefined as SetSummary[] | undefined,
};

const root = byId("create-page");
let canvas: TracerCanvas | undefined;

// --- The tracer -------------------------------------------------------------------------------

function setTrace(change: Partial<TraceState>): void {
  Object.assign(trace, change);
  draw();
}

function loadPhoto(file: File): void {
  if (!file.type.startsWith("image/")) return showError(() => t("create.notAPicture", { file: file.name }));
  const url = URL.createObjectURL(file); // the photo stays in this browser: nothing is uploaded
  const img = new Image();
  img.onload = () => {
    photoName = file.name;
    resetTrace(img, img.naturalWidth, img.naturalHeight);
    showNotice(() => t("create.photoOpened", { file: file.name }));
  };
  img.onerror = () => showError(() => t("create.photoUnreadable", { file: file.name }));
  img.src = url;
}

function resetTrace(image: CanvasImageSource | undefined, width: number, height: number): void {
  setTrace({
    image,
    view: { ...trace.view, imageWidth: width, imageHeight: height, zoom: 1, rotation: 0, panX: 0, panY: 0 },
    centre: undefined,
    points: [],
    mode: "centre",
    cursor: { x: width / 2, y: height / 2 },
  });
}

const polar = () => (trace.centre ? toPolar(trace.points, trace.centre) : { theta: [], logr: [] });

/** The fit in words: "Pitch 17.2°, 2.40 turns, 25 points; close to a plain logarithmic spiral (…)". */
function fitText(fit: SpiralFit): string {
  const quality = fit.r2 >= 0.98 ? "veryClose" : fit.r2 >= 0.9 ? "close" : "rough";
  return t("create.fitSummary", {
    pitch: fit.pitchDeg,
    turns: fit.turns,
    points: fit.points,
    quality,
    spread: fit.residual,
  });
}

/** A problem of the traced arm in words, its facts taken again from the arm (shared/tracer.ts traceProblems). */
function problemText(p: TraceProblem, arm: PolarArm): string {
  const L = TRACE_LIMITS;
  const fit = arm.theta.length >= 2 ? fitSpiral(canonicalArm(arm)) : undefined;
  switch (p.code) {
    case "few-points":
      return t("create.traceFewPoints", { n: arm.theta.length, min: L.minPoints });
    case "doubles-back":
      return t("create.traceDoublesBack", { point: (backSteps(arm)[0] ?? 0) + 1 });
    case "few-turns":
      return t("create.traceFewTurns", { turns: fit?.turns ?? 0, min: L.minTurns });
    case "many-turns":
      return t("create.traceManyTurns", { turns: fit?.turns ?? 0, max: L.maxTurns });
    case "too-tight":
      return t("create.traceTooTight", { pitch: fit?.pitchDeg ?? 0, min: L.minPitchDeg });
    case "too-open":
      return t("create.traceTooOpen", { pitch: Math.round(fit?.pitchDeg ?? 0), max: L.maxPitchDeg });
    case "not-a-spiral":
      return t("create.traceNotASpiral", { share: Math.round(Math.max(0, fit?.r2 ?? 0) * 100) / 100 });
    default:
      return p.text;
  }
}

function tracerView() {
  const arm = polar();
  const canonical = canonicalArm(arm);
  const fit = arm.theta.length >= 2 ? fitSpiral(canonical) : undefined;
  const problems = trace.centre ? traceProblems(arm) : [];
  const status = !trace.centre
    ? t("create.statusCentre")
    : trace.points.length === 0
      ? t("create.statusStart")
      : fit
        ? fitText(fit)
        : t("create.statusOnePoint");
  return html`
    <section class="panel tracer" aria-labelledby="tracer-title">
      <h2 id="tracer-title">${t("create.tracerTitle")}</h2>
      <div class="row tracer-tools" role="toolbar" aria-label=${t("create.tracerTools")}>
        <label class="button-like"
          >${t("create.openPhoto")}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            data-testid="photo-input"
            class="visually-hidden"
            @change=${(e: Event) => {
              const file = (e.target as HTMLInputElement).files?.[0];
              if (file) loadPhoto(file);
            }}
        /></label>
        <button type="button" data-testid="blank-page" @click=${() => resetTrace(undefined, BLANK.width, BLANK.height)}>
          ${t("create.drawFreehand")}
        </button>
        <span class="tool-group" role="radiogroup" aria-label=${t("create.clickDoes")}>
          <button type="button" role="radio" aria-checked=${trace.mode === "centre"} data-testid="mode-centre"
            @click=${() => setTrace({ mode: "centre" })}>${t("create.modeCentre")}</button>
          <button type="button" role="radio" aria-checked=${trace.mode === "trace"} data-testid="mode-trace"
            ?disabled=${!trace.centre} @click=${() => setTrace({ mode: "trace" })}>${t("create.modeTrace")}</button>
        </span>
        <span class="tool-group">
          <button type="button" aria-label=${t("create.zoomOut")} data-testid="zoom-out" @click=${() => canvas?.zoom(1 / ZOOM.step)}>−</button>
          <button type="button" aria-label=${t("create.zoomIn")} data-testid="zoom-in" @click=${() => canvas?.zoom(ZOOM.step)}>+</button>
          <button type="button" aria-label=${t("create.rotateLeft")} data-testid="rotate-left" @click=${() => canvas?.rotate(-ROTATE_STEP)}>⟲</button>
          <button type="button" aria-label=${t("create.rotateRight")} data-testid="rotate-right" @click=${() => canvas?.rotate(ROTATE_STEP)}>⟳</button>
        </span>
        <button type="button" data-testid="undo-point" ?disabled=${trace.points.length === 0}
          @click=${() => setTrace({ points: trace.points.slice(0, -1) })}>${t("create.undoPoint")}</button>
        <button type="button" data-testid="clear-trace" ?disabled=${trace.points.length === 0}
          @click=${() => setTrace({ points: [] })}>${t("create.clearArm")}</button>
      </div>
      <div class="tracer-stage" id="tracer-stage">
        <canvas
          id="tracer-canvas"
          data-testid="tracer-canvas"
          data-mode=${trace.mode}
          tabindex="0"
          aria-label=${t("create.canvasLabel")}
          aria-describedby="fit-summary"
        ></canvas>
      </div>
      <p class="hint">
        ${photoName ? t("create.hintPhoto", { file: photoName }) : t("create.hintBlank")}
      </p>
    </section>
    <section class="panel fit" aria-labelledby="fit-title">
      <h2 id="fit-title">${t("create.fitTitle")}</h2>
      ${polarPlot(canonical, fit)}
      <p id="fit-summary" data-testid="fit-summary" aria-live="polite" data-pitch=${fit ? fit.pitchDeg.toFixed(3) : ""}
        data-turns=${fit ? fit.turns.toFixed(3) : ""}>${status}</p>
      <ul class="trace-problems" data-testid="trace-problems" aria-live="polite">
        ${problems.map((p) => html`<li data-code=${p.code}>${problemText(p, arm)}</li>`)}
      </ul>
      <form class="keep-form" @submit=${(e: Event) => (e.preventDefault(), keepSpiral())}>
        <h3>${t("create.keepTitle")}</h3>
        <label class=${keepProblem?.field === "name" ? "invalid" : ""}
          >${t("create.keepName")} <input data-testid="keep-name" maxlength="40" required .value=${keep.name}
            @input=${(e: Event) => (keep = { ...keep, name: (e.target as HTMLInputElement).value })} /></label>
        <label
          >${t("create.keepKind")}
          <select data-testid="keep-kind" @change=${(e: Event) => (keep = { ...keep, kind: (e.target as HTMLSelectElement).value as TracedSpiral["kind"] })}>
            ${SPIRAL_KINDS.map((k) => html`<option value=${k} ?selected=${keep.kind === k}>${kindName(k)}</option>`)}
          </select></label
        >
        <label class=${keepProblem?.field === "cue" ? "invalid" : ""}
          >${t("create.keepCue")}
          <input data-testid="keep-cue" maxlength="60" placeholder=${t("create.keepCuePlaceholder")} .value=${keep.cue}
            @input=${(e: Event) => (keep = { ...keep, cue: (e.target as HTMLInputElement).value })} /></label>
        <p class="error" data-testid="keep-problem" role="alert" ?hidden=${!keepProblem}>${keepProblem?.text() ?? ""}</p>
        <button type="submit" class="primary" data-testid="keep-spiral" ?disabled=${problems.length > 0 || trace.points.length === 0}>
          ${t("create.keepButton")}
        </button>
      </form>
    </section>
  `;
}

function keepSpiral(): void {
  const arm = storedArm(polar());
  const candidate = { name: keep.name, kind: keep.kind, cue: keep.cue || keep.name, theta: arm.theta, logr: arm.logr };
  const parsed = tracedSpiralSchema.safeParse(candidate);
  if (!parsed.success) {
    const problem = issueProblem(parsed.error, "(spiral)", "invalid-set");
    keepProblem = { text: () => describeProblem(problem), field: problem.field };
    return draw();
  }
  if (builder.spirals.length >= SET_LIMITS.maxSpirals) {
    keepProblem = { text: () => t("create.tooManySpirals", { max: SET_LIMITS.maxSpirals }), field: "(set)" };
    return draw();
  }
  keepProblem = undefined;
  builder.spirals = [...builder.spirals, parsed.data];
  const name = parsed.data.name;
  showNotice(() => t("create.spiralKept", { name }));
  keep = { name: "", kind: keep.kind, cue: "" };
  draw();
}

// --- The set ----------------------------------------------------------------------------------

function setInput(): RoundSetInput {
  return {
    version: 1,
    name: builder.name,
    spirals: builder.spirals,
    rounds: builder.rounds.map((r) => ({
      a: r.a,
      b: r.b,
      ...(r.relation ? { relation: r.relation } : {}),
      ...(r.cue.trim() ? { cue: r.cue } : {}),
    })),
  };
}

function loadSet(set: RoundSet, saved?: SetSummary): void {
  builder.name = set.name;
  builder.spirals = set.spirals;
  builder.rounds = set.rounds.map((r) => ({ a: r.a, b: r.b, relation: r.relation ?? "", cue: r.cue ?? "" }));
  builder.problem = undefined;
  builder.saved = saved;
  draw();
}

/** The set as it stands, checked with the server's schema: the first problem is shown with its field. */
function checked(): RoundSet | undefined {
  const result = checkSet(setInput());
  builder.problem = result.ok ? undefined : { text: () => describeProblem(result), field: result.field };
  draw();
  return result.ok ? result.set : undefined;
}

async function withKey<T>(what: (key: string) => Promise<T>): Promise<T | undefined> {
  builder.busy = true;
  draw();
  try {
    return await what(await ensureTeacherKey());
  } catch (err) {
    if (err instanceof SetRefusal && err.field && err.field !== "authorization")
      builder.problem = { text: err.words, field: err.field };
    else showError(() => errorText(err));
    return undefined;
  } finally {
    builder.busy = false;
    draw();
  }
}

async function refreshMine(): Promise<void> {
  const key = readTeacherKey();
  if (!key) return;
  try {
    builder.mine = (await listSets(key)).sets;
  } catch {
    builder.mine = undefined;
  }
  draw();
}

const actions = {
  rename: (name: string) => ((builder.name = name), draw()),
  removeSpiral: (index: number) => {
    const used = builder.rounds.some((r) => [r.a, r.b].some((s) => "traced" in s && s.traced === index));
    if (used) return showError(() => t("create.spiralInUse"));
    builder.spirals = builder.spirals.filter((_, i) => i !== index);
    // Later spirals move up one place: their rounds follow them.
    const shift = (ref: DraftRound["a"]) => ("traced" in ref && ref.traced > index ? { traced: ref.traced - 1 } : ref);
    builder.rounds = builder.rounds.map((r) => ({ ...r, a: shift(r.a), b: shift(r.b) }));
    draw();
  },
  addRound: () => {
    const traced = builder.spirals.length;
    const a = traced > 0 ? { traced: traced - 1 } : { catalog: CATALOG.spirals[0].id };
    builder.rounds = [...builder.rounds, { a, b: { catalog: "m51-whirlpool" }, relation: "", cue: "" }];
    draw();
  },
  removeRound: (index: number) => ((builder.rounds = builder.rounds.filter((_, i) => i !== index)), draw()),
  changeRound: (index: number, change: Partial<DraftRound>) => {
    builder.rounds = builder.rounds.map((r, i) => (i === index ? { ...r, ...change } : r));
    draw();
  },
  save: async () => {
    const set = checked();
    if (!set) return;
    const saved = await withKey((key) => saveSet(key, set));
    if (!saved) return;
    builder.saved = saved;
    showNotice(() => t("create.savedNotice", { name: saved.name }));
    await refreshMine();
  },
  exportJson: () => {
    const set = checked();
    if (!set) return;
    const blob = new Blob([JSON.stringify(set, null, 2)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `round-set-${set.name.replace(/[^\w-]+/g, "-").toLowerCase()}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  },
  importJson: async (file: File) => {
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch {
      builder.problem = { text: () => t("create.notJson", { file: file.name }), field: "(set)" };
      return draw();
    }
    const result = checkSet(raw);
    if (!result.ok) {
      builder.problem = {
        text: () => t("create.importProblem", { file: file.name, problem: describeProblem(result) }),
        field: result.field,
      };
      return draw();
    }
    loadSet(result.set);
    const name = result.set.name;
    showNotice(() => t("create.imported", { name, file: file.name }));
  },
  share: async (id: string) => {
    const shared = await withKey((key) => shareSet(key, id));
    if (!shared) return;
    const link = `${location.origin}${shared.link}`;
    showNotice(() => t("create.shareNotice", { link }));
    await refreshMine();
  },
  load: async (id: string) => {
    const found = await withKey((key) => readSet(key, id));
    if (found) loadSet(found.set);
  },
  remove: async (id: string) => {
    if (!(await confirmAction(t("create.deleteQuestion"), t("create.deleteConfirm")))) return;
    await withKey((key) => deleteSet(key, id));
    if (builder.saved?.id === id) builder.saved = undefined;
    await refreshMine();
  },
};

// --- The page ---------------------------------------------------------------------------------

function draw(): void {
  render(
    html`<div class="create-grid">${tracerView()}</div>
      ${builderView(builder, {
        ...actions,
        save: () => void actions.save(),
        importJson: (f) => void actions.importJson(f),
        share: (id) => void actions.share(id),
        load: (id) => void actions.load(id),
        remove: (id) => void actions.remove(id),
      })}`,
    root,
  );
  const element = document.getElementById("tracer-canvas") as HTMLCanvasElement | null;
  if (element && !canvas) {
    canvas = new TracerCanvas(element, () => trace, setTrace);
    element.addEventListener("focus", draw);
    element.addEventListener("blur", draw);
    const stage = document.getElementById("tracer-stage")!;
    new ResizeObserver(() => {
      const width = Math.max(240, Math.floor(stage.clientWidth));
      const height = Math.round(width * 0.75);
      if (width === trace.view.width && height === trace.view.height) return;
      element.style.width = `${width}px`;
      element.style.height = `${height}px`;
      setTrace({ view: { ...trace.view, width, height } });
    }).observe(stage);
  }
  canvas?.draw();
}

/** /create?shared=TOKEN: another teacher's shared set, opened with this browser's key as a copy. */
async function openShared(): Promise<void> {
  const token = new URLSearchParams(location.search).get("shared");
  if (token === null) return;
  if (!SHARE_TOKEN_PATTERN.test(token)) return showError(() => t("create.badShareLink"));
  const found = await withKey((key) => sharedSet(key, token));
  if (!found) return;
  loadSet(found.set);
  const name = found.set.name;
  showNotice(() => t("create.sharedCopy", { name }));
}

/** The set's name as it opens, in the language shown (replaced on a language change unless typed). */
let defaultName = builder.name;
function languageChanged(): void {
  const previous = defaultName;
  defaultName = t("create.defaultSetName");
  if (builder.name === previous) builder.name = defaultName;
  document.title = t("create.pageTitle");
  draw();
}

await initI18n();
mountLanguageMenu(byId("language-menu"));
onLanguageChange(languageChanged);
languageChanged();
void refreshMine();
void openShared();

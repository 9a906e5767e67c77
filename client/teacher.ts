// /teacher: a teacher key's classes. The key comes from the link's fragment (/teacher#tk-…, which
// browsers never send to the server; it is then remembered and taken out of the address bar) or
// from this browser's storage, and goes only in the API's Authorization header. The page lists
// the key's rooms and homework, makes homework, and shows the report the address names
// (?report=match:ID | assignment:ID | all), refreshed every 10 s while the tab is visible.
import { render } from "lit-html";
import { TEACHER_KEY_PATTERN } from "../shared/teacher";
import { byId } from "./dom";
import { initI18n, mountLanguageMenu, onLanguageChange, t } from "./i18n/i18n";
import { ensureTeacherKey, readTeacherKey, rememberTeacherKey, teacherPageUrl } from "./teacher-key";
import { confirmAction, errorText, showError, showNotice } from "./ui";
import { draftProblem, draftSettings } from "./teacher/draft";
import { reportTitle } from "./teacher/report-view";
import { ApiRefusal, createAssignment, getOverview, getReport, getReportCsv, revokeKey } from "./teacher/teacher-api";
import {
  choiceFromUrl,
  choiceParam,
  sameChoice,
  teacherStore,
  type ReportChoice,
  type Words,
} from "./teacher/teacher-state";
import { teacherPage, type TeacherActions } from "./teacher/teacher-view";
import { listSets, setAssignment } from "./create/sets-api";

const REFRESH_MS = 10_000;

const store = teacherStore(choiceFromUrl(new URLSearchParams(location.search)));
/** The key of the link, kept here too where storage is blocked. */
let linkKey: string | undefined;

/** What an error says, worded when it is shown (a refusal's code, in the language shown then). */
const wordsOf =
  (err: unknown): Words =>
  () =>
    errorText(err);

// --- The key ---------------------------------------------------------------------------------

/** Takes the key from /teacher#KEY: remembered, then out of the address bar if storage kept it. */
function adoptLinkKey(): void {
  let raw: string;
  try {
    raw = decodeURIComponent(location.hash.slice(1)).trim();
  } catch {
    raw = location.hash.slice(1); // a stray % in a hand-typed link
  }
  if (!raw) return;
  if (!TEACHER_KEY_PATTERN.test(raw)) {
    showError(() => t("teacher.badKeyLink"));
    return;
  }
  rememberTeacherKey(raw);
  linkKey = raw;
  if (readTeacherKey() === raw) history.replaceState(history.state, "", location.pathname + location.search);
}

const currentKey = () => linkKey ?? readTeacherKey();

function useKey(key: string | undefined): void {
  store.set({ key, keyStatus: key ? "checking" : "none", refusal: undefined, overview: undefined, live: "false" });
  void refresh();
}

/** The server refused the key (unknown or revoked): this browser forgets it. */
function refuse(key: string, why: Words): void {
  if (readTeacherKey() === key) rememberTeacherKey(undefined);
  if (linkKey === key) linkKey = undefined;
  if (store.get().key === key) store.set({ key: undefined, keyStatus: "refused", refusal: why, overview: undefined });
}

const refusedKey = (err: unknown) => err instanceof ApiRefusal && (err.status === 401 || err.status === 403);

// --- Loading ---------------------------------------------------------------------------------

/** The page's error line shows a lost connection (cleared when the server answers again). */
let offline = false;
function connection(problem: Words | undefined): void {
  if (problem) showError(problem);
  else if (offline) showError(null);
  offline = Boolean(problem);
}

async function loadOverview(): Promise<void> {
  const key = store.get().key;
  if (!key) return;
  try {
    const overview = await getOverview(key);
    if (store.get().key !== key) return;
    store.set({ overview, keyStatus: "ok", live: "true" });
    connection(undefined);
  } catch (err) {
    if (store.get().key !== key) return;
    if (refusedKey(err)) return refuse(key, wordsOf(err));
    store.set({ live: "error" });
    connection(wordsOf(err));
  }
}

/** The number of the latest report request: an older answer arriving late is dropped. */
let reportAsk = 0;

async function loadReport(): Promise<void> {
  const { key, report } = store.get();
  if (!key || !report) return;
  const ask = ++reportAsk;
  const choice = report.choice;
  try {
    const data = await getReport(key, choice);
    if (ask === reportAsk) store.set({ report: { choice, data } });
  } catch (err) {
    if (ask !== reportAsk) return;
    if (refusedKey(err)) return refuse(key, wordsOf(err));
    // A refusal (not this key's, malformed) drops the report; a lost connection keeps the last one.
    const data = err instanceof ApiRefusal ? undefined : store.get().report?.data;
    store.set({ report: { choice, data, error: wordsOf(err) } });
  }
}

/** The key's round sets (for "Rounds from" and the sets card); a failure leaves the last list. */
async function loadSets(): Promise<void> {
  const key = store.get().key;
  if (!key) return;
  try {
    const { sets } = await listSets(key);
    if (store.get().key === key) store.set({ sets });
  } catch {
    // the overview's refresh reports a lost connection or a refused key
  }
}

const refresh = () => Promise.all([loadOverview(), loadReport(), loadSets()]);

/** Shows a report (or none), keeping the choice in the address; `push` adds a history entry. */
function choose(choice: ReportChoice | undefined, push: boolean): void {
  const current = store.get().report;
  if (push) {
    const search = choice ? `?report=${choiceParam(choice)}` : "";
    history.pushState({}, "", `/teacher${search}${location.hash}`);
  }
  const keep = sameChoice(choice, current?.choice) ? current?.data : undefined;
  store.set({ report: choice && { choice, data: keep } });
  void loadReport();
  if (choice && push) requestAnimationFrame(() => document.getElementById("report")?.scrollIntoView());
}

// --- Actions ---------------------------------------------------------------------------------

function copyText(text: string, copied: Words): void {
  const refused = () => showNotice(() => t("teacher.copyRefused"));
  if (!navigator.clipboard) return refused();
  navigator.clipboard.writeText(text).then(() => showNotice(copied), refused);
}

async function submitAssignment(): Promise<void> {
  const { key, draft: d, formBusy } = store.get();
  if (!key || formBusy) return;
  const now = Date.now();
  if (draftProblem(d, now)) return store.set({ formError: () => draftProblem(d, now) ?? "" });
  const settings = draftSettings(d);
  store.set({ formBusy: true, formError: undefined });
  try {
    const made = d.set
      ? await setAssignment(key, d.set, { ...settings, kinds: undefined })
      : await createAssignment(key, settings);
    const overview = store.get().overview;
    if (overview) store.set({ overview: { ...overview, assignments: [made, ...overview.assignments] } });
    store.set({ formBusy: false });
    showNotice(() => t("teacher.assignmentReady", { title: made.title }));
    void loadOverview();
  } catch (err) {
    store.set({ formBusy: false });
    if (refusedKey(err)) return refuse(key, wordsOf(err));
    store.set({ formError: wordsOf(err) });
  }
}

async function downloadCsv(): Promise<void> {
  const { key, report } = store.get();
  if (!key || !report) return;
  try {
    const { blob, filename } = await getReportCsv(key, report.choice);
    const url = URL.createObjectURL(blob);
    const a = Object.assign(document.createElement("a"), { href: url, download: filename });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (err) {
    showError(() => t("teacher.csvFailed", { why: errorText(err) }));
  }
}

const actions: TeacherActions = {
  async makeKey() {
    store.set({ keyBusy: true });
    try {
      const key = await ensureTeacherKey();
      linkKey = undefined;
      useKey(key);
      showNotice(() => t("teacher.keyMade"));
    } catch (err) {
      showError(wordsOf(err));
    } finally {
      store.set({ keyBusy: false });
    }
  },
  copyKey: () => {
    const key = store.get().key;
    if (key) copyText(teacherPageUrl(key), () => t("teacher.copiedKeyLink"));
  },
  mask: (keyMasked) => store.set({ keyMasked }),
  async revoke() {
    const key = store.get().key;
    const sure = await confirmAction(t("teacher.revokeQuestion"), t("teacher.revokeConfirm"));
    if (!sure || !key) return;
    store.set({ keyBusy: true });
    try {
      await revokeKey(key);
      refuse(key, () => t("teacher.keyRevokedRefusal"));
      showNotice(() => t("teacher.keyRevoked"));
    } catch (err) {
      if (refusedKey(err)) refuse(key, wordsOf(err));
      else showError(() => t("teacher.revokeFailed", { why: errorText(err) }));
    } finally {
      store.set({ keyBusy: false });
    }
  },
  open: (choice) => choose(choice, true),
  copy: copyText,
  csv: () => void downloadCsv(),
  print: () => window.print(),
  close: () => choose(undefined, true),
  draft: (change) => store.set({ draft: { ...store.get().draft, ...change }, formError: undefined }),
  submit: () => void submitAssignment(),
};

// --- Wiring ----------------------------------------------------------------------------------

const root = byId("teacher-page");
const draw = () => {
  const s = store.get();
  render(teacherPage(s, actions), root);
  // The printed page's header says what it is.
  const title = s.report && reportTitle(s.report);
  document.title = title ? t("teacher.reportPageTitle", { title }) : t("teacher.pageTitle");
};

/** The form's title as it opens, in the language shown (replaced on a language change unless typed). */
let defaultTitle = t("teacher.defaultTitle");
function languageChanged(): void {
  const draft = store.get().draft;
  const previous = defaultTitle;
  defaultTitle = t("teacher.defaultTitle");
  if (draft.title === previous) store.set({ draft: { ...draft, title: defaultTitle } });
  draw();
}

await initI18n();
mountLanguageMenu(byId("language-menu"));
languageChanged();
onLanguageChange(languageChanged);
store.subscribe(draw);

adoptLinkKey();
if (new URLSearchParams(location.search).has("report") && !store.get().report) {
  showError(() => t("teacher.unknownReport"));
}
draw();
useKey(currentKey());

window.addEventListener("hashchange", () => {
  adoptLinkKey();
  if (currentKey() !== store.get().key) useKey(currentKey());
});
window.addEventListener("popstate", () => choose(choiceFromUrl(new URLSearchParams(location.search)), false));
// Without a key (or after a refusal) a refresh asks nothing; a key whose first check met no server is tried again.
setInterval(() => document.hidden || void refresh(), REFRESH_MS);
document.addEventListener("visibilitychange", () => document.hidden || void refresh());

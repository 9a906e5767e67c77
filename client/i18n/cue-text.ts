// The cue sentence every player reads while tuning, worded from the facts the server sends
// (`CueView`, shared/round.ts): client/locales/<lang>/cue.json. A teacher's own cue is shown as is.
import type { CueView } from "../../shared/round";
import { catalogEntryNamed, spiralCue, spiralName } from "./spiral-names";
import { t } from "./i18n";

/** The cue as one sentence in the current language, e.g. "Hidden: a nautilus shell (Chambered nautilus), same kind. …". */
export function cueText(cue: CueView): string {
  if ("given" in cue) return cue.given;
  if ("tracedB" in cue) return t("cue.traced", { relation: cue.relation, name: cue.name, phrase: cue.phrase });
  const entry = cue.nameTraced ? undefined : catalogEntryNamed(cue.name);
  return t("cue.drawn", {
    relation: cue.relation,
    name: cue.nameTraced ? cue.name : spiralName(cue.name),
    phrase: entry ? spiralCue(entry) : cue.name,
    share: cue.sharedShare,
    kept: cue.bumpsKept > 0 ? "some" : "none",
    bumps: cue.bumpsKept,
    // The ratio as the cue states it: one decimal below 2, whole from 2 up.
    whole: cue.bumpRatio >= 2 ? "yes" : "no",
    ratio: cue.bumpRatio,
  });
}

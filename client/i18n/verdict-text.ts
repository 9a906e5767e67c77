// Why a reveal failed its check (shared/round-proof.ts), in words. Its own file so the
// leaderboard can word a verdict without loading the round generator up front.
import type { VerdictReason } from "../../shared/round-proof";
import { t } from "./i18n";

export const verdictText = (reason: VerdictReason): string =>
  t(reason === "commitment-mismatch" ? "lesson.verdictCommitmentMismatch" : "lesson.verdictBMismatch");

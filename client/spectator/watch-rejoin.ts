// /watch after the server process that held the watched room died (a crash, a restart): the next
// process restores the room under the same code, and the page watches it again — a spectator's
// join by code with the backoff of ../rejoin, behind the "reconnecting…" notice. `prepare` (from
// ../watch) listens to the new room at once, so its first messages (restored, round) are not missed.
import { t } from "../i18n/i18n";
import { describeRefusal } from "../i18n/refusal-text";
import { rejoinRoom, type MatchRoom } from "../net";
import { rejoinFailure, rejoinWithBackoff, type RejoinCause } from "../rejoin";
import { readStored } from "../storage";
import { errorText } from "../ui";
import { SPECTATOR_NAME_KEY, type Watching } from "./watch-state";

/** The notice while the page tries. */
export const rejoiningNotice = (code: string, cause: RejoinCause) =>
  cause === "restart" ? describeRefusal({ code: "server-restarting" }) : t("watch.connectionLost", { code });

/** The new watching (back), a sentence saying why not (refused, or a minute without an answer), or undefined (stopped). */
export async function watchAgain(
  w: Watching,
  wanted: () => boolean,
  prepare: (room: MatchRoom) => Watching,
): Promise<Watching | string | undefined> {
  const name = readStored(SPECTATOR_NAME_KEY) ?? t("watch.defaultSpectatorName");
  const outcome = await rejoinWithBackoff({
    attempt: () => rejoinRoom(w.code, { name, spectator: true }).then(prepare),
    wanted,
  });
  switch (outcome.kind) {
    case "back":
      return outcome.room;
    case "stopped":
      void outcome.room?.room.leave(true).catch(() => undefined);
      return undefined;
    case "refused":
      return t("watch.rejoinRefused", { code: w.code, reason: errorText(outcome.error) });
    case "timeout":
      return t(
        outcome.error !== undefined && rejoinFailure(outcome.error) === "no-room"
          ? "watch.rejoinNoRoom"
          : "watch.rejoinTimeout",
        { code: w.code },
      );
  }
}

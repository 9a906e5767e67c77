// /watch after the server process that held the watched room died (a crash, a restart): the next
// process restores the room under the same code, and the page watches it again — a spectator's
// join by code with the backoff of ../rejoin, behind the "reconnecting…" notice. `prepare` (from
// ../watch) listens to the new room at once, so its first messages (restored, round) are not missed.
import { SERVER_RESTARTING } from "../../shared/protocol";
import { rejoinRoom, type MatchRoom } from "../net";
import { rejoinFailure, rejoinWithBackoff, type RejoinCause } from "../rejoin";
import { readStored } from "../storage";
import { SPECTATOR_NAME_KEY, type Watching } from "./watch-state";

/** The notice while the page tries. */
export const rejoiningNotice = (code: string, cause: RejoinCause) =>
  cause === "restart" ? SERVER_RESTARTING : `Connection to room ${code} lost — reconnecting…`;

/** The new watching (back), a sentence saying why not (refused, or a minute without an answer), or undefined (stopped). */
export async function watchAgain(
  w: Watching,
  wanted: () => boolean,
  prepare: (room: MatchRoom) => Watching,
): Promise<Watching | string | undefined> {
  const name = readStored(SPECTATOR_NAME_KEY) ?? "Spectator";
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
      return `Stopped watching room ${w.code}: the server restarted and said no (${(outcome.error as Error).message}).`;
    case "timeout":
      return outcome.error !== undefined && rejoinFailure(outcome.error) === "no-room"
        ? `Stopped watching room ${w.code}: the server came back without it.`
        : `Stopped watching room ${w.code}: the server did not come back within a minute. Pick the room again when it is back.`;
  }
}

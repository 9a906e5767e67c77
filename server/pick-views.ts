// Who sees which picks before the reveal: every client sees its own player's pick (a `.view()`
// field); everyone's only while the host shows picks live. The counts of locked picks go out
// under the same rule.
import type { Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { MAX_LEVEL } from "../shared/ladder-levels";
import type { PickCountsMessage } from "../shared/protocol";
import type { MatchState } from "../shared/state";

/** Adds to (or removes from) the client's view the players whose picks it may see. */
export function showPicksTo(client: Client, state: MatchState): void {
  client.view ??= new StateView();
  for (const [sessionId, player] of state.players) {
    const sees = sessionId === client.sessionId || state.showPicksLive;
    if (sees && !client.view.has(player)) client.view.add(player);
    if (!sees && client.view.has(player)) client.view.remove(player);
  }
}

/** How many players in the round locked in at each level (index 0 = level 1). */
export function pickCounts(state: MatchState, locked: (sessionId: string) => boolean): PickCountsMessage {
  const counts = Array.from({ length: MAX_LEVEL }, () => 0);
  for (const [sessionId, p] of state.players) if (p.playing && locked(sessionId)) counts[p.pick - 1]++;
  return { round: state.round, counts };
}

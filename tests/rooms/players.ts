// Test players: real SDK clients joined to a real room, recording every message they get.
import type { Room as SDKRoom } from "@colyseus/sdk";
import type { ColyseusTestServer } from "@colyseus/testing";
import type { ErrorMessage, JoinOptions, RevealMessage, RoundMessage } from "../../shared/protocol";
import { MATCH_ROOM } from "../../shared/protocol";
import type { MatchState } from "../../server/state";

export interface TestPlayer {
  room: SDKRoom<any, MatchState>;
  messages: { type: string; payload: any }[];
  rounds: RoundMessage[];
  reveals: RevealMessage[];
  errors: ErrorMessage[];
  /** Resolves when the state satisfies `check` (tested on every patch). */
  until(check: (state: MatchState) => boolean, what: string, timeoutMs?: number): Promise<MatchState>;
  /** Resolves with the next error reply. */
  nextError(): Promise<ErrorMessage>;
}

function record(room: SDKRoom<any, MatchState>): TestPlayer {
  const player: TestPlayer = {
    room, messages: [], rounds: [], reveals: [], errors: [],
    until(check, what, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        if (room.state && check(room.state)) return resolve(room.state);
        const timer = setTimeout(() => { off(); reject(new Error(`timed out waiting for ${what} (phase ${room.state?.phase})`)); }, timeoutMs);
        const listener = (state: MatchState) => {
          if (check(state)) { off(); clearTimeout(timer); resolve(state); }
        };
        const off = () => room.onStateChange.remove(listener);
        room.onStateChange(listener);
      });
    },
    nextError() {
      const seen = player.errors.length;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no error reply")), 5000);
        const poll = setInterval(() => {
          if (player.errors.length > seen) { clearInterval(poll); clearTimeout(timer); resolve(player.errors[seen]); }
        }, 10);
      });
    },
  };
  room.onMessage("*", (type, payload: any) => {
    player.messages.push({ type: String(type), payload });
    if (type === "round") player.rounds.push(payload);
    if (type === "reveal") player.reveals.push(payload);
    if (type === "error") player.errors.push(payload);
  });
  return player;
}

export async function createMatch(colyseus: ColyseusTestServer, options: JoinOptions): Promise<TestPlayer> {
  const player = record(await colyseus.sdk.create<MatchState>(MATCH_ROOM, options));
  await player.until((s) => Boolean(s.code), "the room state");
  return player;
}

export async function joinMatch(colyseus: ColyseusTestServer, code: string, options: JoinOptions): Promise<TestPlayer> {
  const player = record(await colyseus.sdk.joinById<MatchState>(code, options));
  await player.until((s) => s.code === code, "the room state");
  return player;
}

export const inPhase = (phase: string) => (state: MatchState) => state.phase === phase;

// Test players: real SDK clients joined to a real room, recording every message they get.
import { ColyseusSDK, Room as SDKRoomClass, type Room as SDKRoom } from "@colyseus/sdk";
import type { ColyseusTestServer } from "@colyseus/testing";
import type { ErrorMessage, JoinOptions, RevealMessage, RoundMessage } from "../../shared/protocol";
import { revealFromState, type RevealView } from "../../shared/reveal-view";
import { MATCH_ROOM } from "../../shared/protocol";
import type { MatchState } from "../../shared/state";
import { loadTf } from "../../server/tf";
import { roundOf } from "../../shared/round-proof";
import type { RoundOpening } from "../../shared/round-key";
import { fitRound } from "../../shared/round-ladder";

export interface TestPlayer {
  room: SDKRoom<any, MatchState>;
  /** Every message but the reveals (see `reveals`). */
  messages: { type: string; payload: any }[];
  rounds: RoundMessage[];
  /** Each reveal with everybody's results, as a client rebuilds them from the state. */
  reveals: RevealView[];
  errors: ErrorMessage[];
  /** Resolves when the state satisfies `check` (tested on every patch). */
  until(check: (state: MatchState) => boolean, what: string, timeoutMs?: number): Promise<MatchState>;
  /** Resolves with the next error reply. */
  nextError(): Promise<ErrorMessage>;
}

function record(room: SDKRoom<any, MatchState>): TestPlayer {
  const player: TestPlayer = {
    room,
    messages: [],
    rounds: [],
    reveals: recordReveals(room),
    errors: [],
    until(check, what, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        if (room.state && check(room.state)) return resolve(room.state);
        const timer = setTimeout(() => {
          off();
          reject(new Error(`timed out waiting for ${what} (phase ${room.state?.phase})`));
        }, timeoutMs);
        const listener = (state: MatchState) => {
          if (check(state)) {
            off();
            clearTimeout(timer);
            resolve(state);
          }
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
          if (player.errors.length > seen) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve(player.errors[seen]);
          }
        }, 10);
      });
    },
  };
  room.onMessage("*", (type, payload: any) => {
    player.messages.push({ type: String(type), payload });
    if (type === "round") player.rounds.push(payload);
    if (type === "error") player.errors.push(payload);
  });
  return player;
}

/**
 * Each reveal of a room as its screens see it: the message plus everybody's results, rebuilt
 * from the state. The message comes a patch before the state's revealed picks and points (or,
 * when catching up, after them), so a view is added once both are here.
 */
export function recordReveals(room: SDKRoom<any, MatchState>): RevealView[] {
  const views: RevealView[] = [];
  let message: RevealMessage | undefined;
  const settle = () => {
    const view = message && room.state && revealFromState(message, room.state);
    if (view) {
      views.push(view);
      message = undefined;
    }
  };
  room.onStateChange(settle);
  room.onMessage("reveal", (m: RevealMessage) => {
    message = m;
    settle();
  });
  return views;
}

/** Any SDK client: the test server's own (`colyseus.sdk`) or a {@link capturingClient}. */
type SDK = ColyseusTestServer["sdk"];

export async function createMatch(
  colyseus: ColyseusTestServer,
  options: JoinOptions,
  sdk: SDK = colyseus.sdk,
  roomName = MATCH_ROOM,
): Promise<TestPlayer> {
  const player = record(await sdk.create<MatchState>(roomName, options));
  await player.until((s) => Boolean(s.code), "the room state");
  return player;
}

export async function joinMatch(
  colyseus: ColyseusTestServer,
  code: string,
  options: JoinOptions,
  sdk: SDK = colyseus.sdk,
): Promise<TestPlayer> {
  const player = record(await sdk.joinById<MatchState>(code, options));
  await player.until((s) => s.code === code, "the room state");
  return player;
}

export const inPhase = (phase: string) => (state: MatchState) => state.phase === phase;

// ---------------------------------------------------------------------------------------------
// Raw frames: what the socket really delivered, byte for byte.

export interface Frame {
  /** The WebSocket message's bytes, exactly as the socket delivered them. */
  bytes: Uint8Array;
  /** Date.now() when it arrived. */
  at: number;
  /** What the client's `inspect` function saw in the decoded state right after this frame. */
  seen?: unknown;
}

/**
 * An SDK room that records every WebSocket message its socket receives (from the join
 * handshake on) before the SDK decodes it. `afterFrame` runs right after the SDK has decoded
 * a frame (state frames are decoded synchronously), so it sees the state that frame produced.
 */
export class CapturingRoom<State = any> extends SDKRoomClass<any, State> {
  frames: Frame[] = [];
  /** Called right after the SDK decoded each frame; its result is kept as `frame.seen`. */
  inspect?: (state: State | undefined) => unknown;

  connect(endpoint: string, options?: any, headers?: any): void {
    super.connect(endpoint, options, headers);
    // The transport creates its socket synchronously; hook the socket's own message handler.
    const ws = (this.connection.transport as any).ws as { onmessage: ((event: { data: unknown }) => void) | null };
    const deliver = ws.onmessage!;
    ws.onmessage = (event) => {
      const data = event.data;
      const bytes =
        typeof data === "string"
          ? new TextEncoder().encode(data)
          : data instanceof ArrayBuffer
            ? new Uint8Array(data.slice(0))
            : new Uint8Array((data as ArrayBufferView).buffer.slice(0)); // (Buffer with the `ws` package)
      const frame: Frame = { bytes, at: Date.now() };
      this.frames.push(frame);
      deliver.call(ws, event); // the SDK decodes the frame, synchronously
      if (this.inspect) frame.seen = this.inspect(this.serializer?.getState());
    };
  }
}

class CapturingSDK extends ColyseusSDK {
  inspect?: (state: any) => unknown;
  protected createRoom<T>(roomName: string, rootSchema?: any): SDKRoomClass<any, T> {
    const room = new CapturingRoom<T>(roomName, rootSchema);
    room.inspect = this.inspect;
    return room;
  }
}

/**
 * An SDK client for the test server whose rooms are {@link CapturingRoom}s. `inspect`, when
 * given, looks at the decoded state after every frame (see {@link Frame.seen}).
 */
export function capturingClient(
  colyseus: ColyseusTestServer,
  inspect?: (state: MatchState | undefined) => unknown,
): SDK {
  const sdk = new CapturingSDK({ ...(colyseus.sdk as any).settings }); // the same endpoint
  sdk.inspect = inspect;
  return sdk as SDK;
}

export const framesOf = (player: TestPlayer): CapturingRoom<MatchState> => {
  if (!(player.room instanceof CapturingRoom)) throw new Error("not joined with capturingClient()");
  return player.room as CapturingRoom<MatchState>;
};

// ---------------------------------------------------------------------------------------------

/** The hidden error of every level of a round from its published opening, computed here, independently of the room. */
export async function hiddenErrors(opening: RoundOpening): Promise<Map<number, number>> {
  const { hidden } = fitRound(await loadTf(), roundOf(opening));
  return new Map(hidden!.map((h) => [h.level, h.error]));
}

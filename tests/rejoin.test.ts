// The client's way back into a room whose server process died (client/rejoin.ts, client/seat-token.ts):
// the backoff, which closes lead to a rejoin by code, which failures are tried again, the loop
// itself (with a fake clock), the per-process address check, and the seat token kept per room.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  onPageAddress,
  REJOIN_WINDOW_MS,
  rejoinCause,
  rejoinDelays,
  rejoinFailure,
  rejoinWithBackoff,
  type RejoinLoop,
} from "../client/rejoin";
import { forgetRoomSeat, loadRoomSeat, saveRoomSeat, seatTokenKey } from "../client/seat-token";
import { loadSeatToken, saveSeatToken } from "../client/reconnection";
import { CLOSE_ABNORMAL, CLOSE_FLOODING, CLOSE_KICKED, CLOSE_REPLACED } from "../shared/protocol";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("the backoff", () => {
  it("waits 0.5 s, 1 s, 2 s, then every 2 s, for up to 60 s in all", () => {
    const delays = rejoinDelays();
    expect(delays.slice(0, 4)).toEqual([500, 1_000, 2_000, 2_000]);
    expect(new Set(delays.slice(2))).toEqual(new Set([2_000]));
    expect(sum(delays)).toBeLessThanOrEqual(REJOIN_WINDOW_MS);
    expect(sum(delays) + 2_000).toBeGreaterThan(REJOIN_WINDOW_MS); // no room for one more
    expect(delays).toHaveLength(31);
  });

  it("fits a shorter window", () => {
    expect(rejoinDelays(3_000)).toEqual([500, 1_000]);
    expect(rejoinDelays(7_500)).toEqual([500, 1_000, 2_000, 2_000, 2_000]);
    expect(rejoinDelays(100)).toEqual([]);
  });
});

describe("when to join again by code", () => {
  it("after the server's restart (4001) and after the SDK's reconnection was refused or unanswered (4003)", () => {
    expect(rejoinCause(4001)).toBe("restart");
    expect(rejoinCause(4003)).toBe("gone");
  });

  it("not after a kick, a Leave, flooding, a newer tab or a drop too soon after joining", () => {
    for (const code of [CLOSE_KICKED, 4000, CLOSE_FLOODING, CLOSE_REPLACED, CLOSE_ABNORMAL, 1000]) {
      expect(rejoinCause(code), String(code)).toBeUndefined();
    }
  });

  it("tries again while the server is down or has not restored the room; stops on a refusal", () => {
    expect(rejoinFailure(new TypeError("Failed to fetch"))).toBe("retry");
    expect(rejoinFailure({ code: 522, message: 'room "K7M2Q" not found' })).toBe("no-room");
    expect(rejoinFailure({ code: 523, message: "onJoin failed" })).toBe("retry");
    expect(rejoinFailure({ code: 524, message: "seat reservation expired." })).toBe("retry");
    expect(rejoinFailure({ code: 521, message: "Cannot rejoin: that seat is not in this room any more." })).toBe(
      "refused",
    );
    expect(rejoinFailure({ code: 525, message: "auth failed" })).toBe("refused");
    expect(rejoinFailure(undefined)).toBe("retry");
  });
});

/** A loop on a fake clock: `sleep` moves the clock; each try takes `tryMs`. */
function fakeLoop<R>(attempt: (n: number) => Promise<R>, over: Partial<RejoinLoop<R>> = {}, tryMs = 10) {
  let clock = 0;
  const waits: number[] = [];
  let tries = 0;
  const loop: RejoinLoop<R> = {
    attempt: async () => {
      tries++;
      clock += tryMs;
      return attempt(tries);
    },
    wanted: () => true,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    now: () => clock,
    ...over,
  };
  return { loop, waits, tries: () => tries, clock: () => clock };
}

const down = () => Promise.reject(new TypeError("Failed to fetch"));
const noRoom = () => Promise.reject(Object.assign(new Error('room "K7M2Q" not found'), { code: 522 }));

describe("the rejoin loop", () => {
  it("gets back in once the server is up and has restored the room", async () => {
    const f = fakeLoop((n) => (n <= 3 ? down() : n <= 5 ? noRoom() : Promise.resolve("room")));
    expect(await rejoinWithBackoff(f.loop)).toEqual({ kind: "back", room: "room" });
    expect(f.waits).toEqual([500, 1_000, 2_000, 2_000, 2_000, 2_000]);
  });

  it("stops at a refusal of the seat", async () => {
    const refusal = Object.assign(new Error("Cannot rejoin: that seat is not in this room any more."), { code: 521 });
    const f = fakeLoop((n) => (n === 1 ? noRoom() : Promise.reject(refusal)));
    expect(await rejoinWithBackoff(f.loop)).toEqual({ kind: "refused", error: refusal });
    expect(f.tries()).toBe(2);
  });

  it("gives up after a minute without an answer", async () => {
    const f = fakeLoop(down);
    const outcome = await rejoinWithBackoff(f.loop);
    expect(outcome.kind).toBe("timeout");
    expect((outcome as { error: Error }).error.message).toBe("Failed to fetch");
    expect(f.tries()).toBe(31);
    expect(f.clock()).toBeLessThanOrEqual(REJOIN_WINDOW_MS + 31 * 10);
  });

  it("counts slow tries against the minute", async () => {
    const f = fakeLoop(down, {}, 5_000); // each try hangs 5 s before failing
    expect((await rejoinWithBackoff(f.loop)).kind).toBe("timeout");
    expect(f.tries()).toBeLessThan(10);
    expect(f.clock()).toBeLessThanOrEqual(REJOIN_WINDOW_MS + 5_000);
  });

  it("stops when the page no longer wants the room (Leave), handing back a room got meanwhile", async () => {
    let failed = 0;
    const before = fakeLoop(
      () => {
        failed++;
        return down();
      },
      { wanted: () => failed < 2 }, // Leave pressed after the second failed try
    );
    expect(await rejoinWithBackoff(before.loop)).toEqual({ kind: "stopped" });
    expect(before.tries()).toBe(2);

    let still = true;
    const during = fakeLoop(
      () => {
        still = false; // Leave pressed while the join was on the wire
        return Promise.resolve("late room");
      },
      { wanted: () => still },
    );
    expect(await rejoinWithBackoff(during.loop)).toEqual({ kind: "stopped", room: "late room" });
  });
});

describe("the room's own address", () => {
  it("is the page's when the socket goes to the page's host, /<process>/<room>", () => {
    expect(onPageAddress("ws://localhost:2567/aB3_x/K7M2Q?sessionId=s", "localhost:2567")).toBe(true);
    expect(onPageAddress(undefined, "localhost:2567")).toBe(true);
    expect(onPageAddress("not a url", "localhost:2567")).toBe(true);
  });

  it("is another process's behind its own PUBLIC_ADDRESS (a host, or a path on the same host)", () => {
    expect(onPageAddress("wss://game-2.example.org/aB3_x/K7M2Q", "play.example.org")).toBe(false);
    expect(onPageAddress("wss://play.example.org/game-2/aB3_x/K7M2Q", "play.example.org")).toBe(false);
  });
});

describe("the seat token, kept per room", () => {
  const TOKEN = "AbCdEfGhIjKlMnOpQrStUv_-";
  beforeEach(() => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, String(v)),
      removeItem: (k: string) => void items.delete(k),
      key: (i: number) => [...items.keys()][i] ?? null,
      get length() {
        return items.size;
      },
    };
    vi.stubGlobal("localStorage", storage);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("is kept, read back and forgotten under its own key", () => {
    saveRoomSeat("K7M2Q", TOKEN);
    expect(loadRoomSeat("K7M2Q")).toBe(TOKEN);
    expect(localStorage.getItem(`shell-galaxy:${seatTokenKey("K7M2Q")}`)).toContain(TOKEN);
    expect(loadRoomSeat("ZZZZZ")).toBeUndefined();
    forgetRoomSeat("K7M2Q");
    expect(loadRoomSeat("K7M2Q")).toBeUndefined();
  });

  it("lives beside the SDK's reconnection token, each pruned on its own", () => {
    saveRoomSeat("K7M2Q", TOKEN);
    saveSeatToken("K7M2Q", "K7M2Q:secret");
    saveSeatToken("ABCDE", "ABCDE:other"); // prunes the "seat:" keys only
    expect(loadRoomSeat("K7M2Q")).toBe(TOKEN);
    expect(loadSeatToken("K7M2Q")).toBe("K7M2Q:secret");
  });

  it("refuses what is not a seat token, and forgets one after 12 hours", () => {
    saveRoomSeat("K7M2Q", "too short");
    expect(loadRoomSeat("K7M2Q")).toBeUndefined();
    localStorage.setItem("shell-galaxy:seat-token:K7M2Q", JSON.stringify({ token: "<b>", savedAt: Date.now() }));
    expect(loadRoomSeat("K7M2Q")).toBeUndefined();
    vi.useFakeTimers({ now: new Date("2026-12-01T08:00:00Z") });
    saveRoomSeat("K7M2Q", TOKEN);
    vi.setSystemTime(new Date("2026-12-01T19:59:00Z"));
    expect(loadRoomSeat("K7M2Q")).toBe(TOKEN);
    vi.setSystemTime(new Date("2026-12-01T20:01:00Z"));
    expect(loadRoomSeat("K7M2Q")).toBeUndefined();
    saveRoomSeat("ABCDE", TOKEN); // saving prunes the stale one
    expect(localStorage.getItem("shell-galaxy:seat-token:K7M2Q")).toBeNull();
  });
});

// Load-test bots, one process of many: real SDK clients that join rooms by code and play like
// people (move the detail control a few times a second, lock in, live through the reveal), and
// measure what a player feels. Started by tools/bench-load.ts, which reads the report on stdout.
import { Client, type Room } from "@colyseus/sdk";
import { Random } from "../shared/random";
import { MAX_LEVEL, MIN_LEVEL } from "../shared/ladder-levels";
import type { MatchState } from "../shared/state";

export interface BotJob {
  code: string;
  name: string;
  spectator: boolean;
}
export interface BotPlan {
  url: string;
  jobs: BotJob[];
  seed: string;
  tuningSeconds: number;
}
export interface BotReport {
  latenciesMs: number[];
  errors: number;
  disconnects: number;
  /** Per client: bytes and state patches received while tuning, and the seconds spent tuning. */
  tuning: { bytes: number; patches: number; seconds: number }[];
  /** Per player and reveal: the bytes of the reveal message and of the patch that reveals everybody's picks and points. */
  revealBytes: number[];
}

const plan: BotPlan = JSON.parse(process.env.BOT_PLAN!);
const random = new Random(plan.seed);
const report: BotReport = { latenciesMs: [], errors: 0, disconnects: 0, tuning: [], revealBytes: [] };
const PATCH = 15; // Protocol.ROOM_STATE_PATCH

function play(room: Room<any, MatchState>, spectator: boolean): void {
  const ws = (room.connection.transport as unknown as { ws: WebSocket }).ws;
  const meter = { bytes: 0, patches: 0, seconds: 0 };
  report.tuning.push(meter);
  let tuningSince = 0;
  /** Bytes of the reveal so far: from its message up to the patch that turns the phase. */
  let reveal: number | undefined;
  // The SDK handles a frame before this listener, so the state here is the frame's outcome.
  ws.addEventListener("message", (event: MessageEvent) => {
    const data = event.data as ArrayBuffer | Buffer;
    if (reveal !== undefined) {
      reveal += data.byteLength;
      if (room.state.phase === "reveal") {
        report.revealBytes.push(reveal);
        reveal = undefined;
      }
    }
    if (!tuningSince) return;
    meter.bytes += data.byteLength;
    if ((new Uint8Array(data as ArrayBuffer)[0] & 31) === PATCH) meter.patches++; // the low 5 bits are the code
  });
  // The reveal message ends tuning (it arrives just before the phase changes): it is counted as
  // the reveal's size, not as tuning traffic.
  const endTuning = () => {
    if (tuningSince) meter.seconds += (performance.now() - tuningSince) / 1000;
    tuningSince = 0;
  };
  room.onMessage("*", (type) => {
    if (type === "error") report.errors++;
    if (type === "reveal") {
      endTuning();
      if (!spectator) reveal = 0;
    }
  });
  room.onLeave((code) => {
    if (code !== 1000 && code !== 4000) report.disconnects++;
  });
  room.onError(() => report.errors++);

  let phase = "";
  let pending: { level: number; at: number } | undefined;
  let timers: ReturnType<typeof setTimeout>[] = [];
  room.onStateChange((state) => {
    const me = state.players?.get(room.sessionId);
    if (pending && me?.pick === pending.level) {
      report.latenciesMs.push(performance.now() - pending.at);
      pending = undefined;
    }
    if (state.phase === phase) return;
    endTuning();
    phase = state.phase;
    tuningSince = phase === "tuning" ? performance.now() : 0;
    timers.forEach(clearTimeout);
    timers = [];
    if (phase !== "tuning" || spectator || !me?.playing) return;
    // A person: a look around, a few moves of the control at human pace, then a lock-in.
    const lockAt = random.uniform(2, plan.tuningSeconds - 2) * 1000;
    for (let t = random.uniform(300, 900); t < lockAt; t += random.uniform(300, 900)) {
      timers.push(
        setTimeout(() => {
          let level = Math.floor(random.uniform(MIN_LEVEL, MAX_LEVEL + 1));
          if (level === me.pick) level = level === MAX_LEVEL ? MIN_LEVEL : level + 1;
          pending = { level, at: performance.now() };
          room.send("pick", { level });
        }, t),
      );
    }
    timers.push(setTimeout(() => room.send("lockIn", {}), lockAt));
  });
}

const rooms: Room<any, MatchState>[] = [];
for (const job of plan.jobs) {
  try {
    const room = await new Client(plan.url).joinById<MatchState>(job.code, {
      name: job.name,
      spectator: job.spectator,
    });
    play(room, job.spectator);
    rooms.push(room);
  } catch (error) {
    report.errors++;
    console.error(`join failed: ${(error as Error).message}`);
  }
}
process.send?.({ joined: rooms.length });
process.on("message", async (message: { stop?: boolean }) => {
  if (!message.stop) return;
  await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));
  process.send?.({ report });
  setTimeout(() => process.exit(0), 100);
});

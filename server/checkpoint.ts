// A room's checkpoint: the durable facts a new process needs to rebuild a live room under the
// same code after a crash, a restart or a deploy (server/restore.ts). Plain JSON, versioned and
// bounded. It holds what fixes each round (its id; B comes from the server's secret and the id),
// never a fit, B's points or the hidden seed, and only hashes of seat tokens and device ids.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { SPIRAL_KINDS } from "../shared/catalog";
import { MAX_LEVEL } from "../shared/ladder-levels";
import type { RoomMode } from "../shared/match-flow";
import { languageSchema } from "../shared/languages";
import { DIFFICULTIES, MAX_PLAYERS, NAME_MAX_LENGTH, PHASES, VISIBILITIES } from "../shared/protocol";
import { canonicalKinds } from "../shared/round-key";
import { Player, type MatchState } from "../shared/state";

/** This process, as the owner of the checkpoints it writes (random per start). */
export const PROCESS_ID: string = randomUUID();

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0).max(1_000_000);

const playerSchema = z.strictObject({
  seat: z.number().int().min(0).max(65_535),
  name: z
    .string()
    .min(1)
    .max(NAME_MAX_LENGTH * 2), // UTF-16 units: 20 characters may take 40
  /** SHA-256 of the player's seat token. */
  seatHash: hex64,
  /** SHA-256 of the player's device id, when it sent one (a kick bars it). */
  deviceHash: hex64.optional(),
  points: count,
  playing: z.boolean(),
  pick: z.number().int().min(0).max(MAX_LEVEL),
  locked: z.boolean(),
  /** The share of tuning time left when the player locked in (the speed bonus). */
  lockShare: z.number().min(0).max(1).optional(),
  /** The shake-up's tally: points the player would have had on A's validation points. */
  pointsOnA: count,
  revealedPick: z.number().int().min(0).max(MAX_LEVEL),
  roundPoints: count,
  speedBonus: count,
  previousRank: count,
});

export const roomCheckpointSchema = z.strictObject({
  version: z.literal(1),
  code: z.string().regex(/^[A-Z0-9]{3,12}$/),
  mode: z.enum(["match", "daily", "homework"]),
  /** The process that hosts the room (PROCESS_ID). */
  owner: z.string().min(1).max(64),
  createdAt: z.number(),
  savedAt: z.number(),
  /** The host's seat (the host is whoever sits there when they come back). */
  hostSeat: z.number().int().min(0).optional(),
  settings: z.strictObject({
    rounds: z.number().int().min(1).max(255),
    tuningSeconds: z.number().int().min(1).max(255),
    kinds: z.array(z.enum(SPIRAL_KINDS)).max(SPIRAL_KINDS.length),
    difficulty: z.enum(DIFFICULTIES),
    speedBonus: z.boolean(),
    showPicksLive: z.boolean(),
    visibility: z.enum(VISIBILITIES),
    locked: z.boolean(),
    friendlyNames: z.boolean(),
    /** The host's language at create (optional: checkpoints written before it still parse). */
    hostLanguage: z.union([languageSchema, z.literal("")]).optional(),
  }),
  /** A teacher key's id (its SHA-256), never the key. */
  teacherId: hex64.optional(),
  homework: z
    .strictObject({
      assignmentId: z.uuid(),
      attempt: z.strictObject({ id: z.uuid(), counts: z.boolean(), roundsDone: count, total: count }),
      name: z
        .string()
        .min(1)
        .max(NAME_MAX_LENGTH * 2),
      deviceHash: hex64,
    })
    .optional(),
  /** The match being played: its results' id and when it began. */
  match: z.strictObject({ id: z.uuid(), startedAt: z.string().max(40) }).optional(),
  phase: z.enum(PHASES),
  round: z.number().int().min(0).max(255),
  /** What fixes the current round with the server's secret (never sent to a client before its reveal). */
  roundId: z.string().min(1).max(80).optional(),
  /** A room playing a teacher's round set: the set's id (read again from the store on restore; never sent to a client). */
  set: z.uuid().optional(),
  /** The UTC date the round began (the daily's day). */
  roundDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  players: z.array(playerSchema).max(MAX_PLAYERS),
  barredDevices: z.array(hex64).max(1000),
  nextSeat: z.number().int().min(0).max(65_535),
});

export type RoomCheckpoint = z.infer<typeof roomCheckpointSchema> & { mode: RoomMode };
export type CheckpointPlayer = z.infer<typeof playerSchema>;

/** A checkpoint read back (from SQLite or Redis), or undefined when it is not a valid one. */
export function parseCheckpoint(json: string): RoomCheckpoint | undefined {
  try {
    const parsed = roomCheckpointSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** What a room's checkpoint is made of (MatchRoom gathers it; players are keyed like the state's map). */
export interface RoomFacts {
  mode: RoomMode;
  createdAt: number;
  state: MatchState;
  /** Seat token and device hashes by players-map key. */
  tokens: ReadonlyMap<string, string>;
  devices: ReadonlyMap<string, string>;
  barredDevices: Iterable<string>;
  nextSeat: number;
  teacherId?: string;
  homework?: RoomCheckpoint["homework"];
  match?: { id: string; startedAt: string };
  roundId?: string;
  roundDate?: string;
  setId?: string;
  /** The share of tuning time left when this player locked in; undefined: not locked in. */
  lockShare: (key: string) => number | undefined;
  pointsOnA: (key: string) => number;
}

/** The room's checkpoint now; undefined when it cannot be bounded (more players than MAX_PLAYERS). */
export function checkpointOf(room: RoomFacts, now = Date.now()): RoomCheckpoint | undefined {
  const { state } = room;
  if (state.players.size > MAX_PLAYERS) return undefined;
  const players = [...state.players.entries()].flatMap(([key, p]): CheckpointPlayer[] => {
    const seatHash = room.tokens.get(key);
    if (seatHash === undefined) return []; // cannot be taken back: not worth keeping
    const lockShare = room.lockShare(key);
    return [
      {
        seat: p.seat,
        name: p.name,
        seatHash,
        deviceHash: room.devices.get(key),
        points: p.points,
        playing: p.playing,
        pick: p.pick,
        locked: lockShare !== undefined,
        lockShare,
        pointsOnA: room.pointsOnA(key),
        revealedPick: p.revealedPick,
        roundPoints: p.roundPoints,
        speedBonus: p.speedBonus,
        previousRank: p.previousRank,
      },
    ];
  });
  return {
    version: 1,
    code: state.code,
    mode: room.mode,
    owner: PROCESS_ID,
    createdAt: room.createdAt,
    savedAt: now,
    hostSeat: state.players.get(state.hostId)?.seat,
    settings: {
      rounds: state.rounds,
      tuningSeconds: state.tuningSeconds,
      kinds: canonicalKinds([...state.kinds]),
      difficulty: state.difficulty as RoomCheckpoint["settings"]["difficulty"],
      speedBonus: state.speedBonus,
      showPicksLive: state.showPicksLive,
      visibility: state.visibility as RoomCheckpoint["settings"]["visibility"],
      locked: state.locked,
      friendlyNames: state.friendlyNames,
      hostLanguage: languageSchema.safeParse(state.hostLanguage).data ?? "",
    },
    teacherId: room.teacherId,
    homework: room.homework,
    match: room.match,
    phase: state.phase,
    round: state.round,
    roundId: room.roundId,
    set: room.setId,
    roundDate: room.roundDate,
    players,
    barredDevices: [...room.barredDevices],
    nextSeat: room.nextSeat,
  };
}

/** The player fields a seat keeps: across a restart, and when it moves to a new session. */
const SEAT_FIELDS = [
  "name",
  "seat",
  "points",
  "roundPoints",
  "speedBonus",
  "previousRank",
  "playing",
  "locked",
  "pick",
  "revealedPick",
] as const;
type SeatFields = Pick<Player, (typeof SEAT_FIELDS)[number]>;

/** A new schema instance with a seat's fields (`extra`: what else it starts with). */
export function seatPlayer(from: SeatFields, extra: Partial<Pick<Player, "rank" | "connected">>): Player {
  const fields = Object.fromEntries(SEAT_FIELDS.map((k) => [k, from[k]]));
  return Object.assign(new Player(), fields, extra);
}

/** A restored seat's player, disconnected until its player takes the seat back. */
export const playerOf = (saved: CheckpointPlayer): Player => seatPlayer(saved, { connected: false });

// The synchronised state of a match room (Colyseus schema, isomorphic: the server writes it, the
// clients read it). Everything here reaches every client, except the fields marked `.view()`: a
// player's pick is seen only by that player until the reveal.
import { schema, t, type SchemaType } from "@colyseus/schema";
import type { Phase } from "./protocol";

export const Player = schema(
  {
    name: t.string().default(""),
    /** Order of joining: breaks ties and picks the next host. */
    seat: t.uint16().default(0),
    points: t.uint32().default(0),
    /** Points of the last revealed round (the speed bonus included). */
    roundPoints: t.uint16().default(0),
    /** The speed-bonus points inside `roundPoints` (0 when the room has no speed bonus). */
    speedBonus: t.uint16().default(0),
    rank: t.uint16().default(0),
    /** Rank before the last reveal (0 = none yet), for the leaderboard's movement arrows. */
    previousRank: t.uint16().default(0),
    /** False for someone who joined mid-match: they play from the next round. */
    playing: t.boolean().default(false),
    locked: t.boolean().default(false),
    connected: t.boolean().default(true),
    /** The current detail level: only this player (and the server) sees it before the reveal. */
    pick: t.uint8().default(0).view(),
    /** Everybody's pick, filled in at the reveal (0 before). */
    revealedPick: t.uint8().default(0),
  },
  "Player",
);
export type Player = SchemaType<typeof Player>;

export const MatchState = schema(
  {
    code: t.string().default(""),
    phase: t.string<Phase>().default("lobby"),
    hostId: t.string().default(""),
    round: t.uint8().default(0),
    rounds: t.uint8().default(0),
    tuningSeconds: t.uint8().default(0),
    /**
     * When the current timed phase (tuning, reveal) ends, on the server's clock (epoch ms); 0 when
     * none or while paused. Clients count down locally (shared/clock.ts, the "clock" message).
     */
    deadline: t.float64().default(0),
    /** While `paused`: the milliseconds that were left when the clock stopped. */
    pausedLeft: t.uint32().default(0),
    /** Training progress of the round's ladder, 0–100. */
    trainingProgress: t.uint8().default(0),
    lockedCount: t.uint16().default(0),
    playingCount: t.uint16().default(0),
    spectatorCount: t.uint16().default(0),
    players: t.map(Player),
    /** "match", "daily" for the daily challenge's solo round, or "homework" for a student's attempt. */
    mode: t.string().default("match"),
    /** The match being played (for its results: GET /api/matches/:id.csv); "" in the lobby. */
    matchId: t.string().default(""),
    /** Host settings (see shared/protocol.ts `settings` and `roomSettings`). */
    kinds: t.array("string"),
    difficulty: t.string().default("normal"),
    speedBonus: t.boolean().default(false),
    showPicksLive: t.boolean().default(false),
    visibility: t.string().default("private"),
    locked: t.boolean().default(false),
    /** Joins take only generated names ("Curious Nautilus"): players cannot type one. */
    friendlyNames: t.boolean().default(false),
    /** The language the host created the room in (shared/languages.ts; "" when not said): the projector's. */
    hostLanguage: t.string().default(""),
    paused: t.boolean().default(false),
  },
  "MatchState",
);
export type MatchState = SchemaType<typeof MatchState>;

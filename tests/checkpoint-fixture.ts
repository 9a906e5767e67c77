// A valid checkpoint of an empty lobby, for store and mirror tests: its round number tells the
// writes apart, its savedAt orders them.
import { PROCESS_ID, roomCheckpointSchema, type RoomCheckpoint } from "../server/checkpoint";

export const lobbyCheckpoint = (code: string, round: number, savedAt = Date.now()): RoomCheckpoint =>
  roomCheckpointSchema.parse({
    version: 1,
    code,
    mode: "match",
    owner: PROCESS_ID,
    createdAt: savedAt,
    savedAt,
    settings: {
      rounds: 3,
      tuningSeconds: 30,
      kinds: [],
      difficulty: "normal",
      speedBonus: false,
      showPicksLive: false,
      visibility: "private",
      locked: false,
      friendlyNames: false,
    },
    phase: "lobby",
    round,
    players: [],
    barredDevices: [],
    nextSeat: 0,
  }) as RoomCheckpoint;

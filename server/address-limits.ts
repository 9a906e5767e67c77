// Limits per network address on matchmaking: rooms created, and wrong room codes tried (so
// codes cannot be found by guessing). Counts live in memory, in sliding windows.
import { AddressWindow } from "./address-window";

export interface AddressLimitOptions {
  /** Match rooms one address may create per window. */
  roomsPerWindow: number;
  /**
   * Solo rooms (the daily, homework) one address may create per window: a whole school behind one
   * address starts its homework at once, so this is higher.
   */
  soloRoomsPerWindow: number;
  roomWindowMs: number;
  /** Failed joins (unknown code, full room, …) one address may make per window. */
  failedJoinsPerWindow: number;
  joinWindowMs: number;
}

export const DEFAULT_ADDRESS_LIMITS: AddressLimitOptions = {
  roomsPerWindow: 20,
  soloRoomsPerWindow: 300,
  roomWindowMs: 10 * 60_000,
  failedJoinsPerWindow: 30,
  joinWindowMs: 60_000,
};

export class AddressLimits {
  readonly created: AddressWindow;
  readonly soloCreated: AddressWindow;
  readonly failedJoins: AddressWindow;

  constructor(readonly options: AddressLimitOptions = DEFAULT_ADDRESS_LIMITS) {
    this.created = new AddressWindow(options.roomsPerWindow, options.roomWindowMs);
    this.soloCreated = new AddressWindow(options.soloRoomsPerWindow, options.roomWindowMs);
    this.failedJoins = new AddressWindow(options.failedJoinsPerWindow, options.joinWindowMs);
  }
}

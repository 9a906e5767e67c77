// What a screen gets to act with: who "me" is and a typed `send`. A match room's port sends over
// the wire; solo practice's port acts on the practice in the page. Screens never see a room.
import type { ClientMessage, ClientMessageType } from "../shared/protocol";
import type { MatchRoom } from "./net";

/** `send`'s arguments: a message type and the payload its schema asks for (a union that narrows by type). */
export type Intent = { [T in ClientMessageType]: [type: T, payload: ClientMessage<T>] }[ClientMessageType];

export interface RoomPort {
  /** This player's id in the room's players and results. */
  readonly me: string;
  /** The room code ("" in practice). */
  readonly code: string;
  send(...intent: Intent): void;
}

export function roomPort(room: MatchRoom): RoomPort {
  return {
    me: room.sessionId,
    code: room.roomId,
    send: (...[type, payload]: Intent) => room.send(type, payload),
  };
}

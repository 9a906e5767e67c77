// Patches only to the clients they change something for. Colyseus sends every client a patch
// frame whenever anything in the state changed, even a field its view filters out: while
// tuning, each move of anybody's detail control (a `.view()` field only its owner sees) sent
// every client in the room an empty frame, about 15 a second. This serializer drops the frames
// that carry nothing (the bare patch header), so a client gets a patch only for what it sees.
import type { Client, Room, SchemaSerializer } from "@colyseus/core";
import type { Schema } from "@colyseus/schema";

/** A patch frame with nothing after its one-byte header. */
const isEmptyPatch = (frame: Uint8Array) => frame.byteLength <= 1;

const quietClients = new WeakMap<Client, Client>();

/** The client, wrapped so `raw` skips empty patch frames; everything else reads through. */
function quiet(client: Client): Client {
  let wrapped = quietClients.get(client);
  if (!wrapped) {
    const raw: Client["raw"] = (frame, ...rest) => {
      if (!isEmptyPatch(frame)) client.raw(frame, ...rest);
    };
    // Reads (state, view, …) go through to the client, live; a client has plain fields, no getters.
    wrapped = Object.assign(Object.create(client) as Client, { raw });
    quietClients.set(client, wrapped);
  }
  return wrapped;
}

type Patching = Pick<SchemaSerializer<Schema>, "applyPatches">;

/**
 * Makes a room's serializer send patches quietly. Colyseus gives a room no hook between encoding
 * a patch and sending it, and a serializer of our own cannot be set (assigning the state makes a
 * new one), so the room's own serializer is wrapped in place.
 */
export function sendPatchesQuietly(room: Room): void {
  const serializer = (room as unknown as { _serializer: Patching })._serializer;
  const applyPatches = serializer.applyPatches.bind(serializer);
  serializer.applyPatches = (clients, state, timing) =>
    applyPatches(timing ? clients : clients.map(quiet), state, timing);
}

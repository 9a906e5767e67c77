// A TCP relay between a browser page and the app server that can "pull the cable": it resets
// (TCP RST, no WebSocket close frame) every WebSocket it carries, and may refuse new connections
// for a while, like wifi dropping out. Nothing in the page or the server knows about it: the page
// simply loads the game from the relay's address, so its WebSocket runs through here.
import { createServer, connect, type Socket } from "node:net";

export interface Cable {
  /** The app's address through the relay (http://127.0.0.1:PORT). */
  url: string;
  /** WebSockets open through the relay right now. */
  openWebSockets(): number;
  /** Resets every WebSocket; with `outageMs`, new connections are reset too for that long. */
  cut(outageMs?: number): number;
  close(): Promise<void>;
}

export async function startCable(target: string): Promise<Cable> {
  const { hostname, port } = new URL(target);
  const webSockets = new Set<[Socket, Socket]>();
  const all = new Set<Socket>();
  let outageUntil = 0;

  const server = createServer((down) => {
    if (Date.now() < outageUntil) return void down.resetAndDestroy();
    const up = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
    const pair: [Socket, Socket] = [down, up];
    for (const s of pair) {
      all.add(s);
      s.on("error", () => undefined); // resets are the point here
      s.on("close", () => {
        all.delete(s);
        webSockets.delete(pair);
        for (const other of pair) if (!other.destroyed) other.destroy();
      });
    }
    // A connection whose request asks for a WebSocket upgrade is a WebSocket from then on.
    const sniff = (chunk: Buffer) => {
      const head = chunk.subarray(0, 2048).toString("latin1");
      if (/^GET [^\r\n]+\r\n/.test(head) && /\r\nupgrade:\s*websocket/i.test(head)) {
        webSockets.add(pair);
        down.off("data", sniff);
      }
    };
    down.on("data", sniff);
    down.pipe(up);
    up.pipe(down);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const relayPort = typeof address === "object" && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${relayPort}`,
    openWebSockets: () => webSockets.size,
    cut(outageMs = 0) {
      outageUntil = Date.now() + outageMs;
      const n = webSockets.size;
      for (const pair of [...webSockets]) for (const s of pair) s.resetAndDestroy();
      return n;
    },
    close() {
      for (const s of all) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

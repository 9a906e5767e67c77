// Builds the client and serves the built files with a plain static file server (node:http) —
// no game server, no Colyseus: what any static host would do. Every request is recorded.
import { createServer, type Server } from "node:http";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { build } from "vite";

export interface StaticServer {
  url: string;
  /** Every request as "STATUS METHOD PATH", in order. */
  requests: string[];
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

export async function buildClient(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "sg-static-"));
  await build({ configFile: "vite.config.ts", logLevel: "error", build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function startStaticServer(root: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    let status = 404;
    if (req.method === "GET" && file.startsWith(root + sep)) {
      try {
        if (statSync(file).isFile()) {
          const body = readFileSync(file);
          status = 200;
          res.writeHead(200, {
            "content-type": TYPES[extname(file)] ?? "application/octet-stream",
            "content-length": body.length,
          });
          res.end(body);
        }
      } catch {
        // not there: 404 below
      }
    }
    if (status !== 200) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
    requests.push(`${status} ${req.method} ${req.url}`);
  });
  // A WebSocket upgrade (a Colyseus connection) is refused outright.
  server.on("upgrade", (req, socket) => {
    requests.push(`upgrade ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

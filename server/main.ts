// One process, one port: serves the built client and a health check.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const PORT = Number(process.env.PORT ?? 2567);
const ROOT = resolve(process.env.CLIENT_DIR ?? "dist/client");
const VERSION = process.env.npm_package_version ?? "dev";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png",
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/healthz") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, version: VERSION, uptime: process.uptime() }));
    return;
  }
  // Resolve inside ROOT only; unknown paths get the app page.
  let path = "/";
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    // a malformed escape (e.g. "/%E0") gets the app page, never a crash
  }
  let file = normalize(join(ROOT, path));
  if (!file.startsWith(ROOT) || !(await stat(file).then((s) => s.isFile(), () => false))) file = join(ROOT, "index.html");
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end("The client is not built: run `npm start` (it builds first).");
  }
});

server.listen(PORT, () => {
  const address = server.address();
  console.log(`Shell & Galaxy on http://localhost:${typeof address === "object" && address ? address.port : PORT}`);
});

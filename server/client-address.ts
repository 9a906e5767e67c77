// Whom a request comes from, for the per-address limits. The socket's own address, unless that
// is a proxy the operator named in TRUST_PROXY (nginx in front of several processes: every
// request would otherwise come from it, and one school's allowance would be the whole site's).
// Then the X-Real-IP that proxy sets (deploy/nginx.conf: $remote_addr, which replaces whatever
// the player sent). Headers from anyone else are ignored: anyone can send them.
import type { IncomingMessage } from "node:http";

/** "::ffff:127.0.0.1" (an IPv4 address on a dual-stack socket) as "127.0.0.1". */
const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");

export function clientAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  const socket = plain(req.socket.remoteAddress ?? "unknown");
  if (!trustedProxies.has(socket)) return socket;
  const forwarded = req.headers["x-real-ip"];
  return typeof forwarded === "string" && forwarded.length > 0 && forwarded.length <= 64 ? plain(forwarded) : socket;
}

/** TRUST_PROXY's addresses ("127.0.0.1,10.0.0.5"). */
export const trustedProxiesFrom = (list: string | undefined): Set<string> =>
  new Set(
    (list ?? "")
      .split(",")
      .map((a) => plain(a.trim()))
      .filter(Boolean),
  );

// Applies the address limits to Colyseus's matchmaking requests (POST /matchmake/…). Colyseus
// answers those before any Express middleware runs, so the guard sits in front of the HTTP
// server's request event instead. Counted in memory it decides at once; counted in Redis the
// request waits for the count (its body stays paused in the socket meanwhile).
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import { DAILY_ROOM, HOMEWORK_ROOM } from "../shared/protocol";
import { refusalMessage } from "../shared/refusals";
import type { AddressLimits } from "./address-limits";
import { log } from "./log";
import { clientAddress } from "./client-address";

const MATCHMAKE = /^\/matchmake\/(create|join|joinById|joinOrCreate|reconnect)\/([^/?]*)/;
/** Rooms of one player: counted apart, with their own (higher) limit. */
const SOLO_ROOMS = new Set([DAILY_ROOM, HOMEWORK_ROOM]);

type Maybe<T> = T | Promise<T>;
/** f(value): at once for a value, so the in-memory path stays synchronous; after it for a promise. */
const then = <T, U>(value: Maybe<T>, f: (v: T) => Maybe<U>): Maybe<U> =>
  value instanceof Promise ? value.then(f) : f(value);

export function guardMatchmaking(
  http: HttpServer,
  limits: AddressLimits,
  trustedProxies: ReadonlySet<string> = new Set(),
  now: () => number = Date.now,
): void {
  const emit = http.emit.bind(http);
  http.emit = ((event: string, ...args: unknown[]) => {
    if (event !== "request") return emit(event, ...args);
    const res = args[1] as ServerResponse;
    const verdict = refused(args[0] as IncomingMessage, res, limits, trustedProxies, now);
    if (!(verdict instanceof Promise)) return verdict || emit(event, ...args);
    verdict
      .then((no) => no || emit(event, ...args))
      .catch((error: unknown) => {
        log.error("matchmake-guard-error", { error });
        res.destroy();
      });
    return true;
  }) as typeof http.emit;
}

/** Answers 429 and returns true when the address is over a limit; otherwise counts the request. */
function refused(
  req: IncomingMessage,
  res: ServerResponse,
  limits: AddressLimits,
  trustedProxies: ReadonlySet<string>,
  now: () => number,
): Maybe<boolean> {
  const [, method, room] = (req.method === "POST" && MATCHMAKE.exec(req.url ?? "")) || [];
  if (!method) return false;
  const address = clientAddress(req, trustedProxies);
  const creating = method === "create";
  const counter = !creating ? limits.failedJoins : SOLO_ROOMS.has(room) ? limits.soloCreated : limits.created;
  const refuse = (retryAfter: number) => {
    // The SDK reads `error` as the refusal's message, so it carries a Refusal as JSON like any other.
    const error = refusalMessage({
      code: creating ? "too-many-rooms" : "too-many-failed-joins",
      params: { seconds: retryAfter },
    });
    res.writeHead(429, { "content-type": "application/json", "retry-after": String(retryAfter) });
    res.end(JSON.stringify({ code: 429, error }));
    return true;
  };
  return then(counter.full(address, now()), (full) => {
    if (full) return then(counter.retryAfter(address, now()), refuse);
    res.on("finish", () => {
      if (creating ? res.statusCode < 400 : res.statusCode >= 400) void counter.add(address, now());
    });
    return false;
  });
}

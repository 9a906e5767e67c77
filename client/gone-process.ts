// With Redis, each process has its own address (PUBLIC_ADDRESS), and a room's socket goes there.
// When that process dies, the SDK's tries at its address never get an answer and would go on for
// a minute, while another process may already have restored the room behind the page's own
// address. So once a few tries have failed and the page's own server answers, the SDK is told to
// stop: its next failure closes the room (4003) and the page joins the restored room by code.
import type { MatchRoom } from "./net";
import { onPageAddress } from "./rejoin";

/** Failed tries (≈ 3.5 s) before the page's own server is asked. */
const TRIES_BEFORE_PROBE = 3;

export async function giveUpIfProcessGone(room: Pick<MatchRoom, "connection" | "reconnection">): Promise<void> {
  const r = room.reconnection;
  // On the drop itself isReconnecting is still false (and retryCount the last outage's).
  if (!r.isReconnecting || r.retryCount < TRIES_BEFORE_PROBE) return;
  if (onPageAddress(room.connection?.url, location.host)) return;
  const answered = await fetch("/healthz", { cache: "no-store" }).then(
    (res) => res.ok,
    () => false,
  );
  if (answered && r.isReconnecting) r.maxRetries = 0;
}

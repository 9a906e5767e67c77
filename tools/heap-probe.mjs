// Loaded into the server by the load bench only (`node --expose-gc --import ./tools/heap-probe.mjs`):
// on SIGWINCH it runs a full garbage collection and prints the memory in use, so memory by round
// is compared after a collection rather than wherever V8 last happened to collect.
import { isMainThread } from "node:worker_threads";

const mb = (bytes) => Math.round(bytes / 1048576);

// Plain JavaScript: the training workers inherit Node's options, this module included, before
// they register the TypeScript loader. Signals are the main thread's. SIGWINCH because Colyseus
// shuts down on SIGUSR2 (for nodemon), and a server without this module ignores SIGWINCH.
if (isMainThread)
  process.on("SIGWINCH", () => {
    globalThis.gc?.();
    const { rss, heapUsed, external } = process.memoryUsage();
    console.log(`heap-probe ${JSON.stringify({ rssMb: mb(rss), heapUsedMb: mb(heapUsed), externalMb: mb(external) })}`);
  });

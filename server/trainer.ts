// A small pool of ladder workers. Jobs queue when every worker is busy; each job reports its
// progress as it trains. Workers start lazily and stay warm.
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { RoundOpening } from "../shared/round-key";
import type { LadderJob, LadderReply } from "./ladder-worker";
import type { fitRound } from "../shared/round-ladder";

type Fits = ReturnType<typeof fitRound>;
interface Pending {
  job: LadderJob;
  onProgress: (p: number) => void;
  resolve: (f: Fits) => void;
  reject: (e: Error) => void;
}

const POOL_SIZE = Number(process.env.TRAINING_WORKERS) || Math.max(1, Math.min(4, availableParallelism() - 1));

class Trainer {
  private idle: Worker[] = [];
  private started = 0;
  private queue: Pending[] = [];
  private running = new Map<Worker, Pending>();
  private nextId = 1;

  /** Starts the workers and loads TensorFlow in them, so the first round trains promptly. */
  async warmUp(): Promise<void> {
    while (this.started < POOL_SIZE) {
      const worker = this.spawn();
      await new Promise((resolve) => {
        worker.once("message", resolve);
        worker.postMessage("warm-up");
      });
      this.idle.push(worker);
    }
  }

  /** Trains the round an opening fixes (see roundOf). */
  train(opening: RoundOpening, onProgress: (done: number) => void): Promise<Fits> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, opening }, onProgress, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const workers = [...this.idle, ...this.running.keys()];
    this.idle = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private spawn(): Worker {
    this.started++;
    const worker = new Worker(new URL("./ladder-worker-boot.mjs", import.meta.url));
    worker.unref();
    worker.on("message", (reply: LadderReply | "warm") => {
      const pending = this.running.get(worker);
      if (reply === "warm" || !pending || reply.id !== pending.job.id) return;
      if ("progress" in reply) return pending.onProgress(reply.progress);
      this.running.delete(worker);
      this.idle.push(worker);
      if ("result" in reply) pending.resolve(reply.result);
      else pending.reject(new Error(`training failed: ${reply.error}`));
      this.dispatch();
    });
    worker.on("error", (error) => {
      // A crashed worker fails its job and is replaced on the next dispatch.
      this.running.get(worker)?.reject(error);
      this.running.delete(worker);
      this.idle = this.idle.filter((w) => w !== worker);
      this.started--;
      this.dispatch();
    });
    return worker;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.started < POOL_SIZE ? this.spawn() : undefined);
      if (!worker) return;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      worker.postMessage(pending.job);
    }
  }
}

export const trainer = new Trainer();

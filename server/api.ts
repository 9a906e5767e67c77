// The HTTP API. Every parameter is validated; a bad one gets 400 with a readable reason.
import express from "express";
import { z } from "zod";
import type { ResultsStore } from "./results-store";

const matchId = z.uuid();

export function apiRouter(store: ResultsStore): express.Router {
  const api = express.Router();

  /** A stored match with its rounds and results. */
  api.get("/matches/:id", (req, res) => {
    const id = matchId.safeParse(req.params.id);
    if (!id.success) return void res.status(400).json({ error: "A match id is a UUID, like 3f2b8c1e-…" });
    const match = store.match(id.data);
    if (!match) return void res.status(404).json({ error: "No match with that id." });
    res.json({ match, rounds: store.rounds(match.id) });
  });

  api.use((_req, res) => void res.status(404).json({ error: "No such API endpoint." }));
  return api;
}

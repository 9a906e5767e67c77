// Every client message of a match room, in turn: the flood guard, the schema (parseClientMessage),
// the rules (MESSAGE_RULES, and what the room's mode takes at all), then the action. A refused
// message changes nothing and gets an `error` reply saying why.
import type { Client } from "@colyseus/core";
import { SPIRAL_KINDS } from "../shared/catalog";
import { refusal, uniqueName } from "../shared/match";
import { modeAllows } from "../shared/match-flow";
import {
  CLOSE_FLOODING,
  CLOSE_KICKED,
  parseClientMessage,
  type ClientMessage,
  type ClientMessageType,
  type ErrorMessage,
  type ParsedClientMessage,
} from "../shared/protocol";
import type { Player } from "../shared/state";
import { FloodGuard, FLOOD_LIMITS } from "./flood-guard";
import type { MatchRoom } from "./match-room";
import { refusalMessage } from "../shared/refusals";
import { nameRefusal } from "./name-filter";
import { showPicksTo } from "./pick-views";

/** Messages that change what a checkpoint holds besides phases and lock-ins. */
const CHANGES_SEATS_OR_SETTINGS = new Set<ClientMessageType>(["settings", "roomSettings", "rename", "kick"]);

export class MessageDesk {
  private floodGuards = new Map<string, FloodGuard>();

  constructor(private readonly room: MatchRoom) {}

  receive(client: Client, type: unknown, payload: unknown): void {
    if (!this.withinBudget(client)) return;
    const parsed = parseClientMessage(type, payload);
    if (!parsed.ok) return this.refuse(client, parsed.error);
    const { state, lockIns } = this.room;
    const player = state.players.get(client.sessionId);
    const refused = refusal(
      parsed.type,
      {
        isHost: state.hostId === client.sessionId,
        inRound: player?.playing === true,
        locked: lockIns.has(client.sessionId),
      },
      state.phase,
    );
    if (refused) return this.refuse(client, { ...refused, type: parsed.type });
    if (!modeAllows(this.room.mode, parsed.type)) {
      const params = { reason: "no-host-controls", mode: this.room.mode, type: parsed.type };
      return this.refuse(client, { code: "not-allowed", params, type: parsed.type });
    }
    this.act(client, parsed, player);
    // Phase changes and lock-ins are checkpointed as they happen; these within a moment.
    if (parsed.type === "pick") this.room.changed("pick");
    if (CHANGES_SEATS_OR_SETTINGS.has(parsed.type)) this.room.changed("other");
  }

  /** A client gone: its budget goes with it. */
  forget(sessionId: string): void {
    this.floodGuards.delete(sessionId);
  }

  private withinBudget(client: Client): boolean {
    let guard = this.floodGuards.get(client.sessionId);
    if (!guard) this.floodGuards.set(client.sessionId, (guard = new FloodGuard(Date.now())));
    const verdict = guard.check(Date.now());
    if (verdict === "warn") {
      this.refuse(client, { code: "rate-limited", params: { max: FLOOD_LIMITS.perSecond } });
    }
    if (verdict === "drop" && !this.room.removed.has(client.sessionId)) {
      this.room.removed.add(client.sessionId);
      client.leave(CLOSE_FLOODING, refusalMessage({ code: "flooding" }));
    }
    return verdict === "ok";
  }

  private refuse(client: Client, error: ErrorMessage): void {
    client.send("error", error);
  }

  /** A message that passed every check. `player` is the sender's (the rules make sure of one for pick/lockIn). */
  private act(client: Client, parsed: ParsedClientMessage, player?: Player): void {
    const room = this.room;
    switch (parsed.type) {
      case "settings":
        return this.applySettings(parsed.message);
      case "roomSettings":
        return void this.applyRoomSettings(parsed.message);
      case "kick":
        return this.kick(client, parsed.message.sessionId);
      case "rename":
        return this.rename(client, parsed.message);
      case "pause":
        return room.phaseClock.pause(parsed.message.paused);
      case "skip":
        return void room.endTuning();
      case "endMatch":
        return room.toPodium();
      case "start":
        return room.startMatch();
      case "pick":
        if (player) player.pick = parsed.message.level;
        return;
      case "lockIn":
        return room.lockIn(client.sessionId);
      case "next":
        return room.afterReveal();
      case "playAgain":
        return room.toLobby();
    }
  }

  private applySettings({ rounds, tuningSeconds, kinds, difficulty, speedBonus }: ClientMessage<"settings">): void {
    const { state } = this.room;
    if (rounds !== undefined) state.rounds = rounds;
    if (tuningSeconds !== undefined) state.tuningSeconds = tuningSeconds;
    if (kinds !== undefined) {
      state.kinds.splice(0, state.kinds.length, ...SPIRAL_KINDS.filter((k) => kinds.includes(k)));
    }
    if (difficulty !== undefined) state.difficulty = difficulty;
    if (speedBonus !== undefined) state.speedBonus = speedBonus;
    this.room.publishListing();
  }

  private async applyRoomSettings({
    showPicksLive,
    visibility,
    locked,
    friendlyNames,
  }: ClientMessage<"roomSettings">): Promise<void> {
    const room = this.room;
    if (showPicksLive !== undefined) {
      room.state.showPicksLive = showPicksLive;
      for (const client of room.clients) showPicksTo(client, room.state);
      if (room.state.phase === "tuning") room.sendPickCounts();
    }
    if (visibility !== undefined) {
      room.state.visibility = visibility;
      await room.setPrivate(visibility === "private");
    }
    if (locked !== undefined) {
      room.state.locked = locked;
      await (locked ? room.lock() : room.unlock());
    }
    // Holds for joins from now on; players already in keep their names (the host may rename them).
    if (friendlyNames !== undefined) room.state.friendlyNames = friendlyNames;
  }

  /** The host renames a player: the word filter applies, and the name is made unique in the room. */
  private rename(host: Client, { sessionId, name }: ClientMessage<"rename">): void {
    const { players } = this.room.state;
    const player = players.get(sessionId);
    if (!player) {
      const params = { reason: "no-such-player", type: "rename" };
      return this.refuse(host, { code: "invalid-message", params, type: "rename" });
    }
    if (nameRefusal(name)) {
      // Worded "Cannot rename: that name is not allowed here. Choose another." (no Random button there).
      const params = { reason: "name-not-allowed-rename", action: "rename" };
      return this.refuse(host, { code: "name-refused", params, type: "rename" });
    }
    const others = [...players.entries()].filter(([id]) => id !== sessionId).map(([, p]) => p.name);
    player.name = uniqueName(name, others);
    this.room.publishListing(); // the listing shows the host's name
  }

  /** The host removes someone: they are told why, and no seat is kept for them. */
  private kick(host: Client, sessionId: string): void {
    const target = this.room.clients.find((c) => c.sessionId === sessionId);
    if (!target) {
      const params = { reason: "nobody-with-id", type: "kick" };
      return this.refuse(host, { code: "invalid-message", params, type: "kick" });
    }
    if (target === host) {
      return this.refuse(host, { code: "not-allowed", params: { reason: "kick-self", type: "kick" }, type: "kick" });
    }
    this.room.removed.add(sessionId);
    this.room.barDevice(sessionId); // not back under another name from the same browser
    const params = { room: this.room.state.code };
    target.send("error", { code: "kicked", params } satisfies ErrorMessage);
    target.leave(CLOSE_KICKED, refusalMessage({ code: "kicked", params }));
  }
}

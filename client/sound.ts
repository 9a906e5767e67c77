// Short procedural sound effects (Web Audio, no files) and a mute switch the browser remembers.
import { readStored, writeStored } from "./storage";

const MUTE_KEY = "muted";

export type Effect = "lockIn" | "tick" | "reveal" | "points";

/** Notes as [frequency Hz, start s, length s]; a soft sine with a quick fade. */
const EFFECTS: Record<Effect, { wave: OscillatorType; gain: number; notes: [number, number, number][] }> = {
  lockIn: {
    wave: "triangle",
    gain: 0.18,
    notes: [
      [660, 0, 0.08],
      [990, 0.07, 0.12],
    ],
  },
  tick: { wave: "sine", gain: 0.12, notes: [[880, 0, 0.05]] },
  reveal: {
    wave: "sine",
    gain: 0.14,
    notes: [
      [262, 0, 0.9],
      [330, 0.08, 0.85],
      [392, 0.16, 0.8],
      [523, 0.3, 0.9],
    ],
  },
  points: {
    wave: "triangle",
    gain: 0.12,
    notes: [
      [523, 0, 0.09],
      [659, 0.08, 0.09],
      [784, 0.16, 0.09],
      [1047, 0.24, 0.18],
    ],
  },
};

let context: AudioContext | undefined;

/** Storage blocked (private modes, policies): the switch still works for this page. */
let mutedHere = false;

export function isMuted(): boolean {
  const stored = readStored(MUTE_KEY);
  return stored === undefined ? mutedHere : stored === "1";
}

export function setMuted(muted: boolean): void {
  mutedHere = muted;
  writeStored(MUTE_KEY, muted ? "1" : "0");
}

export function play(effect: Effect): void {
  if (isMuted() || typeof AudioContext === "undefined") return;
  try {
    context ??= new AudioContext();
    if (context.state === "suspended") void context.resume(); // browsers start audio only after a gesture
    const { wave, gain, notes } = EFFECTS[effect];
    const start = context.currentTime;
    for (const [frequency, at, length] of notes) {
      const osc = context.createOscillator();
      const amp = context.createGain();
      osc.type = wave;
      osc.frequency.value = frequency;
      amp.gain.setValueAtTime(0.0001, start + at);
      amp.gain.exponentialRampToValueAtTime(gain, start + at + 0.01);
      amp.gain.exponentialRampToValueAtTime(0.0001, start + at + length);
      osc.connect(amp).connect(context.destination);
      osc.start(start + at);
      osc.stop(start + at + length + 0.02);
    }
  } catch {
    // Sound is a nicety: a browser that refuses audio plays the game silently.
  }
}

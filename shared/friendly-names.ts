// Random friendly names for players who don't want to type one: "Curious Nautilus".
import type { Random } from "./random";

const ADJECTIVES = [
  "Curious",
  "Swift",
  "Quiet",
  "Bright",
  "Brave",
  "Calm",
  "Clever",
  "Gentle",
  "Lucky",
  "Merry",
  "Nimble",
  "Sunny",
  "Witty",
  "Cosmic",
  "Spiral",
  "Tidal",
];
const NOUNS = [
  "Nautilus",
  "Galaxy",
  "Comet",
  "Snail",
  "Fern",
  "Cyclone",
  "Sunflower",
  "Nebula",
  "Ammonite",
  "Pulsar",
  "Whelk",
  "Quasar",
  "Conch",
  "Orbit",
];

export function friendlyName(random: Random): string {
  return `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
}

/** Whether `name` is one friendlyName can make, exactly: what a generated-names-only room takes. */
export function isFriendlyName(name: string): boolean {
  const [adjective, noun, ...rest] = name.split(" ");
  return rest.length === 0 && ADJECTIVES.includes(adjective) && NOUNS.includes(noun ?? "");
}

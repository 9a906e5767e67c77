import { loadTf } from "../server/tf";
import { CATALOG } from "../shared/spirals";
import { generateRound } from "../shared/round";
import { fitRound } from "../shared/round-ladder";
const tf = await loadTf();
for (let r = 0; r < Number(process.env.N ?? 8); r++) {
  const round = generateRound(CATALOG, `balance-${r}`);
  const { fits, hidden } = fitRound(tf, round);
  const e = hidden!.map((h) => h.error); const b = e.indexOf(Math.min(...e));
  if (process.env.ONLY && !(b === 0 || b === 11 || !(e[b] <= 0.85 * e[0] && e[b] <= 0.85 * e[11]))) continue;
  console.log(`${round.a.spiral.id} → ${round.b.spiral.id} ${round.cue.relation} noise=${round.a.noise.toFixed(3)} cc=${round.a.contourCycles.toFixed(1)} share=${round.sharedStructure.toFixed(2)}`);
  console.log("  tr " + fits.map((f) => (f.trainError * 1000).toFixed(0).padStart(4)).join(""));
  console.log("  va " + fits.map((f) => (f.validationError * 1000).toFixed(0).padStart(4)).join(""));
  console.log("  hi " + hidden!.map((f) => (f.error * 1000).toFixed(0).padStart(4)).join(""));
}

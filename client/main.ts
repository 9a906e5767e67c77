// The game client: home → room (lobby, training, tuning, reveal, podium), the daily challenge,
// solo practice and the projector view. The server is the authority. This file only wires the
// parts: the store (./store) and the page that draws it (./app), the connection
// (./session/connection), the address (./session/links, ./practice/practice-mode).
import { byId } from "./dom";
import { startApp } from "./app";
import { createHomeScreen } from "./screens/home";
import { initMuteToggle } from "./feel";
import { create, daily, join } from "./session/connection";
import { followHistory, openLinkedRoom } from "./session/links";
import { openUrlRound, startPractice, stopPractice, urlRound } from "./practice/practice-mode";
import { store } from "./store";

const roots = { home: byId("home"), room: byId("room"), projector: byId("projector"), points: byId("my-points") };
const home = createHomeScreen(roots.home, { create, daily, join, practice: () => startPractice() });
initMuteToggle(byId("mute-toggle"));
startApp(roots, home);

// The address: a room's link, /host, a practice seed or a replay; Back and Forward.
followHistory(home);
window.addEventListener("popstate", () => {
  const asked = urlRound();
  const { practice } = store.get();
  if (asked === null && practice) stopPractice(false);
  else if (asked !== null && !practice) openUrlRound(asked);
});
const asked = urlRound();
if (asked !== null) openUrlRound(asked);
openLinkedRoom(home);

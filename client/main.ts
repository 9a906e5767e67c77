// The game client: home → room (lobby, training, tuning, reveal, podium), the daily challenge,
// homework links, solo practice and the projector view. The server is the authority. This file only wires the
// parts: the store (./store) and the page that draws it (./app), the connection
// (./session/connection), the address (./session/links, ./session/homework, ./practice/practice-mode).
import { byId } from "./dom";
import { startApp } from "./app";
import { createHomeScreen } from "./screens/home";
import { initMuteToggle } from "./feel";
import { daily, join } from "./session/connection";
import { create } from "./session/create-room";
import { followHistory, openLinkedRoom } from "./session/links";
import { followHomeworkHistory, openHomeworkLink } from "./session/homework";
import { openUrlRound, startPractice, stopPractice, urlRound } from "./practice/practice-mode";
import { store } from "./store";
import { initI18n, mountLanguageMenu } from "./i18n/i18n";

await initI18n(); // the language shown (<html lang dir>), before anything is worded
mountLanguageMenu(byId("language-menu"));

const roots = {
  home: byId("home"),
  homework: byId("homework"),
  room: byId("room"),
  projector: byId("projector"),
  points: byId("my-points"),
};
const home = createHomeScreen(roots.home, { create, daily, join, practice: () => startPractice() });
initMuteToggle(byId("mute-toggle"));
// A homework link shows its page from the first frame (home is then never drawn).
openHomeworkLink();
startApp(roots, home);

// The address: a room's link, /host, a homework link, a practice seed or a replay; Back and Forward.
followHistory(home);
followHomeworkHistory();
window.addEventListener("popstate", () => {
  const asked = urlRound();
  const { practice } = store.get();
  if (asked === null && practice) stopPractice(false);
  else if (asked !== null && !practice) openUrlRound(asked);
});
const asked = urlRound();
if (asked !== null) openUrlRound(asked);
openLinkedRoom(home);

import { resolve } from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  root: "client",
  publicDir: false,
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // Pages: the game at /, the spectator pages /watch and /leaderboard, the teacher's /teacher;
    // /demo.html (the engine demo, now solo practice) sends old links on to /?practice=SEED.
    rolldownOptions: {
      input: {
        main: resolve("client/index.html"),
        demo: resolve("client/demo.html"),
        watch: resolve("client/watch.html"),
        leaderboard: resolve("client/leaderboard.html"),
        teacher: resolve("client/teacher.html"),
        create: resolve("client/create.html"),
      },
    },
  },
  server: { fs: { allow: [".."] } },
});

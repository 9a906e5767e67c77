import { resolve } from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  root: "client",
  publicDir: false,
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // Two pages: the game at / and the engine demo at /demo.html.
    rolldownOptions: { input: { main: resolve("client/index.html"), demo: resolve("client/demo.html") } },
  },
  server: { fs: { allow: [".."] } },
});

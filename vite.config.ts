import { defineConfig } from "vite";

export default defineConfig({
  root: "client",
  publicDir: false,
  build: { outDir: "../dist/client", emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: { fs: { allow: [".."] } },
});

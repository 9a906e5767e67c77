// Starts Shell & Galaxy: the page, the rooms and the API on one port.
import { createGameServer } from "./game-server";
import { trainer } from "./trainer";

const PORT = Number(process.env.PORT ?? 2567);

const server = createGameServer({ clientDir: process.env.CLIENT_DIR ?? "dist/client", version: process.env.npm_package_version });
await trainer.warmUp();
await server.listen(PORT);
const address = server.transport.server?.address();
console.log(`Shell & Galaxy on http://localhost:${typeof address === "object" && address ? address.port : PORT}`);

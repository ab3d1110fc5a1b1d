/**
 * `npm start` / `npm run serve`: the production server. One `node:http` server on one
 * port: /api/trpc/<procedure> goes straight to tRPC's Node adapter (the same router,
 * context and error logging as the route handler `next dev` uses, server/trpc/http.ts);
 * every other request (pages, assets, the download routes) goes to Next.js.
 *
 * Options as `next start`: -p/--port (else PORT, else 3000) and -H/--hostname (else
 * every interface). Needs `npm run build` first. SIGTERM/SIGINT close the server and the
 * database cleanly.
 */
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { closeDatabase } from "../db/client";
import { createTrpcListener, isTrpcPath } from "../server/trpc/node-listener";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`Invalid port "${values.port ?? process.env.PORT}": use 0-65535.`);
  process.exit(1);
}
const hostname = values.hostname;

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
const handleNext = app.getRequestHandler();
const handleTrpc = createTrpcListener();

const server = http.createServer((request, response) => {
  if (isTrpcPath(request.url)) handleTrpc(request, response);
  else void handleNext(request, response);
});

function shutDown(signal: string): void {
  console.log(`${signal}: closing the server`);
  server.close(() => {
    closeDatabase();
    process.exit(0);
  });
  server.closeIdleConnections();
  // Kept-alive or slow clients must not hold the process open for long.
  setTimeout(() => process.exit(0), 3_000).unref();
}
process.once("SIGTERM", () => shutDown("SIGTERM"));
process.once("SIGINT", () => shutDown("SIGINT"));

app.prepare().then(
  () => {
    server.listen(port, hostname, () => {
      const address = server.address();
      const shown = typeof address === "object" && address ? address.port : port;
      console.log(`B12 planner ready on http://${hostname ?? "localhost"}:${shown}`);
    });
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

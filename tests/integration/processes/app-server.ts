/**
 * One app instance for the PostgreSQL fault and multi-instance tests and the load bench: a
 * plain Node HTTP server (its own OS process, its own connection pool) that serves the
 * real tRPC router at /api/trpc with tRPC's fetch adapter, as app/api/trpc/[trpc]/route.ts
 * does, on the database `DATABASE_URL` names (getDatabase(): PostgreSQL for a postgres://
 * URL, else the SQLite file at DATABASE_PATH). Next.js and the request guard are left out.
 * A call with a cookie gets the app's own context (createRequestContext: the better-auth
 * session, served at /api/auth/* as app/api/auth/[...all]/route.ts does); a call without
 * one acts as an owner of the household in the `x-household` header (the migrations' first
 * household, "local", without it), which must exist.
 *
 *   DATABASE_URL=postgres://… node --import tsx app-server.ts [port]
 *
 * Prints "listening <port>" once it accepts requests; every call that ends in a 5xx is
 * also written to stderr as "5xx <code> <path>: <message>" (the tests read it).
 */
import http from "node:http";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDatabase } from "../../../db/client";
import { getAuth } from "../../../server/auth/auth";
import { createInnerContext, createRequestContext } from "../../../server/trpc/init";
import { appRouter } from "../../../server/trpc/root";

const port = Number(process.argv[2] ?? 0);

function toRequest(request: http.IncomingMessage, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = request.method ?? "GET";
  return new Request(`http://127.0.0.1${request.url ?? "/"}`, {
    method,
    headers,
    body: method === "GET" || method === "HEAD" ? undefined : new Uint8Array(body),
  });
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", async () => {
    try {
      const req = toRequest(request, Buffer.concat(chunks));
      const answer = request.url?.startsWith("/api/auth/")
        ? await (await getAuth()).handler(req)
        : await fetchRequestHandler({
            endpoint: "/api/trpc",
            req,
            router: appRouter,
            createContext: ({ req }) =>
              req.headers.has("cookie")
                ? createRequestContext(req)
                : createInnerContext({
                    db: getDatabase(),
                    ownerId: req.headers.get("x-household") ?? undefined,
                  }),
            onError({ error, path }) {
              const status = error.code === "SERVICE_UNAVAILABLE" ? 503 : 500;
              if (error.code === "INTERNAL_SERVER_ERROR" || status === 503) {
                const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
                process.stderr.write(
                  `${status === 503 ? "503" : "5xx"} ${error.code} ${path ?? "?"}: ${String(cause?.code ?? "")} ${String(cause?.message ?? error.message)}\n`,
                );
              }
            },
          });
      const headers: http.OutgoingHttpHeaders = Object.fromEntries(answer.headers);
      const cookies = answer.headers.getSetCookie();
      if (cookies.length > 0) headers["set-cookie"] = cookies;
      response.writeHead(answer.status, headers);
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      process.stderr.write(`5xx handler ${String(error)}\n`);
      response.writeHead(500).end();
    }
  });
});
server.keepAliveTimeout = 30_000;
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}

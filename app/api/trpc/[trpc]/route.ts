/**
 * The tRPC HTTP endpoint: /api/trpc/<procedure>. It runs the request layer's checks
 * (host, percent-encoding, origin, body size, batch) itself as well as proxy.ts does:
 * calls that include backup.restore skip the proxy (proxy.ts, `config`), so this is
 * where their host, origin and 48 MB limit are enforced, before the body is read.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import {
  allowedHosts,
  MAX_BATCH_CALLS,
  requestProblem,
  targetOf,
} from "@/server/http/request-guard";
import { STATIC_SECURITY_HEADERS } from "@/server/http/security-headers";
import { createRequestContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const ALLOWED = allowedHosts({
  ALLOWED_HOSTS: process.env.ALLOWED_HOSTS,
  APP_URL: process.env.APP_URL,
});

/** For responses the proxy did not see (backup.restore): the headers it would have set. */
const API_HEADERS = {
  ...STATIC_SECURITY_HEADERS,
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
};

const handler = (request: Request) => {
  let pathname: string;
  try {
    pathname = new URL(request.url).pathname;
  } catch {
    pathname = "/api/trpc/";
  }
  const refusal = requestProblem(
    { method: request.method, target: targetOf(request.url), pathname, headers: request.headers },
    ALLOWED,
  );
  if (refusal) {
    return Response.json(
      { error: { code: refusal.code, message: refusal.message } },
      { status: refusal.status, headers: { "cache-control": "no-store", ...API_HEADERS } },
    );
  }
  const unproxied = pathname === "/api/trpc/backup.restore";
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    responseMeta: () => (unproxied ? { headers: new Headers(API_HEADERS) } : {}),
    createContext: ({ req }) => createRequestContext(req),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC error on ${path ?? "unknown path"}:`, error);
      }
    },
  });
};

export { handler as GET, handler as POST };

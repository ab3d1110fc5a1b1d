/**
 * The request layer (Next.js 16 "proxy", formerly middleware): runs before every page,
 * route handler and procedure. In order:
 *   1. Host allow-list (DNS rebinding): an unknown Host gets 421 and nothing else runs.
 *   2. Malformed percent-encoding in the path or query: 400 (was a 500 in the routes).
 *   3. State-changing requests: Origin / Sec-Fetch-Site must be this app; 403 otherwise.
 *   4. Bodies: a Content-Length within the route's limit (413), tRPC batch cap (400).
 *   5. On PostgreSQL, before a page: is the database there (`SELECT 1`)? If not, a 503
 *      page for people (server/http/unavailable-page.ts); a render would only fail into
 *      Next's 500 page. The API answers its own 503 (server/trpc/init.ts).
 *   6. The sign-in gate (server/auth/gate.ts): pages go to /setup before the first
 *      account exists and to /sign-in without a session cookie.
 *   7. Security headers on the response, with a fresh CSP nonce that Next.js puts on
 *      its scripts (the pages render per request: see app/layout.tsx).
 * The checks are pure functions in server/http/request-guard.ts.
 *
 * backup.restore is the one path the proxy skips (see `config`): with a proxy, Next
 * buffers every request body up to `proxyClientMaxBodySize` (next.config.ts), and a
 * restore may be 48 MB. Its route runs the same checks itself.
 */
import { type NextRequest, NextResponse } from "next/server";
import { getDatabase } from "./db/client";
import { gateRequest, isPagePath } from "./server/auth/gate";
import { isDatabaseUnavailable } from "./server/errors";
import { allowedHosts, requestProblem, targetOf } from "./server/http/request-guard";
import {
  contentSecurityPolicy,
  createNonce,
  STATIC_SECURITY_HEADERS,
} from "./server/http/security-headers";
import { databaseIsDown, databaseUnavailablePage } from "./server/http/unavailable-page";

const ALLOWED = allowedHosts({
  ALLOWED_HOSTS: process.env.ALLOWED_HOSTS,
  APP_URL: process.env.APP_URL,
});
const DEVELOPMENT = process.env.NODE_ENV === "development";
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

function withHeaders(response: NextResponse, csp: string): NextResponse {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) {
    response.headers.set(name, value);
  }
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function refuse(status: number, code: string, message: string): NextResponse {
  const response = NextResponse.json(
    { error: { code, message } },
    { status, headers: { "cache-control": "no-store" } },
  );
  return withHeaders(response, API_CSP);
}

export async function proxy(request: NextRequest): Promise<Response> {
  const refusal = requestProblem(
    {
      method: request.method,
      target: targetOf(request.url),
      pathname: request.nextUrl.pathname,
      headers: request.headers,
    },
    ALLOWED,
  );
  if (refusal) return refuse(refusal.status, refusal.code, refusal.message);
  const { pathname, search } = request.nextUrl;
  if (isPagePath(pathname) && (await databaseIsDown(getDatabase()))) {
    return databaseUnavailablePage(pathname + search);
  }
  let gate: NextResponse | null;
  try {
    gate = await gateRequest(request);
  } catch (error) {
    // The gate's one query (does any account exist yet?) lost the database in between.
    if (isDatabaseUnavailable(error)) return databaseUnavailablePage(pathname + search);
    throw error;
  }
  if (gate) return withHeaders(gate, API_CSP);

  // API answers (JSON, downloads, auth redirects) never run scripts: a fixed policy that
  // allows nothing, and no nonce to make or pass on to a page render.
  if (pathname.startsWith("/api/")) return withHeaders(NextResponse.next(), API_CSP);

  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, DEVELOPMENT);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

export const config = {
  // Every path but exactly /api/trpc/backup.restore (its route guards itself). Anything
  // else, a broken or batched variant included, goes through the proxy.
  matcher: ["/((?!api/trpc/backup\\.restore$).*)"],
};

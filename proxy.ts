/**
 * The request layer (Next.js 16 "proxy", formerly middleware): runs before every page,
 * route handler and procedure. In order:
 *   1. Host allow-list (DNS rebinding): an unknown Host gets 421 and nothing else runs.
 *   2. Malformed percent-encoding in the path or query: 400 (was a 500 in the routes).
 *   3. State-changing requests: Origin / Sec-Fetch-Site must be this app; 403 otherwise.
 *   4. Bodies: a Content-Length within the route's limit (413), tRPC batch cap (400).
 *   5. The sign-in gate (server/auth/gate.ts): pages go to /setup before the first
 *      account exists and to /sign-in without a session cookie.
 *   6. Security headers on the response, with a fresh CSP nonce that Next.js puts on
 *      its scripts (the pages render per request: see app/layout.tsx).
 * The checks are pure functions in server/http/request-guard.ts.
 */
import { type NextRequest, NextResponse } from "next/server";
import { gateRequest } from "./server/auth/gate";
import {
  allowedHosts,
  batchProblem,
  bodyProblem,
  isAllowedHost,
  isWellFormedTarget,
  originProblem,
} from "./server/http/request-guard";
import {
  contentSecurityPolicy,
  createNonce,
  STATIC_SECURITY_HEADERS,
} from "./server/http/security-headers";

const ALLOWED = allowedHosts({
  ALLOWED_HOSTS: process.env.ALLOWED_HOSTS,
  APP_URL: process.env.APP_URL,
});
const DEVELOPMENT = process.env.NODE_ENV === "development";

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
  return withHeaders(response, "default-src 'none'; frame-ancestors 'none'");
}

/** The path and query exactly as the client sent them (before any decoding). */
function rawTarget(request: NextRequest): string {
  const url = request.url;
  const start = url.indexOf("/", url.indexOf("//") + 2);
  return start >= 0 ? url.slice(start) : "/";
}

export function proxy(request: NextRequest): NextResponse {
  const host = request.headers.get("host");
  if (!isAllowedHost(host, ALLOWED)) {
    return refuse(
      421,
      "MISDIRECTED_REQUEST",
      "This server does not answer to that host name. Add it to ALLOWED_HOSTS to use it.",
    );
  }
  if (!isWellFormedTarget(rawTarget(request))) {
    return refuse(400, "BAD_REQUEST", "The address has a broken percent-encoding (a stray %).");
  }
  const method = request.method;
  const origin = originProblem(method, request.headers, ALLOWED);
  if (origin) return refuse(403, "FORBIDDEN", `Refused: ${origin}.`);
  const pathname = request.nextUrl.pathname;
  const body = bodyProblem(method, pathname, request.headers);
  if (body) {
    return refuse(
      body.status,
      body.status === 413 ? "PAYLOAD_TOO_LARGE" : "LENGTH_REQUIRED",
      `Refused: ${body.message}.`,
    );
  }
  const batch = batchProblem(pathname);
  if (batch) return refuse(400, "BAD_REQUEST", `Refused: ${batch}.`);
  const gate = gateRequest(request);
  if (gate) return withHeaders(gate, "default-src 'none'; frame-ancestors 'none'");

  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, DEVELOPMENT);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

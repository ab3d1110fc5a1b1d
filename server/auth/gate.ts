/**
 * The page gate, called from proxy.ts for every request: nobody uses the app signed out.
 *
 * - Before the first account exists, every page sends the visitor to /setup.
 * - Without a session cookie, pages send the visitor to /sign-in (?next= the page).
 * - Once an account exists, /setup sends the visitor on (home, or /sign-in).
 * - /api/* is not redirected: the tRPC endpoint and the downloads answer 401 themselves,
 *   and /api/auth/* is better-auth's.
 *
 * The gate only looks at the cookie's presence (cheap); the session itself is checked by
 * the tRPC context on every call, and a page whose session has expired is sent to
 * /sign-in by the server caller (app/_trpc/server.ts).
 */
import { NextResponse } from "next/server";
import { getDatabase } from "../../db/client";
import { hasAnyAccount } from "../services/households";

const SESSION_COOKIES = ["better-auth.session_token", "__Secure-better-auth.session_token"];
const AUTH_PAGES = new Set(["/sign-in", "/setup"]);
const OPEN_PAGES = new Set(["/sign-up"]);

let accountsExist = false;

/** Accounts never go back to none, so once true this is remembered for the process. */
async function anyAccountExists(): Promise<boolean> {
  accountsExist ||= await hasAnyAccount(getDatabase());
  return accountsExist;
}

type GateRequest = {
  nextUrl: URL;
  url: string;
  cookies: { has: (name: string) => boolean };
};

/** Whether a path is a page (rendered from the database), not the API, code or a static file. */
export function isPagePath(pathname: string): boolean {
  if (pathname.startsWith("/api/") || pathname.startsWith("/_next/")) return false;
  return !/\.(svg|png|ico|txt|webmanifest)$/.test(pathname) && pathname !== "/sw.js";
}

/** A redirect when the request may not go where it asked, otherwise null. */
export async function gateRequest(request: GateRequest): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  if (!isPagePath(pathname)) return null;
  const redirectTo = (target: string) => NextResponse.redirect(new URL(target, request.url));
  if (!(await anyAccountExists())) return pathname === "/setup" ? null : redirectTo("/setup");
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  // /sign-in stays reachable with a cookie: the cookie may hold an expired session.
  if (pathname === "/setup") return redirectTo(signedIn ? "/" : "/sign-in");
  if (signedIn) return null;
  if (AUTH_PAGES.has(pathname) || OPEN_PAGES.has(pathname)) return null;
  const next = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
  return redirectTo(`/sign-in${next}`);
}

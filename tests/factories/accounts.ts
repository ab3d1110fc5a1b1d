/**
 * Accounts for integration tests: a real better-auth instance on the test database,
 * driven through its HTTP handler exactly as a browser would (JSON POSTs, cookies), and
 * tRPC callers built from a session cookie the way the HTTP endpoint builds them.
 */
import type { AppDatabase } from "@/db/client";
import { type AuthOptions, createAuth } from "@/server/auth/auth";
import { createSessionContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

export const TEST_ORIGIN = "http://localhost:3000";

export type TestAuth = ReturnType<typeof createTestAuth>;

/** `name=value` pairs of a response's Set-Cookie headers, for the next request's Cookie. */
export function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .filter((pair) => pair && !pair.endsWith("="))
    .join("; ");
}

export function createTestAuth(db: AppDatabase, options: AuthOptions = { rateLimit: false }) {
  const authReady = createAuth(db, options);

  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return (await authReady).handler(
      new Request(`${TEST_ORIGIN}/api/auth${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          host: "localhost:3000",
          origin: TEST_ORIGIN,
          ...headers,
        },
        body: JSON.stringify(body),
      }),
    );
  }

  /** Signs up with email + password; returns the response and its session cookie. */
  async function signUp(
    email: string,
    headers: Record<string, string> = {},
    password = "correct horse battery",
  ) {
    const response = await post(
      "/sign-up/email",
      { email, password, name: email.split("@")[0] },
      headers,
    );
    return { response, cookie: cookiesFrom(response) };
  }

  async function signIn(
    email: string,
    password = "correct horse battery",
    headers: Record<string, string> = {},
  ) {
    const response = await post("/sign-in/email", { email, password }, headers);
    return { response, cookie: cookiesFrom(response) };
  }

  /** A tRPC caller acting as the holder of `cookie` (or signed out, for ""). */
  function callerFor(cookie: string) {
    const headers = new Headers({ cookie, host: "localhost:3000" });
    return createCaller(async () => createSessionContext(db, await authReady, headers));
  }

  return { auth: authReady, post, signUp, signIn, callerFor };
}

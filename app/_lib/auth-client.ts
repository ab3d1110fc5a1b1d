"use client";
/**
 * The browser side of better-auth: plain JSON POSTs to /api/auth/* for email + password
 * (so the setup code and invitation travel as headers), and better-auth's client for
 * passkeys (WebAuthn ceremonies).
 */
import { passkeyClient } from "@better-auth/passkey/client";
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient({ plugins: [passkeyClient()] });

export type AuthResult = { ok: true } | { ok: false; field: string | null; message: string };

/** better-auth's error codes, said for people and placed next to the field they concern. */
const ERRORS: Record<string, { field: string | null; message: string }> = {
  INVALID_EMAIL_OR_PASSWORD: {
    field: "password",
    message: "That email and password do not match.",
  },
  INVALID_EMAIL: { field: "email", message: "Enter an email address like name@example.org." },
  USER_ALREADY_EXISTS: { field: "email", message: "There is already an account with this email." },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: {
    field: "email",
    message: "There is already an account with this email.",
  },
  PASSWORD_TOO_SHORT: { field: "password", message: "Use at least 8 characters." },
  PASSWORD_TOO_LONG: { field: "password", message: "Use at most 128 characters." },
};

export async function postAuth(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<AuthResult> {
  let response: Response;
  try {
    response = await fetch(`/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, field: null, message: "Could not reach the server. Try again." };
  }
  if (response.ok) return { ok: true };
  if (response.status === 429) {
    const seconds = response.headers.get("x-retry-after");
    return {
      ok: false,
      field: null,
      message: `Too many attempts. Please wait ${seconds ? `${seconds} seconds` : "a minute"} and try again.`,
    };
  }
  const error = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  const known = error.code ? ERRORS[error.code] : undefined;
  return known
    ? { ok: false, ...known }
    : { ok: false, field: null, message: error.message || "That did not work. Try again." };
}

/** Starts sign-in with the configured OpenID Connect provider (a full-page redirect). */
export async function signInWithOidc(callbackURL: string): Promise<AuthResult> {
  const response = await fetch("/api/auth/sign-in/social", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ provider: "oidc", callbackURL, errorCallbackURL: "/sign-in" }),
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string; message?: string };
  if (!response.ok || !body.url) {
    return { ok: false, field: null, message: body.message || "Single sign-on is not available." };
  }
  window.location.assign(body.url);
  return { ok: true };
}

/** Only same-site paths are followed after signing in. */
export function safeNext(next: string | null | undefined): string {
  if (!next) return "/";
  return next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

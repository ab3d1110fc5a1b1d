/**
 * Who may create an account. Before the first account exists: only a request from the
 * machine itself (localhost, not through a proxy) or one carrying the one-time setup code
 * that `npm start` prints. After that: only someone holding a live invitation link, and
 * for an email + password account only while the admin leaves password sign-up on.
 */
import { APIError } from "better-auth/api";
import type { AppDatabase } from "../../db/client";
import {
  findLiveInvitation,
  hasAnyAccount,
  isPasswordSignUpEnabled,
  isValidSetupCode,
} from "../services/households";

export const SETUP_CODE_HEADER = "x-setup-code";
export const INVITATION_HEADER = "x-invitation-token";
/** Set by /sign-up before an OIDC or passkey sign-up, so the callback knows the invitation. */
export const INVITATION_COOKIE = "b12-invitation";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
const LOOPBACK_ADDRESSES = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function hostnameOf(host: string): string {
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  return host.split(":")[0] ?? "";
}

/**
 * True when the request was made on the machine itself: its Host is a loopback name and
 * every address Next.js recorded for it (x-forwarded-for) is a loopback address. A reverse
 * proxy on the same machine also connects from loopback, so a proxied request (one with
 * `x-forwarded-host` or `forwarded` naming another host) is never local: behind a proxy,
 * use the setup code.
 */
export function isLocalRequest(headers: Headers): boolean {
  const host = headers.get("host");
  if (!host || !LOOPBACK_HOSTS.has(hostnameOf(host))) return false;
  const forwardedHost = headers.get("x-forwarded-host");
  if (forwardedHost && !LOOPBACK_HOSTS.has(hostnameOf(forwardedHost))) return false;
  if (headers.get("forwarded") || headers.get("x-real-ip")) return false;
  const forwardedFor = headers.get("x-forwarded-for");
  if (!forwardedFor) return true;
  return forwardedFor
    .split(",")
    .map((address) => address.trim())
    .every((address) => LOOPBACK_ADDRESSES.has(address));
}

export function readCookie(headers: Headers, name: string): string | null {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  for (const part of cookie.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

export function invitationTokenFrom(headers: Headers): string | null {
  return headers.get(INVITATION_HEADER)?.trim() || readCookie(headers, INVITATION_COOKIE) || null;
}

/** Throws FORBIDDEN (with a message for people) when this request may not create an account. */
export async function checkSignUpAllowed(
  db: AppDatabase,
  headers: Headers,
  options: { password: boolean },
): Promise<void> {
  if (!(await hasAnyAccount(db))) {
    if (isLocalRequest(headers) || (await isValidSetupCode(db, headers.get(SETUP_CODE_HEADER))))
      return;
    throw new APIError("FORBIDDEN", {
      message:
        "The first account can only be created on the server itself or with the setup code that `npm start` printed.",
    });
  }
  if (options.password && !(await isPasswordSignUpEnabled(db))) {
    throw new APIError("FORBIDDEN", {
      message: "Sign-up with a password is switched off. Ask the household's admin.",
    });
  }
  const token = invitationTokenFrom(headers);
  if (!token || !(await findLiveInvitation(db, token))) {
    throw new APIError("FORBIDDEN", {
      message: "You need an invitation link from a household member to create an account.",
    });
  }
}

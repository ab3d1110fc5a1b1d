/**
 * The better-auth instance: email + password, passkeys and (when configured) one
 * OpenID Connect provider, on the app's database (SQLite or PostgreSQL) through the Drizzle
 * adapter.
 *
 * Who may create an account (server/auth/policy.ts): the very first account from the
 * machine itself or with the setup code `npm start` prints; after that only someone with
 * an invitation link (and, for a password, while the admin leaves password sign-up on).
 * A new account gets its household in `databaseHooks.user.create.after`.
 *
 * Cookies: HttpOnly and SameSite=Lax (better-auth's defaults), Secure when the app is
 * reached over HTTPS. Sign-in and sign-up are rate-limited per client IP (on PostgreSQL
 * counted in the database, shared by every instance). Telemetry off.
 */

import { randomBytes } from "node:crypto";
import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { eq } from "drizzle-orm";
import { type AppDatabase, getDatabase } from "../../db/client";
import { dialectOf, first } from "../../db/dialect";
import {
  appMeta,
  authAccounts,
  authPasskeys,
  authRateLimits,
  authSessions,
  authUsers,
  authVerifications,
} from "../../db/schema";
import { allowedHosts } from "../http/request-guard";
import { attachNewAccount, deleteAccount, hasAnyAccount } from "../services/households";
import { oidcConfigFromEnvironment } from "./oidc-config";
import { checkSignUpAllowed, invitationTokenFrom } from "./policy";
import { databaseRateLimitStorage } from "./rate-limit-store";
import { forgetCachedSessions } from "./session-cache";

const SECRET_KEY = "auth.secret";

/**
 * BETTER_AUTH_SECRET, else a random secret generated once and kept in the database.
 * Read once, when the auth instance is made. Two instances starting together on one
 * PostgreSQL database both insert with ON CONFLICT DO NOTHING and then both read the one
 * that won, so every instance signs with the same secret.
 */
async function resolveSecret(db: AppDatabase): Promise<string> {
  const configured = process.env.BETTER_AUTH_SECRET?.trim();
  if (configured) return configured;
  const stored = await first(db.select().from(appMeta).where(eq(appMeta.key, SECRET_KEY)));
  if (stored) return stored.value;
  const secret = randomBytes(32).toString("base64url");
  await db.insert(appMeta).values({ key: SECRET_KEY, value: secret }).onConflictDoNothing();
  return (
    (await first(db.select().from(appMeta).where(eq(appMeta.key, SECRET_KEY))))?.value ?? secret
  );
}

/**
 * The app's public URL (APP_URL, or BETTER_AUTH_URL) when set; else the request's host,
 * if it is one the server answers to: the same allow-list as proxy.ts (loopback names and
 * ALLOWED_HOSTS; a name given without a port is allowed on any port).
 */
function resolveBaseUrl() {
  const configured = (process.env.APP_URL ?? process.env.BETTER_AUTH_URL)?.trim();
  if (configured) return configured;
  const hosts = allowedHosts({ ALLOWED_HOSTS: process.env.ALLOWED_HOSTS }).flatMap((host) =>
    /:\d+$/.test(host) ? [host] : [host, `${host}:*`],
  );
  return { allowedHosts: hosts, protocol: "auto" as const };
}

function signInLimitPerMinute(): number {
  const configured = Number(process.env.B12_SIGN_IN_LIMIT_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 10;
}

/**
 * Where the rate limit counts. PostgreSQL: in the database (`auth_rate_limits`), so that
 * several app instances count the same attempts of a client. SQLite: in this process's
 * memory; one process serves a SQLite database, so there is nothing to share, and a
 * database row would add a write to the one SQLite writer on every request to /api/auth
 * (measured: +4 to 5 ms at p50, bench/rate-limit.bench.ts). Only better-auth's own HTTP
 * endpoints are counted (sign-in, sign-up, sign-out, passkeys, OIDC), not the session
 * read of tRPC calls and pages.
 */
export function rateLimitStorage(db: AppDatabase): "database" | "memory" {
  return dialectOf(db) === "pg" ? "database" : "memory";
}

export type AuthOptions = {
  rateLimit?: boolean;
  /** Overrides rateLimitStorage(db) (bench/rate-limit.bench.ts compares the two). */
  rateLimitStorage?: "database" | "memory";
};

/** The auth instance on a database (its secret read or made first). */
export async function createAuth(db: AppDatabase, options: AuthOptions = {}) {
  return buildAuth(db, await resolveSecret(db), options);
}

function buildAuth(db: AppDatabase, secret: string, options: AuthOptions) {
  const oidc = oidcConfigFromEnvironment();
  const perMinute = signInLimitPerMinute();
  const baseURL = resolveBaseUrl();
  const rpID = process.env.B12_PASSKEY_RP_ID?.trim() || undefined;
  const storage = options.rateLimitStorage ?? rateLimitStorage(db);
  return betterAuth({
    appName: "B12 Planner",
    secret,
    baseURL,
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: dialectOf(db),
      schema: {
        user: authUsers,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
        passkey: authPasskeys,
        rateLimit: authRateLimits,
      },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: options.rateLimit ?? true,
      storage,
      // PostgreSQL: one exact statement per attempt (rate-limit-store.ts), not better-auth's
      // read-then-update, so a concurrent burst cannot pass the limit.
      customStorage:
        storage === "database" && dialectOf(db) === "pg" ? databaseRateLimitStorage(db) : undefined,
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/*": { window: 60, max: perMinute },
        "/sign-up/*": { window: 60, max: perMinute },
        "/passkey/verify-authentication": { window: 60, max: perMinute },
      },
    },
    advanced: {
      // Secure cookies when the app's public URL is HTTPS (APP_URL=https://…, e.g.
      // behind a TLS proxy). Not by default: a home server reached over plain HTTP on the
      // LAN would otherwise never keep its session cookie.
      useSecureCookies: typeof baseURL === "string" && baseURL.startsWith("https:"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    account: { accountLinking: { enabled: true, trustedProviders: oidc ? [oidc.providerId] : [] } },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // Every endpoint but the session read itself may end or change sessions
        // (sign-out, revoking sessions, a new password): the tRPC context's short memory
        // of verified cookies is emptied first (server/auth/session-cache.ts).
        if (ctx.path !== "/get-session") forgetCachedSessions();
        if (ctx.path !== "/sign-up/email") return;
        await checkSignUpAllowed(db, ctx.headers ?? new Headers(), { password: true });
      }),
    },
    databaseHooks: {
      user: {
        create: {
          before: async (_user, ctx) => {
            await checkSignUpAllowed(db, ctx?.headers ?? new Headers(), { password: false });
          },
          after: async (user, ctx) => {
            const token = invitationTokenFrom(ctx?.headers ?? new Headers());
            if (await attachNewAccount(db, user.id, token)) return;
            await deleteAccount(db, user.id);
            throw new APIError("FORBIDDEN", {
              message: "This invitation link has been used or has expired.",
            });
          },
        },
      },
    },
    plugins: [
      passkey({ rpName: "B12 Planner", ...(rpID ? { rpID } : {}) }),
      ...(oidc ? [genericOAuth({ config: [oidc] })] : []),
    ],
  });
}

export type Auth = ReturnType<typeof buildAuth>;

const SHARED_KEY = Symbol.for("b12.auth");

/**
 * The process-wide auth instance on the process-wide database (on globalThis: Next.js
 * gives each route its own copy of this module). A failed start is not remembered.
 */
export function getAuth(): Promise<Auth> {
  const holder = globalThis as { [SHARED_KEY]?: Promise<Auth> };
  let shared = holder[SHARED_KEY];
  if (!shared) {
    shared = createAuth(getDatabase());
    holder[SHARED_KEY] = shared;
    shared.catch(() => {
      if (holder[SHARED_KEY] === shared) delete holder[SHARED_KEY];
    });
  }
  return shared;
}

export { hasAnyAccount };

/**
 * tRPC set-up: context, the error formatter and the one place where domain errors
 * become transport errors. Plain JSON on the wire (no transformer): every value the API
 * returns is a JSON type, and large plans serialise several times faster without one.
 *
 * - `createInnerContext({ db })` is what tests use with a temporary database (signed in
 *   as an owner of `ownerId`, `local` by default, unless `session: null`);
 *   `createRequestContext(request)` is the HTTP one: the process-wide database and the
 *   better-auth session of the request's cookies, read once (server/auth/session.ts).
 * - `protectedProcedure`: no session → UNAUTHORIZED; a viewer's mutation → FORBIDDEN; a
 *   mutation while the household's backup is being restored → CONFLICT.
 *   `householdOwnerProcedure`: only the household's owners (admin settings, members).
 * - Input that fails zod validation becomes BAD_REQUEST with a readable message naming
 *   each field ("query: query must not be empty"), plus the flattened issues in
 *   `error.data.zodError`.
 * - An `AppError` thrown below becomes NOT_FOUND / BAD_REQUEST / CONFLICT. A lost or
 *   refused database connection (`isDatabaseUnavailable`: PostgreSQL restarting, the
 *   network gone, no connection slot), in a procedure or while reading the session,
 *   becomes SERVICE_UNAVAILABLE (HTTP 503) with a message for people; the transaction it
 *   interrupted was rolled back. Anything else stays INTERNAL_SERVER_ERROR with a generic
 *   message.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { type AppDatabase, getDatabase } from "../../db/client";
import type { Auth } from "../auth/auth";
import { readRequestSession } from "../auth/session";
import type { HouseholdRole } from "../domain/vocabulary";
import {
  AppError,
  type AppErrorCode,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from "../errors";
import { databaseIsDown } from "../http/unavailable-page";
import { RESTORE_IN_PROGRESS, restoreInProgress } from "../services/restore-staging";

/** The household that holds an existing database's data: the first account's. */
export const LOCAL_OWNER_ID = "local";

export type Context = {
  db: AppDatabase;
  /** The signed-in account's household: every service's `ownerId`. "" when signed out. */
  ownerId: string;
  accountId: string | null;
  role: HouseholdRole | null;
};

export function createInnerContext(options: {
  db: AppDatabase;
  ownerId?: string;
  session?: { accountId: string; role: HouseholdRole } | null;
}): Context {
  const session =
    options.session === undefined
      ? { accountId: "test-account", role: "owner" as const }
      : options.session;
  if (!session) return { db: options.db, ownerId: "", accountId: null, role: null };
  return {
    db: options.db,
    ownerId: options.ownerId ?? LOCAL_OWNER_ID,
    accountId: session.accountId,
    role: session.role,
  };
}

/** The HTTP context: the session of the request's cookies, read once per request. */
export async function createRequestContext(request: { headers: Headers }): Promise<Context> {
  // Loaded on first use: tests and scripts that never read a session skip better-auth.
  const { getAuth } = await import("../auth/auth");
  const db = getDatabase();
  try {
    return await createSessionContext(db, await getAuth(), request.headers);
  } catch (error) {
    // better-auth answers a failed session read with its own "Failed to get session" and
    // drops the cause: whether the database is gone is asked of the database itself.
    if (isDatabaseUnavailable(error) || (await databaseIsDown(db))) {
      throw unavailableOr(error, true);
    }
    throw error;
  }
}

/** A TRPCError SERVICE_UNAVAILABLE (503) for a lost database connection, else `error` itself. */
function unavailableOr(error: unknown, known = false): unknown {
  if (!known && !isDatabaseUnavailable(error)) return error;
  return new TRPCError({
    code: "SERVICE_UNAVAILABLE",
    message: DATABASE_UNAVAILABLE_MESSAGE,
    cause: error,
  });
}

/** The context of whoever these headers' session cookie belongs to (tests pass their own auth). */
export async function createSessionContext(
  db: AppDatabase,
  auth: Auth,
  headers: Headers,
): Promise<Context> {
  const session = await readRequestSession(auth, db, headers);
  if (!session) return createInnerContext({ db, session: null });
  return {
    db,
    ownerId: session.householdId,
    accountId: session.accountId,
    role: session.role,
  };
}

function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join(".");
      if (!field) return issue.message;
      return issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`;
    })
    .join("; ");
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const appError = error.cause instanceof AppError ? error.cause : null;
    const internal = shape.data.code === "INTERNAL_SERVER_ERROR";
    // A JSON parser's message quotes the input back: say what is wrong, not what was sent.
    const unparsable = shape.data.code === "PARSE_ERROR" || error.cause instanceof SyntaxError;
    return {
      ...shape,
      // Internal errors are logged on the server; clients get no internals.
      message: internal
        ? "Something went wrong on the server. Please try again."
        : unparsable
          ? "The request is not valid JSON."
          : shape.message,
      data: {
        ...shape.data,
        field: appError?.field ?? zodError?.issues[0]?.path.join(".") ?? null,
        zodError: zodError ? z.flattenError(zodError) : null,
      },
    };
  },
});

const TRPC_CODE: Record<AppErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  INVALID: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
};

/** Domain errors become their tRPC code; invalid input gets a readable message. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) {
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  if (cause instanceof ZodError) {
    throw new TRPCError({ code: "BAD_REQUEST", message: describeZodError(cause), cause });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR" && isDatabaseUnavailable(cause)) {
    throw unavailableOr(cause);
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

/** Signed in, or UNAUTHORIZED; viewers read but never write (mutations → FORBIDDEN). */
export const protectedProcedure = publicProcedure.use(async ({ ctx, type, next }) => {
  if (!ctx.accountId || !ctx.role || !ctx.ownerId) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  }
  if (type === "mutation" && ctx.role === "viewer") {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Viewers can look at the household's plans but not change them.",
    });
  }
  // A staged restore writes the household's data in many short transactions: its other
  // writes (and a second restore) wait for the end rather than interleave.
  if (type === "mutation" && (await restoreInProgress(ctx.db, ctx.ownerId))) {
    throw new TRPCError({ code: "CONFLICT", message: RESTORE_IN_PROGRESS });
  }
  return next({ ctx: { ...ctx, accountId: ctx.accountId, role: ctx.role } });
});

/** Only the household's owners (its admins). */
export const householdOwnerProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.role !== "owner") {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Only the household's owner can do this.",
    });
  }
  return next();
});

/**
 * The server's admin: an owner of the first household (the first account's). Settings
 * that concern every household on this server (password sign-up) are theirs.
 */
export const siteAdminProcedure = householdOwnerProcedure.use(({ ctx, next }) => {
  if (ctx.ownerId !== LOCAL_OWNER_ID) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only the server's admin can do this." });
  }
  return next();
});

/**
 * The one error type domain and service code throws. The tRPC layer maps it to a
 * transport code in one place (server/trpc/init.ts); nothing below the routers knows
 * about tRPC.
 */
export type AppErrorCode = "NOT_FOUND" | "INVALID" | "CONFLICT" | "FORBIDDEN";

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The input field the error is about, e.g. "id" or "b12.percentDailyValue". */
  readonly field: string | null;

  constructor(code: AppErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = field;
  }
}

export const notFound = (message: string, field: string | null = null) =>
  new AppError("NOT_FOUND", message, field);

export const invalid = (message: string, field: string | null = null) =>
  new AppError("INVALID", message, field);

/** What a request that lost the database hears (HTTP 503): no internals, no URL. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "The database is not reachable right now; nothing was changed. Try again in a moment.";

/** Socket-level failures (Node's codes) of a connection to the database server. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * PostgreSQL SQLSTATEs that say the server went away or cannot take us now: admin or crash
 * shutdown and "starting up / shutting down" (57P01-57P03), too many connections (53300);
 * the whole class 08 (connection exception) is matched by prefix.
 */
const SERVER_GONE_STATES = new Set(["57P01", "57P02", "57P03", "53300"]);

/** node-postgres' own messages for a connection that died or never came (they have no code). */
const CONNECTION_MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /is not queryable/i,
  /Client has encountered a connection error/i,
];

/**
 * Whether `error` (or anything in its `cause` chain, or an AggregateError's `errors`, as
 * Drizzle and dual-stack connects wrap them) says the database server cannot be reached:
 * a lost or refused connection, a server shutting down, no connection slot. Such a request
 * answers 503 (server/trpc/init.ts), never 500: retrying later is the right thing to do.
 * A statement that fails for its own reasons (a constraint, a syntax error) is not this.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 16) {
    const current = pending.shift();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const { code, message, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === "string") {
      if (CONNECTION_CODES.has(code) || SERVER_GONE_STATES.has(code)) return true;
      if (/^08[0-9A-Z]{3}$/.test(code)) return true;
    }
    if (typeof message === "string" && CONNECTION_MESSAGES.some((re) => re.test(message))) {
      return true;
    }
    if (cause !== undefined) pending.push(cause);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}

/**
 * tRPC set-up: context, the error formatter and the one place where domain errors
 * become transport errors. Plain JSON on the wire (no transformer): every value the API
 * returns is a JSON type, and large plans serialise several times faster without one.
 *
 * - `createInnerContext({ db })` is what tests use with a temporary database;
 *   `createRequestContext()` is the HTTP one (the process-wide database, the local owner).
 * - Input that fails zod validation becomes BAD_REQUEST with a readable message naming
 *   each field ("query: query must not be empty"), plus the flattened issues in
 *   `error.data.zodError`.
 * - An `AppError` thrown below becomes NOT_FOUND / BAD_REQUEST / CONFLICT; anything
 *   else stays INTERNAL_SERVER_ERROR with a generic message.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { type AppDatabase, getDatabase } from "../../db/client";
import { AppError, type AppErrorCode } from "../errors";

/** The single owner of all user data until accounts exist. */
export const LOCAL_OWNER_ID = "local";

export type Context = { db: AppDatabase; ownerId: string };

export function createInnerContext(options: { db: AppDatabase; ownerId?: string }): Context {
  return { db: options.db, ownerId: options.ownerId ?? LOCAL_OWNER_ID };
}

export function createRequestContext(): Context {
  return createInnerContext({ db: getDatabase() });
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
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

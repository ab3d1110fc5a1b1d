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

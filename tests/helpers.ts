/** Small assertions shared by the integration tests. */
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

/** Expects a call to fail with a tRPC error of `code` whose message mentions `text`. */
export async function expectTrpcError(
  call: Promise<unknown>,
  code: TRPCError["code"],
  text?: string | RegExp,
): Promise<TRPCError> {
  const error = await call.then(
    () => {
      throw new Error(`expected ${code}, but the call succeeded`);
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const trpcError = error as TRPCError;
  expect(trpcError.code).toBe(code);
  if (text !== undefined) expect(trpcError.message).toMatch(text);
  return trpcError;
}

/** Passes deliberately malformed input to a typed procedure (the API must reject it). */
export function malformed(value: unknown): never {
  return value as never;
}

/**
 * Server components call the same procedures as the browser, through the tRPC caller,
 * so a page never opens the database itself. Not imported by client code.
 */
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { createRequestContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

export function serverCaller() {
  return createCaller(createRequestContext());
}

/** Runs a procedure call and turns NOT_FOUND / BAD_REQUEST into the 404 page. */
export async function callOrNotFound<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")
    ) {
      notFound();
    }
    throw error;
  }
}

/**
 * Server components call the same procedures as the browser, through the tRPC caller,
 * so a page never opens the database itself. Not imported by client code.
 */
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { createRequestContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

/**
 * The request's context (its session read once), shared by every call of one render.
 * Signed out (or a session that expired since the proxy saw its cookie) → /sign-in.
 */
const requestContext = cache(async () => {
  const context = await createRequestContext({ headers: await headers() });
  if (!context.accountId) redirect("/sign-in");
  return context;
});

export function serverCaller() {
  return createCaller(requestContext);
}

/**
 * Runs a procedure call and turns NOT_FOUND / BAD_REQUEST into the 404 page, and a
 * missing or expired session into the sign-in page.
 */
export async function callOrNotFound<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect("/sign-in");
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")
    ) {
      notFound();
    }
    throw error;
  }
}

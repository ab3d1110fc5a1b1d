/**
 * The tRPC HTTP endpoint: /api/trpc/<procedure>. proxy.ts already refused unknown hosts,
 * foreign origins, oversized bodies and oversized batches; the body and batch checks are
 * repeated here so the endpoint holds its limits on its own.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { batchProblem, bodyProblem, MAX_BATCH_CALLS } from "@/server/http/request-guard";
import { createRequestContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function refuse(status: number, code: string, message: string): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { "cache-control": "no-store" } },
  );
}

const handler = (request: Request) => {
  const pathname = new URL(request.url).pathname;
  const body = bodyProblem(request.method, pathname, request.headers);
  if (body) {
    return refuse(
      body.status,
      body.status === 413 ? "PAYLOAD_TOO_LARGE" : "LENGTH_REQUIRED",
      `Refused: ${body.message}.`,
    );
  }
  const batch = batchProblem(pathname);
  if (batch) return refuse(400, "BAD_REQUEST", `Refused: ${batch}.`);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: ({ req }) => createRequestContext(req),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC error on ${path ?? "unknown path"}:`, error);
      }
    },
  });
};

export { handler as GET, handler as POST };

/**
 * The tRPC HTTP endpoint under `next dev` (and a plain `next start`): /api/trpc/<procedure>.
 * In production `npm start` serves the same router on the same path with tRPC's Node
 * adapter instead (scripts/serve.ts); both use `trpcHttpOptions`.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_ENDPOINT, trpcHttpOptions } from "@/server/trpc/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handler = (request: Request) =>
  fetchRequestHandler({ ...trpcHttpOptions, endpoint: TRPC_ENDPOINT, req: request });

export { handler as GET, handler as POST };

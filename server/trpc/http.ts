/**
 * What both HTTP entry points of the API share, so they cannot drift apart:
 * - production (`scripts/serve.ts`): tRPC's Node adapter answers /api/trpc/* on the same
 *   `node:http` server as Next.js, before Next's router sees the request;
 * - `next dev` (and a plain `next start`): the App Router route handler
 *   `app/api/trpc/[trpc]/route.ts`, through tRPC's fetch adapter.
 * Same router, same context, same error logging; tests/integration/http-entry.test.ts
 * checks that both answer byte for byte alike.
 */
import { createRequestContext } from "./init";
import { appRouter } from "./root";

export const TRPC_ENDPOINT = "/api/trpc";

export const trpcHttpOptions = {
  router: appRouter,
  createContext: () => createRequestContext(),
  onError({ error, path }: { error: { code: string }; path?: string | undefined }) {
    // Client errors (4xx) are the caller's to read; only bugs are logged here.
    if (error.code === "INTERNAL_SERVER_ERROR") {
      console.error(`tRPC error on ${path ?? "unknown path"}:`, error);
    }
  },
};

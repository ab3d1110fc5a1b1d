/**
 * The API on a plain `node:http` server (production, scripts/serve.ts): tRPC's Node
 * adapter, with gzip for clients that ask for it (as Next.js compresses its own
 * responses). Measured against the App Router route handler it saves about a millisecond
 * a call, most of Next's per-request cost (bench/results.md, "HTTP overhead").
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import compression from "compression";
import { TRPC_ENDPOINT, trpcHttpOptions } from "./http";
import type { Context } from "./init";

/**
 * True for exactly the paths the route handler `app/api/trpc/[trpc]` answers: one path
 * segment after /api/trpc/. Anything else (a trailing slash, deeper paths) stays with
 * Next.js, so both entry points answer every URL alike.
 */
export function isTrpcPath(url: string | undefined): boolean {
  if (!url?.startsWith(`${TRPC_ENDPOINT}/`)) return false;
  const end = url.indexOf("?");
  const procedure = url.slice(TRPC_ENDPOINT.length + 1, end === -1 ? undefined : end);
  return procedure.length > 0 && !procedure.includes("/");
}

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

export function createTrpcListener(options: { createContext?: () => Context } = {}): Listener {
  const handle = createHTTPHandler({
    ...trpcHttpOptions,
    ...options,
    basePath: `${TRPC_ENDPOINT}/`,
  });
  const compress = compression({ threshold: 1024 });
  return (request, response) => {
    // compression's types are Express's; it only uses the Node request and response.
    compress(request as never, response as never, () => handle(request, response));
  };
}

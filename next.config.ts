import type { NextConfig } from "next";
import { MAX_BODY_BYTES } from "./server/http/request-guard";
import { STATIC_SECURITY_HEADERS } from "./server/http/security-headers";

// .ci/run builds with B12_CI_BUILD=1: it has run `npm run typecheck` as its own step (Next
// would run the same check again, ~40 s), and its clean clone builds once (Turbopack's build
// cache, written beside the build, would never be read).
const CI_BUILD = process.env.B12_CI_BUILD === "1";

const nextConfig: NextConfig = {
  // better-sqlite3 is on Next's built-in server-external list; nothing to add for it.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Give proxy.ts the request target as sent: otherwise Next re-serialises the query
  // and a broken percent-escape in it is silently dropped instead of refused.
  skipProxyUrlNormalize: true,
  typescript: { ignoreBuildErrors: CI_BUILD },
  experimental: {
    turbopackFileSystemCacheForBuild: !CI_BUILD,
    // proxy.ts makes Next buffer request bodies (twice) up to this size and silently cut
    // the rest: just above the largest body a proxied route accepts (the proxy refuses
    // larger ones with 413 from their Content-Length). backup.restore skips the proxy.
    proxyClientMaxBodySize: MAX_BODY_BYTES + 1024,
  },
  // proxy.ts sets these (and the CSP) on everything it answers; this covers responses
  // Next serves without it.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default nextConfig;

import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is on Next's built-in server-external list; nothing to add for it.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;

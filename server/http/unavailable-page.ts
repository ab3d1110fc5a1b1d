/**
 * The page a person sees while the database cannot be reached (PostgreSQL restarting,
 * unreachable, out of connections): HTTP 503 with `Retry-After`, a short message and a
 * link to try the same page again. Next.js cannot answer a status of its own from a server
 * component (a render that fails shows its 500 page), so proxy.ts asks first, on
 * PostgreSQL only (`databaseIsDown`), and answers this page instead of the render.
 *
 * Plain HTML without scripts: the policy allows one inline style (by nonce) and nothing
 * else. Tested in tests/integration/pg-faults.test.ts against a stopped cluster.
 */

import { type AppDatabase, dialectOf } from "../../db/dialect";
import { rawGet } from "../../db/raw";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "../errors";
import { createNonce, STATIC_SECURITY_HEADERS } from "./security-headers";

/** Seconds a browser or a load balancer is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Whether PostgreSQL answers `SELECT 1` now; SQLite (a local file) is not asked. Only a
 * lost or refused connection counts as "down": any other error is the page's own to show.
 */
export async function databaseIsDown(db: AppDatabase): Promise<boolean> {
  if (dialectOf(db) === "sqlite") return false;
  try {
    await rawGet(db, "SELECT 1 AS one");
    return false;
  } catch (error) {
    return isDatabaseUnavailable(error);
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The 503 answer itself: `path` is the page asked for (the "Try again" link). */
export function databaseUnavailablePage(path: string): Response {
  const nonce = createNonce();
  const again = path.startsWith("/") && !path.startsWith("//") ? path : "/";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Not available right now · B12 Planner</title>
<style nonce="${nonce}">
body{margin:0;background:#f6f7f4;color:#1c2321;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
header{background:#08403d;color:#fff;padding:.75rem 1rem;font-weight:700;font-size:1.15rem}
main{max-width:36rem;margin:2rem auto;padding:1.25rem 1.5rem;background:#fff;border:1px solid #d5dbd7;border-radius:10px}
h1{font-size:1.4rem;margin:0 0 .5rem}
p{margin:.5rem 0}
a{display:inline-block;margin-top:.75rem;padding:.5rem 1rem;border-radius:10px;background:#0d5c58;color:#fff;text-decoration:none;font-weight:600}
a:focus-visible{outline:3px solid #c25e00;outline-offset:2px}
@media (max-width:480px){main{margin:1rem;padding:1rem}}
</style>
</head>
<body>
<header>B12 Planner</header>
<main>
<h1>The planner is not available right now</h1>
<p>${escapeHtml(DATABASE_UNAVAILABLE_MESSAGE)}</p>
<p>What you saved before is kept. If this lasts, tell whoever runs this planner.</p>
<a href="${escapeHtml(again)}">Try again</a>
</main>
</body>
</html>
`;
  const headers = new Headers({
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "retry-after": String(RETRY_AFTER_SECONDS),
    "content-security-policy": `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  });
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) headers.set(name, value);
  return new Response(html, { status: 503, headers });
}

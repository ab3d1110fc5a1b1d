/**
 * The checks every HTTP request passes before any page, route or procedure runs
 * (proxy.ts calls them; the tRPC route repeats the body and batch checks). Pure
 * functions over strings and headers, no Next.js: tested in tests/unit/request-guard.test.ts.
 *
 * - Host allow-list: `localhost` and loopback addresses, plus the names in ALLOWED_HOSTS
 *   (comma-separated) and the host of APP_URL. Anything else is refused, which is what
 *   stops DNS rebinding: a foreign name pointed at 127.0.0.1 still sends its own Host.
 * - Origin: a state-changing request that carries `Origin` (browsers always send it on
 *   POST) must come from an allowed host; without `Origin`, `Sec-Fetch-Site` must say
 *   same-origin or none. Clients that send neither (curl, scripts) are not browsers a
 *   foreign page can drive, so they pass.
 * - Percent-encoding: a path or query with `%` not followed by two hex digits, or
 *   escapes that do not decode to UTF-8, is refused with 400 (it used to be a 500).
 * - Body size: every POST needs a Content-Length within the limit of its route.
 */

/** Requests larger than this are refused with 413 (every procedure but backup.restore). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/**
 * backup.restore's body limit: just above the largest backup the app writes. An owner at
 * every cap (tests/factories/caps.ts: 200 plans, 44,800 entries, 500 recipes of 100
 * lines, 1,000 custom foods, 50 people, every name and note at its longest) exports
 * 42.1 MB (tests/limits/caps.test.ts checks it stays between 85 % and 100 % of this
 * limit; bench/restore-stall.bench.ts prints it); 48 MB leaves about 14 % for what the
 * fixture does not stretch (longer ids and item keys from older files).
 */
export const MAX_RESTORE_BODY_BYTES = 48 * 1024 * 1024;
/** Calls one tRPC batch may hold. */
export const MAX_BATCH_CALLS = 20;
/** Procedures whose single call can write thousands of rows: at most one per request. */
export const HEAVY_PROCEDURES = new Set([
  "backup.restore",
  "plans.duplicate",
  "plans.import",
  "plans.copyDay",
  "plans.addToDays",
]);

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]", "::1"];

/** The host names (lower case, with an optional :port) this server answers to. */
export function allowedHosts(env: {
  ALLOWED_HOSTS?: string | undefined;
  APP_URL?: string | undefined;
}): string[] {
  const hosts = new Set(LOOPBACK);
  for (const item of (env.ALLOWED_HOSTS ?? "").split(",")) {
    const host = item.trim().toLowerCase();
    if (host) hosts.add(host);
  }
  if (env.APP_URL) {
    try {
      hosts.add(new URL(env.APP_URL).host.toLowerCase());
    } catch {
      // an APP_URL that is not a URL adds nothing
    }
  }
  return [...hosts];
}

/** Splits "name:port", "[v6]:port" or "name" into its parts (name lower-cased). */
function splitHost(value: string): { name: string; port: string | null } | null {
  const host = value.trim().toLowerCase();
  if (host === "" || /[\s/\\@?#]/.test(host)) return null;
  const match = host.startsWith("[")
    ? /^(\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/.exec(host)
    : /^([^:]+)(?::(\d{1,5}))?$/.exec(host);
  if (!match?.[1]) {
    // a bare IPv6 address in ALLOWED_HOSTS ("::1")
    return /^[0-9a-f:.]+$/.test(host) ? { name: `[${host}]`, port: null } : null;
  }
  return { name: match[1], port: match[2] ?? null };
}

function isLoopbackName(name: string): boolean {
  return name === "localhost" || name === "[::1]" || /^127(\.\d{1,3}){3}$/.test(name);
}

/** Is this Host header (or an Origin's host) one the server answers to? */
export function isAllowedHost(hostHeader: string | null, allowed: string[]): boolean {
  if (!hostHeader) return false;
  const host = splitHost(hostHeader);
  if (!host) return false;
  if (isLoopbackName(host.name)) return true;
  return allowed.some((entry) => {
    const rule = splitHost(entry);
    if (!rule || rule.name !== host.name) return false;
    return rule.port === null || rule.port === host.port;
  });
}

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * For a state-changing request: null when its origin is acceptable, otherwise the reason.
 */
export function originProblem(
  method: string,
  headers: { get(name: string): string | null },
  allowed: string[],
): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const origin = headers.get("origin");
  if (origin !== null) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return "the request's Origin is not a web address this server accepts";
    }
    if (
      (url.protocol !== "http:" && url.protocol !== "https:") ||
      !isAllowedHost(url.host, allowed)
    )
      return "requests that change data must come from this app's own pages";
    return null;
  }
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    return "requests that change data must come from this app's own pages";
  }
  return null;
}

/** Does this string decode as percent-encoded UTF-8 (every `%` starts a valid escape)? */
export function decodesCleanly(text: string): boolean {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return false;
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** Is the request target (path and query, as sent) well-formed percent-encoding? */
export function isWellFormedTarget(pathAndQuery: string): boolean {
  const hash = pathAndQuery.indexOf("#");
  const target = hash >= 0 ? pathAndQuery.slice(0, hash) : pathAndQuery;
  const question = target.indexOf("?");
  const path = question >= 0 ? target.slice(0, question) : target;
  const query = question >= 0 ? target.slice(question + 1) : "";
  if (!path.split("/").every(decodesCleanly)) return false;
  return query.split(/[&=]/).every((part) => decodesCleanly(part.replace(/\+/g, " ")));
}

/** The procedure names of a tRPC request path (`/api/trpc/a.b,c.d` → ["a.b", "c.d"]). */
export function trpcProcedures(pathname: string): string[] | null {
  const prefix = "/api/trpc/";
  if (!pathname.startsWith(prefix)) return null;
  let rest = pathname.slice(prefix.length);
  try {
    rest = decodeURIComponent(rest);
  } catch {
    return null;
  }
  return rest.split(",").filter((name) => name !== "");
}

/** Why a tRPC batch is refused, or null. */
export function batchProblem(pathname: string): string | null {
  const procedures = trpcProcedures(pathname);
  if (!procedures) return null;
  if (procedures.length > MAX_BATCH_CALLS) {
    return `a request may hold at most ${MAX_BATCH_CALLS} calls; this one holds ${procedures.length}`;
  }
  const heavy = procedures.filter((name) => HEAVY_PROCEDURES.has(name));
  if (heavy.length > 1) {
    return `a request may hold at most one of ${[...HEAVY_PROCEDURES].join(", ")}; send them one at a time`;
  }
  return null;
}

/** The largest body this path accepts: only backup.restore alone may send a large one. */
export function bodyLimitFor(pathname: string): number {
  return pathname === "/api/trpc/backup.restore" ? MAX_RESTORE_BODY_BYTES : MAX_BODY_BYTES;
}

/** Why a request's body is refused (with the HTTP status), or null. */
export function bodyProblem(
  method: string,
  pathname: string,
  headers: { get(name: string): string | null },
): { status: 411 | 413; message: string } | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const length = headers.get("content-length");
  if (length === null) {
    if (headers.get("transfer-encoding") === null) return null; // no body at all
    return { status: 411, message: "send the request body with a Content-Length" };
  }
  const bytes = Number(length);
  const limit = bodyLimitFor(pathname);
  if (!Number.isFinite(bytes) || bytes > limit) {
    return {
      status: 413,
      message: `the request body is too large (at most ${Math.floor(limit / 1024 / 1024)} MB)`,
    };
  }
  return null;
}

export type Refusal = { status: number; code: string; message: string };

/**
 * Every check, in order, for one request: the host, the percent-encoding of the target
 * as sent, the origin of a state-changing request, the body, the batch. Null when the
 * request may go on. proxy.ts runs it before every route; the tRPC route runs it again
 * (backup.restore skips the proxy so its large body is not buffered twice).
 */
export function requestProblem(
  request: {
    method: string;
    /** Path and query as the client sent them. */
    target: string;
    pathname: string;
    headers: { get(name: string): string | null };
  },
  allowed: string[],
): Refusal | null {
  if (!isAllowedHost(request.headers.get("host"), allowed)) {
    return {
      status: 421,
      code: "MISDIRECTED_REQUEST",
      message: "This server does not answer to that host name. Add it to ALLOWED_HOSTS to use it.",
    };
  }
  if (!isWellFormedTarget(request.target)) {
    return {
      status: 400,
      code: "BAD_REQUEST",
      message: "The address has a broken percent-encoding (a stray %).",
    };
  }
  const origin = originProblem(request.method, request.headers, allowed);
  if (origin) return { status: 403, code: "FORBIDDEN", message: `Refused: ${origin}.` };
  const body = bodyProblem(request.method, request.pathname, request.headers);
  if (body) {
    return {
      status: body.status,
      code: body.status === 413 ? "PAYLOAD_TOO_LARGE" : "LENGTH_REQUIRED",
      message: `Refused: ${body.message}.`,
    };
  }
  const batch = batchProblem(request.pathname);
  if (batch) return { status: 400, code: "BAD_REQUEST", message: `Refused: ${batch}.` };
  return null;
}

/** The path and query of an absolute URL string, exactly as written. */
export function targetOf(url: string): string {
  const scheme = url.indexOf("//");
  const start = url.indexOf("/", scheme >= 0 ? scheme + 2 : 0);
  return start >= 0 ? url.slice(start) : "/";
}

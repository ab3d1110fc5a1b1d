import { describe, expect, it } from "vitest";
import {
  allowedHosts,
  batchProblem,
  bodyLimitFor,
  bodyProblem,
  isAllowedHost,
  isWellFormedTarget,
  MAX_BODY_BYTES,
  MAX_RESTORE_BODY_BYTES,
  originProblem,
  requestProblem,
  targetOf,
} from "@/server/http/request-guard";
import { contentSecurityPolicy } from "@/server/http/security-headers";
import { nameField, noteField } from "@/server/schemas/common";

const headers = (values: Record<string, string>) => new Headers(values);

describe("host allow-list", () => {
  const defaults = allowedHosts({});

  it("accepts localhost and loopback addresses with any port by default", () => {
    for (const host of [
      "localhost",
      "localhost:3000",
      "LOCALHOST:3000",
      "127.0.0.1",
      "127.0.0.1:41234",
      "127.1.2.3:80",
      "[::1]:3000",
      "[::1]",
    ]) {
      expect(isAllowedHost(host, defaults), host).toBe(true);
    }
  });

  it("refuses every other name, including rebinding-style names and malformed hosts", () => {
    for (const host of [
      "evil.example",
      "evil.example:3000",
      "127.0.0.1.evil.example",
      "localhost.evil.example",
      "192.168.1.10:3000",
      "0.0.0.0:3000",
      "[::2]:3000",
      "",
      "localhost@evil.example",
      "localhost/x",
      "a b",
    ]) {
      expect(isAllowedHost(host, defaults), host).toBe(false);
    }
    expect(isAllowedHost(null, defaults)).toBe(false);
  });

  it("adds ALLOWED_HOSTS names (any port unless one is given) and APP_URL's host", () => {
    const allowed = allowedHosts({
      ALLOWED_HOSTS: " planner.home.arpa , 192.168.1.10:3000,,",
      APP_URL: "https://b12.example.org",
    });
    expect(isAllowedHost("planner.home.arpa", allowed)).toBe(true);
    expect(isAllowedHost("Planner.Home.Arpa:8443", allowed)).toBe(true);
    expect(isAllowedHost("192.168.1.10:3000", allowed)).toBe(true);
    expect(isAllowedHost("192.168.1.10:3001", allowed)).toBe(false);
    expect(isAllowedHost("192.168.1.10", allowed)).toBe(false);
    expect(isAllowedHost("b12.example.org", allowed)).toBe(true);
    expect(isAllowedHost("example.org", allowed)).toBe(false);
    expect(isAllowedHost("x.planner.home.arpa", allowed)).toBe(false);
  });

  it("ignores an APP_URL that is not a URL", () => {
    expect(allowedHosts({ APP_URL: "not a url" })).toEqual(allowedHosts({}));
  });
});

describe("origin check on state-changing requests", () => {
  const allowed = allowedHosts({ ALLOWED_HOSTS: "planner.home.arpa" });

  it("lets safe methods through whatever their origin", () => {
    expect(originProblem("GET", headers({ origin: "https://evil.example" }), allowed)).toBeNull();
    expect(originProblem("HEAD", headers({ "sec-fetch-site": "cross-site" }), allowed)).toBeNull();
  });

  it("accepts a POST from the app's own origins", () => {
    expect(originProblem("POST", headers({ origin: "http://127.0.0.1:3000" }), allowed)).toBeNull();
    expect(
      originProblem("POST", headers({ origin: "https://planner.home.arpa" }), allowed),
    ).toBeNull();
  });

  it("refuses a POST from a foreign, opaque or non-web origin", () => {
    for (const origin of ["https://evil.example", "null", "file://", "chrome-extension://abc"]) {
      expect(originProblem("POST", headers({ origin }), allowed), origin).toMatch(
        /this app's own pages|not a web address/,
      );
    }
  });

  it("without Origin, trusts Sec-Fetch-Site same-origin or none, and refuses cross-site", () => {
    expect(originProblem("POST", headers({ "sec-fetch-site": "same-origin" }), allowed)).toBeNull();
    expect(originProblem("POST", headers({ "sec-fetch-site": "none" }), allowed)).toBeNull();
    expect(
      originProblem("POST", headers({ "sec-fetch-site": "cross-site" }), allowed),
    ).not.toBeNull();
    expect(
      originProblem("POST", headers({ "sec-fetch-site": "same-site" }), allowed),
    ).not.toBeNull();
    // curl and scripts send neither: no foreign page can drive them.
    expect(originProblem("POST", headers({}), allowed)).toBeNull();
  });
});

describe("percent-encoding of the request target", () => {
  it("accepts well-formed paths and queries", () => {
    for (const target of [
      "/",
      "/plans/abc",
      "/foods?q=caf%C3%A9+au+lait",
      "/api/trpc/plans.list?batch=1&input=%7B%7D",
      "/foods/sr28-01001",
      "/learn#sources",
      "/a%2Fb",
    ]) {
      expect(isWellFormedTarget(target), target).toBe(true);
    }
  });

  it("refuses a stray %, a short escape or escapes that are not UTF-8", () => {
    for (const target of [
      "/plans/%",
      "/foods/%",
      "/api/plans/%/shopping-list.csv",
      "/api/trpc/%",
      "/plans/%zz",
      "/plans/%4",
      "/plans/%C0%AF",
      "/plans/%ED%A0%80",
      "/foods?q=%",
      "/foods?q=%E0%A4%A",
      "/foods?%=1",
      "/api/trpc/plans.get?input=%FF",
    ]) {
      expect(isWellFormedTarget(target), target).toBe(false);
    }
  });
});

describe("tRPC batches", () => {
  it("accepts up to 20 calls with at most one heavy procedure", () => {
    expect(batchProblem("/api/trpc/plans.list")).toBeNull();
    expect(batchProblem(`/api/trpc/${Array(20).fill("plans.list").join(",")}`)).toBeNull();
    expect(batchProblem("/api/trpc/plans.duplicate,plans.list")).toBeNull();
    expect(batchProblem("/plans/a,b")).toBeNull();
  });

  it("refuses 21 calls, and two heavy calls in one request", () => {
    expect(batchProblem(`/api/trpc/${Array(21).fill("plans.list").join(",")}`)).toMatch(
      /at most 20 calls; this one holds 21/,
    );
    expect(batchProblem("/api/trpc/plans.duplicate,plans.duplicate")).toMatch(/one at a time/);
    expect(batchProblem("/api/trpc/plans.duplicate%2Cbackup.restore")).toMatch(/one at a time/);
  });
});

describe("request bodies", () => {
  it("allows 4 MB to every procedure and the larger restore limit only to backup.restore", () => {
    expect(MAX_BODY_BYTES).toBe(4_194_304);
    expect(bodyLimitFor("/api/trpc/plans.import")).toBe(MAX_BODY_BYTES);
    expect(bodyLimitFor("/api/trpc/backup.restore")).toBe(MAX_RESTORE_BODY_BYTES);
    expect(bodyLimitFor("/api/trpc/plans.list,backup.restore")).toBe(MAX_BODY_BYTES);
    // Just above the largest backup (42.1 MB at every cap, tests/limits/caps.test.ts).
    expect(MAX_RESTORE_BODY_BYTES).toBe(50_331_648);
    const restore = "/api/trpc/backup.restore";
    expect(bodyProblem("POST", restore, headers({ "content-length": "50331648" }))).toBeNull();
    expect(bodyProblem("POST", restore, headers({ "content-length": "50331649" }))).toEqual({
      status: 413,
      message: "the request body is too large (at most 48 MB)",
    });
  });

  it("refuses a Content-Length over the limit with 413 and a chunked body with 411", () => {
    const path = "/api/trpc/plans.create";
    expect(bodyProblem("POST", path, headers({ "content-length": "4194304" }))).toBeNull();
    expect(bodyProblem("POST", path, headers({ "content-length": "4194305" }))).toEqual({
      status: 413,
      message: "the request body is too large (at most 4 MB)",
    });
    expect(bodyProblem("POST", path, headers({ "transfer-encoding": "chunked" }))?.status).toBe(
      411,
    );
    expect(bodyProblem("POST", path, headers({}))).toBeNull();
    expect(bodyProblem("GET", path, headers({ "content-length": "999999999" }))).toBeNull();
  });
});

describe("all checks in order", () => {
  const allowed = allowedHosts({});
  const check = (method: string, target: string, values: Record<string, string>) =>
    requestProblem(
      { method, target, pathname: target.split("?")[0] ?? "/", headers: headers(values) },
      allowed,
    );

  it("refuses the host first, then the encoding, the origin, the body and the batch", () => {
    const evil = { host: "evil.example", origin: "https://evil.example" };
    expect(check("POST", "/plans/%", evil)?.status).toBe(421);
    expect(
      check("POST", "/plans/%", { host: "localhost", origin: "https://evil.example" })?.status,
    ).toBe(400);
    expect(
      check("POST", "/api/trpc/backup.restore", {
        host: "localhost",
        origin: "https://evil.example",
        "content-length": "999999999",
      })?.status,
    ).toBe(403);
    expect(
      check("POST", "/api/trpc/backup.restore", {
        host: "localhost",
        "content-length": "999999999",
      }),
    ).toEqual({
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
      message: "Refused: the request body is too large (at most 48 MB).",
    });
    expect(
      check("GET", `/api/trpc/${Array(21).fill("a.b").join(",")}`, { host: "localhost" })?.status,
    ).toBe(400);
    expect(check("GET", "/api/trpc/plans.list", { host: "127.0.0.1:3000" })).toBeNull();
  });

  it("takes the path and query of a URL as written", () => {
    expect(targetOf("http://127.0.0.1:3000/plans/%?q=%zz")).toBe("/plans/%?q=%zz");
    expect(targetOf("http://localhost")).toBe("/");
    expect(targetOf("/already/a/path?x")).toBe("/already/a/path?x");
  });
});

describe("content security policy", () => {
  it("allows scripts only by nonce, never eval in production, and no framing", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("manifest-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(contentSecurityPolicy("abc123", true)).toContain("'unsafe-eval'");
  });
});

describe("name and note fields", () => {
  const name = nameField("name", 10);
  const note = noteField("note", 10);

  it("removes control characters, then requires something left", () => {
    expect(name.parse("  Week\u0000 A\t")).toBe("Week A");
    expect(name.parse("a\nb")).toBe("a b");
    for (const value of ["\u0000", "\u0000\u0000\u0000", " \u0007\u001b ", "\u0085", ""]) {
      const result = name.safeParse(value);
      expect(result.success, JSON.stringify(value)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("name must not be empty");
    }
  });

  it("refuses lone surrogates with a message and keeps paired ones", () => {
    expect(name.parse("Soup 🥣")).toBe("Soup 🥣");
    for (const value of ["a\uD800", "\uDC00b", "\uDBFF\uDBFF"]) {
      const result = name.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/name contains a broken character/);
    }
    expect(note.safeParse("x\uD83D").success).toBe(false);
  });

  it("counts the length after cleaning", () => {
    expect(name.parse(`${"a".repeat(10)}\u0000`)).toBe("a".repeat(10));
    expect(name.safeParse("a".repeat(11)).error?.issues[0]?.message).toBe(
      "name is too long (at most 10 characters)",
    );
  });

  it("keeps line breaks in notes and may be empty", () => {
    expect(note.parse("a\nb\u0000")).toBe("a\nb");
    expect(note.parse("")).toBe("");
  });
});

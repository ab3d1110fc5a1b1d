import { afterEach, describe, expect, it } from "vitest";
import { sessionCookiesOf } from "@/server/auth/session";
import {
  cachedAccount,
  forgetCachedSessions,
  rememberAccount,
  SESSION_CACHE_MS,
} from "@/server/auth/session-cache";

afterEach(() => forgetCachedSessions());

describe("the verified-session memory", () => {
  it("keeps a cookie for SESSION_CACHE_MS (10 s), then asks again", () => {
    const now = 1_000_000;
    rememberAccount("better-auth.session_token=a.sig", "acct-1", now + 86_400_000, now);
    expect(cachedAccount("better-auth.session_token=a.sig", now + 9_999)).toBe("acct-1");
    expect(SESSION_CACHE_MS).toBe(10_000);
    expect(cachedAccount("better-auth.session_token=a.sig", now + 10_000)).toBeNull();
  });

  it("never past the session's own expiry, and not at all for an expired one", () => {
    const now = 5_000;
    rememberAccount("k1", "acct-1", now + 3_000, now);
    expect(cachedAccount("k1", now + 2_999)).toBe("acct-1");
    expect(cachedAccount("k1", now + 3_000)).toBeNull();
    rememberAccount("k2", "acct-2", now - 1, now);
    expect(cachedAccount("k2", now)).toBeNull();
  });

  it("matches only the exact cookie value, and forgets everything on request", () => {
    rememberAccount("better-auth.session_token=a.sig", "acct-1", Date.now() + 60_000);
    expect(cachedAccount("better-auth.session_token=a.sig2")).toBeNull();
    expect(cachedAccount("better-auth.session_token=a.sig")).toBe("acct-1");
    forgetCachedSessions();
    expect(cachedAccount("better-auth.session_token=a.sig")).toBeNull();
  });

  it("holds at most 2,000 cookies, dropping the oldest first", () => {
    const until = Date.now() + 60_000;
    for (let i = 0; i < 2_001; i += 1) rememberAccount(`k${i}`, `acct-${i}`, until);
    expect(cachedAccount("k0")).toBeNull();
    expect(cachedAccount("k1")).toBe("acct-1");
    expect(cachedAccount("k2000")).toBe("acct-2000");
  });
});

describe("sessionCookiesOf", () => {
  it("keeps only the session cookies, as sent", () => {
    expect(sessionCookiesOf("theme=dark; better-auth.session_token=abc.def; x=1")).toBe(
      "better-auth.session_token=abc.def",
    );
    expect(
      sessionCookiesOf("__Secure-better-auth.session_token=s.t; better-auth.session_token=abc.def"),
    ).toBe("__Secure-better-auth.session_token=s.t; better-auth.session_token=abc.def");
    expect(sessionCookiesOf("my-better-auth.session_token=zzz; other=1")).toBe("");
    expect(sessionCookiesOf("")).toBe("");
  });
});

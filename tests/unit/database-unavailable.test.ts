/**
 * Which errors mean "the database is not reachable" (503) rather than a bug (500):
 * server/errors.ts isDatabaseUnavailable, on the shapes node-postgres and Drizzle give.
 */
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/server/errors";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
/** Drizzle's DrizzleQueryError: "Failed query: …" with the driver's error as `cause`. */
const drizzle = (cause: unknown) => new Error("Failed query: select 1\nparams: ", { cause });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["refused", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["reset", withCode("read ECONNRESET", "ECONNRESET")],
    ["admin shutdown", withCode("terminating connection due to administrator command", "57P01")],
    ["crash shutdown", withCode("terminating connection because of crash", "57P02")],
    ["starting up", withCode("the database system is starting up", "57P03")],
    ["too many connections", withCode("sorry, too many clients already", "53300")],
    ["connection failure (class 08)", withCode("connection failure", "08006")],
    ["terminated", new Error("Connection terminated unexpectedly")],
    ["pool timeout", new Error("timeout exceeded when trying to connect")],
    ["not queryable", new Error("Client has encountered a connection error and is not queryable")],
    ["inside Drizzle's error", drizzle(withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED"))],
    [
      "in an AggregateError (dual-stack connect)",
      new AggregateError([withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")], "connect"),
    ],
  ])("%s → yes", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["unique violation", drizzle(withCode("duplicate key value", "23505"))],
    ["syntax error", drizzle(withCode("syntax error at or near", "42601"))],
    ["serialization failure", withCode("could not serialize access", "40001")],
    ["SQLite busy", withCode("database is locked", "SQLITE_BUSY")],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["not an error", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("%s → no", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("stops on a cause cycle", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

/**
 * The API has two HTTP entry points: the App Router route handler (`next dev`, fetch
 * adapter) and the production server's Node listener (scripts/serve.ts, Node adapter).
 * Both are driven here over the same real, seeded SQLite file (through `getDatabase()`,
 * as in production) with the same requests, and must answer alike: status, content
 * type and body (stack traces, which only exist outside production, aside).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { isTrpcPath } from "@/server/trpc/node-listener";
import { createTestDatabase, type TestDatabase } from "../factories/database";

type Answer = { status: number; contentType: string | null; body: unknown };
type Call = {
  method: "GET" | "POST";
  path: string;
  body?: string;
  headers?: Record<string, string>;
};

let testDb: TestDatabase;
let server: http.Server;
let baseUrl: string;
let routeHandlers: { GET: (request: Request) => Promise<Response>; POST: typeof routeHandlers.GET };

beforeAll(async () => {
  testDb = createTestDatabase();
  process.env.DATABASE_PATH = testDb.filePath;
  const { createTrpcListener } = await import("@/server/trpc/node-listener");
  routeHandlers = await import("@/app/api/trpc/[trpc]/route");
  const listener = createTrpcListener();
  server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  closeDatabase();
  delete process.env.DATABASE_PATH;
  testDb.close();
});

function withoutStacks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStacks);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "stack")
        .map(([key, inner]) => [key, withoutStacks(inner)]),
    );
  }
  return value;
}

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    body: withoutStacks(JSON.parse(text)),
  };
}

async function viaNode(call: Call): Promise<Answer> {
  return read(
    await fetch(`${baseUrl}${call.path}`, {
      method: call.method,
      body: call.body,
      headers: { "content-type": "application/json", ...call.headers },
    }),
  );
}

async function viaRoute(call: Call): Promise<Answer> {
  const request = new Request(`http://localhost${call.path}`, {
    method: call.method,
    body: call.body,
    headers: { "content-type": "application/json", ...call.headers },
  });
  return read(await routeHandlers[call.method](request));
}

const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));

describe("both HTTP entry points answer alike", () => {
  const calls: Array<[string, Call]> = [
    [
      "a search",
      { method: "GET", path: `/api/trpc/foods.search?input=${input({ query: "cheese" })}` },
    ],
    [
      "invalid input",
      { method: "GET", path: `/api/trpc/foods.search?input=${input({ query: "" })}` },
    ],
    [
      "an unknown id",
      { method: "GET", path: `/api/trpc/foods.get?input=${input({ id: "nope" })}` },
    ],
    ["an unknown procedure", { method: "GET", path: "/api/trpc/foods.nothing" }],
    ["a query sent as POST", { method: "POST", path: "/api/trpc/foods.groups", body: "{}" }],
    [
      "a mutation sent as GET",
      { method: "GET", path: `/api/trpc/plans.create?input=${input({ name: "x" })}` },
    ],
    ["malformed JSON input", { method: "GET", path: "/api/trpc/foods.search?input=%7Bnope" }],
    ["a malformed JSON body", { method: "POST", path: "/api/trpc/plans.create", body: "{nope" }],
    [
      "a batch",
      {
        method: "GET",
        path: `/api/trpc/foods.search,foods.groups?batch=1&input=${input({ 0: { query: "egg" } })}`,
      },
    ],
    [
      "a mutation with invalid input",
      { method: "POST", path: "/api/trpc/plans.create", body: "{}" },
    ],
  ];

  for (const [name, call] of calls) {
    it(name, async () => {
      const [node, route] = [await viaNode(call), await viaRoute(call)];
      expect(node).toEqual(route);
      expect(node.status).toBeLessThan(500);
      expect(node.contentType).toMatch(/^application\/json/);
    });
  }

  it("a write through one entry point is read back through the other", async () => {
    const created = await viaNode({
      method: "POST",
      path: "/api/trpc/plans.create",
      body: JSON.stringify({ name: "Entry points", dayCount: 3 }),
    });
    expect(created.status).toBe(200);
    const id = (created.body as { result: { data: { id: string } } }).result.data.id;
    const read = (path: string) => ({ method: "GET" as const, path });
    const url = `/api/trpc/plans.get?input=${input({ planId: id })}`;
    const [node, route] = [await viaNode(read(url)), await viaRoute(read(url))];
    expect(route.status).toBe(200);
    expect(node).toEqual(route);
    expect((route.body as { result: { data: { name: string } } }).result.data.name).toBe(
      "Entry points",
    );
  });
});

describe("the Node listener", () => {
  it("gzips large answers for clients that ask, and nothing is lost", async () => {
    const path = `/api/trpc/foods.search?input=${input({ query: "cheese", limit: 100 })}`;
    const response = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http
        .get(`${baseUrl}${path}`, { headers: { "accept-encoding": "gzip" } }, resolve)
        .on("error", reject),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    expect(response.headers["content-encoding"]).toBe("gzip");
    const zipped = Buffer.concat(chunks);
    const plain = gunzipSync(zipped).toString("utf8");
    expect(JSON.parse(plain)).toEqual((await viaNode({ method: "GET", path })).body);
    expect(zipped.length).toBeLessThan(plain.length / 4);
  });

  it("takes exactly the paths the route handler answers", () => {
    expect(isTrpcPath("/api/trpc/foods.search")).toBe(true);
    expect(isTrpcPath("/api/trpc/foods.search?input=%7B%7D")).toBe(true);
    expect(isTrpcPath("/api/trpc/foods.search,foods.groups?batch=1")).toBe(true);
    expect(isTrpcPath("/api/trpc/")).toBe(false);
    expect(isTrpcPath("/api/trpc")).toBe(false);
    expect(isTrpcPath("/api/trpc/foods/search")).toBe(false);
    expect(isTrpcPath("/api/trpcx/foods.search")).toBe(false);
    expect(isTrpcPath("/api/plans/1/shopping-list.csv")).toBe(false);
    expect(isTrpcPath("/plans")).toBe(false);
    expect(isTrpcPath(undefined)).toBe(false);
  });
});

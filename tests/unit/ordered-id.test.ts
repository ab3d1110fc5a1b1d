import { describe, expect, it } from "vitest";
import { orderedId } from "@/server/services/ordered-id";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("orderedId", () => {
  it("makes version-7 UUIDs, each greater than the one before, none twice", () => {
    const ids = Array.from({ length: 20_000 }, () => orderedId());
    for (const id of ids) expect(id).toMatch(UUID_V7);
    for (let index = 1; index < ids.length; index++) {
      expect((ids[index] ?? "") > (ids[index - 1] ?? "")).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("starts with the current time in milliseconds", () => {
    const before = Date.now();
    const id = orderedId();
    const millis = Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    // The counter may borrow a few milliseconds after a burst of ids.
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThan(before + 1000);
  });
});

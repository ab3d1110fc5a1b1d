/** The offline tick queue: one entry per item and field, latest wins, applied over the server's state. */
import { describe, expect, it } from "vitest";
import { applyQueue, enqueue } from "@/app/plans/[planId]/shopping/offline-queue";

describe("offline tick queue", () => {
  it("keeps only the latest change of an item's field, in order of change", () => {
    let queue = enqueue([], { itemKey: "a", field: "checked", value: true });
    queue = enqueue(queue, { itemKey: "b", field: "checked", value: true });
    queue = enqueue(queue, { itemKey: "a", field: "checked", value: false });
    queue = enqueue(queue, { itemKey: "a", field: "inPantry", value: true });
    expect(queue).toEqual([
      { itemKey: "b", field: "checked", value: true },
      { itemKey: "a", field: "checked", value: false },
      { itemKey: "a", field: "inPantry", value: true },
    ]);
  });

  it("shows queued ticks on top of what the server said, leaving other lines alone", () => {
    const lines = [
      { itemKey: "a", checked: true, inPantry: false },
      { itemKey: "b", checked: false, inPantry: false },
    ];
    expect(
      applyQueue(lines, [
        { itemKey: "a", field: "checked", value: false },
        { itemKey: "b", field: "inPantry", value: true },
      ]),
    ).toEqual([
      { itemKey: "a", checked: false, inPantry: false },
      { itemKey: "b", checked: false, inPantry: true },
    ]);
    expect(applyQueue(lines, [])).toEqual(lines);
  });
});

/**
 * Ticks and "already have" marks made without a connection: kept in localStorage per
 * plan and replayed when the browser fires `online` (or on the next visit). One entry
 * per item and field, the latest change wins, so replaying is idempotent.
 */
export type QueuedMark = { itemKey: string; field: "checked" | "inPantry"; value: boolean };

const storageKey = (planId: string) => `b12-planner:shopping-queue:${planId}`;

function isQueuedMark(value: unknown): value is QueuedMark {
  if (typeof value !== "object" || value === null) return false;
  const mark = value as Record<string, unknown>;
  return (
    typeof mark.itemKey === "string" &&
    (mark.field === "checked" || mark.field === "inPantry") &&
    typeof mark.value === "boolean"
  );
}

export function loadQueue(planId: string): QueuedMark[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey(planId)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isQueuedMark) : [];
  } catch {
    return [];
  }
}

export function saveQueue(planId: string, queue: readonly QueuedMark[]): void {
  try {
    if (queue.length === 0) window.localStorage.removeItem(storageKey(planId));
    else window.localStorage.setItem(storageKey(planId), JSON.stringify(queue));
  } catch {
    // Storage full or disabled: the mark stays on screen and is retried while the page is open.
  }
}

/** The queue with `mark` added; an earlier change of the same item and field is replaced. */
export function enqueue(queue: readonly QueuedMark[], mark: QueuedMark): QueuedMark[] {
  return [
    ...queue.filter((item) => item.itemKey !== mark.itemKey || item.field !== mark.field),
    mark,
  ];
}

/** Lines (or extras) with the queued marks applied on top of what the server said. */
export function applyQueue<T extends { itemKey: string; checked: boolean; inPantry?: boolean }>(
  items: readonly T[],
  queue: readonly QueuedMark[],
): T[] {
  if (queue.length === 0) return [...items];
  return items.map((item) => {
    let next = item;
    for (const mark of queue) {
      if (mark.itemKey === item.itemKey) next = { ...next, [mark.field]: mark.value };
    }
    return next;
  });
}

/**
 * How the one B12 status (computed on the server, server/domain/b12-status.ts) is shown:
 * the same words and marks on every screen, so they can never disagree. Display only.
 */
export type B12Status = "meets" | "short" | "no-target";

/** Short form for tabs, tables and glance lists. */
export const STATUS_SHORT: Record<B12Status, string> = {
  meets: "✓ enough",
  short: "▼ short",
  "no-target": "no target",
};

/** The headline of a verdict. */
export function statusHeadline(status: B12Status, subject: string, complete: boolean): string {
  if (status === "no-target") return `No target to judge ${subject} against`;
  if (status === "meets") return `✓ ${subject} gives enough B12`;
  return complete
    ? `▼ ${subject} is short of B12`
    : `▼ ${subject} looks short of B12 (some foods have no B12 data)`;
}

/** CSS class modifier: "short" paints the calm warning colour. */
export function statusClass(status: B12Status): string {
  return status === "short" ? " short" : status === "meets" ? " meets" : "";
}

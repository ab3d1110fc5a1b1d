/**
 * Shopping list exports: CSV (a spreadsheet row per line) and Markdown (also the plain
 * text that "copy" and "share" hand over). Both render the same lines the page shows,
 * from `buildShoppingList`; nothing is recomputed here. Pure.
 */
import { type CsvCell, writeCsv } from "./csv";
import { AISLE_LABELS, describeUsedOn, type ShoppingLine } from "./shopping";

export type MarkedLine = ShoppingLine & { checked: boolean; inPantry: boolean };

export type ShoppingDocument = {
  planName: string;
  preferences: {
    fromDay: number;
    toDay: number;
    /** The people override (null: the plan's eaters plus guests, said by `household`). */
    servings: number | null;
    unitSystem: string;
    /** "for Ana, Ben and Cleo (½) + 1 guest" (shopping.list's preferences.household). */
    household?: string;
  };
  /** In aisle order (as `buildShoppingList` returns them). */
  lines: readonly MarkedLine[];
  extras: readonly { text: string; checked: boolean }[];
};

export const CSV_HEADER = [
  "Aisle",
  "Item",
  "To buy",
  "Exact grams",
  "Used on",
  "Status",
  "Note",
  "Full name",
] as const;

export const EXTRAS_LABEL = "Extras";
export const PANTRY_LABEL = "Already have";

function status(line: { checked: boolean; inPantry?: boolean }): string {
  if (line.inPantry) return "already have";
  return line.checked ? "ticked" : "to buy";
}

/** Exact grams as a number a spreadsheet can sum: full grams, at most 2 decimals. */
export function exactGramsCell(grams: number | null): number | null {
  return grams === null ? null : Number(grams.toFixed(2));
}

/** Lines to buy first (aisle order), then the "already have" ones, then extras. */
function orderedLines(document: ShoppingDocument): MarkedLine[] {
  return [
    ...document.lines.filter((line) => !line.inPantry),
    ...document.lines.filter((line) => line.inPantry),
  ];
}

export function describeRange(preferences: ShoppingDocument["preferences"]): string {
  const days =
    preferences.fromDay === preferences.toDay
      ? `Day ${preferences.fromDay}`
      : `Days ${preferences.fromDay}-${preferences.toDay}`;
  const people =
    preferences.household ??
    `${preferences.servings ?? 1} ${preferences.servings === 1 || preferences.servings === null ? "person" : "people"}`;
  return `${days} · ${people} · ${preferences.unitSystem}`;
}

/** The CSV file: a header row, one row per line and per extra (UTF-8 BOM, CRLF). */
export function renderShoppingCsv(document: ShoppingDocument): string {
  const rows: CsvCell[][] = [[...CSV_HEADER]];
  for (const line of orderedLines(document)) {
    rows.push([
      AISLE_LABELS[line.aisle],
      line.shoppingName,
      line.displayQuantity,
      exactGramsCell(line.grams),
      describeUsedOn(line.usedOn),
      status(line),
      lineNote(line),
      line.name,
    ]);
  }
  for (const extra of document.extras) {
    rows.push([EXTRAS_LABEL, extra.text, "", null, "", status(extra), "", ""]);
  }
  return writeCsv(rows, { withBom: true });
}

/** Backslash-escapes the characters Markdown would read as formatting or links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, "\\$&").replace(/\r?\n|\r/g, " ");
}

/** "For cooked lentils, boiled potatoes." plus the supplement note, if any. */
export function lineNote(line: MarkedLine): string {
  const made =
    line.preparedFrom.length > 0
      ? `For ${line.preparedFrom.map((food) => food.shoppingName).join(", ")}.`
      : "";
  return [made, line.note ?? ""].filter(Boolean).join(" ");
}

function markdownLine(line: MarkedLine, box: boolean): string {
  const byWeight = /^[\d.,]+ (g|kg|oz|lb)$/.test(line.displayQuantity);
  const exact = line.kind === "food" && !byWeight ? ` (exactly ${line.exactQuantity})` : "";
  const note = lineNote(line);
  const prefix = box ? `- [${line.checked ? "x" : " "}] ` : "- ";
  return `${prefix}**${escapeMarkdown(line.text)}**${escapeMarkdown(exact)}${note ? ` ${escapeMarkdown(note)}` : ""}`;
}

/** A Markdown task list by aisle; readable as plain text too. */
export function renderShoppingMarkdown(document: ShoppingDocument): string {
  const out: string[] = [
    `# Shopping list: ${escapeMarkdown(document.planName)}`,
    "",
    escapeMarkdown(describeRange(document.preferences)),
  ];
  const toBuy = document.lines.filter((line) => !line.inPantry);
  let aisle: string | null = null;
  for (const line of toBuy) {
    if (line.aisle !== aisle) {
      aisle = line.aisle;
      out.push("", `## ${AISLE_LABELS[line.aisle]}`, "");
    }
    out.push(markdownLine(line, true));
  }
  if (document.extras.length > 0) {
    out.push("", `## ${EXTRAS_LABEL}`, "");
    for (const extra of document.extras) {
      out.push(`- [${extra.checked ? "x" : " "}] ${escapeMarkdown(extra.text)}`);
    }
  }
  const pantry = document.lines.filter((line) => line.inPantry);
  if (pantry.length > 0) {
    out.push("", `## ${PANTRY_LABEL}`, "");
    for (const line of pantry) out.push(markdownLine(line, false));
  }
  if (toBuy.length === 0 && pantry.length === 0 && document.extras.length === 0) {
    out.push("", "Nothing to buy: the plan has no foods in these days.");
  }
  return `${out.join("\n")}\n`;
}

/** CSV (RFC 4180, formula-safe, UTF-8) and Markdown exports of a shopping list. */
import { describe, expect, it } from "vitest";
import { csvTextCell, writeCsv } from "@/server/domain/csv";
import {
  buildShoppingList,
  describeUsedOn,
  type ShoppingEntryInput,
} from "@/server/domain/shopping";
import {
  CSV_HEADER,
  escapeMarkdown,
  renderShoppingCsv,
  renderShoppingMarkdown,
  type ShoppingDocument,
} from "@/server/domain/shopping-export";
import { parseCsv } from "../csv";

const NASTY_NAMES = [
  '=HYPERLINK("http://x","y")',
  "+1 trick",
  "-2 trick",
  "@SUM(A1:A2)",
  "\tTabbed",
  'Crème fraîche, "extra" thick, with µ and ü',
  "Line one\nline two, with comma",
  "Plain tofu",
];

function documentFor(names: string[]): ShoppingDocument {
  const entries: ShoppingEntryInput[] = names.map((name, index) => ({
    day: (index % 7) + 1,
    meal: "dinner",
    foodId: `custom-${index}`,
    foodName: name,
    groupCode: null,
    grams: 100 + index * 12.345,
    portion: null,
  }));
  const list = buildShoppingList({
    dayCount: 7,
    startDate: null,
    fromDay: 1,
    toDay: 7,
    servings: 3,
    unitSystem: "metric",
    entries,
  });
  return {
    planName: "Café week",
    preferences: { fromDay: 1, toDay: 7, servings: 3, unitSystem: "metric" },
    lines: list.lines.map((line, index) => ({
      ...line,
      checked: index === 0,
      inPantry: index === 1,
    })),
    extras: [{ text: "=cmd|' /C calc'!A0", checked: false }],
  };
}

describe("writeCsv", () => {
  it("quotes every text field, doubles quotes and ends records with CRLF", () => {
    expect(
      writeCsv([
        ["a", 'say "hi"', 1.5, null],
        ["x,y", "two\nlines", 0, "z"],
      ]),
    ).toBe('"a","say ""hi""",1.5,\r\n"x,y","two\nlines",0,"z"\r\n');
  });

  it("guards formulas: = + - @ tab and CR get a leading single quote", () => {
    expect(csvTextCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvTextCell("+1")).toBe(`"'+1"`);
    expect(csvTextCell("-1")).toBe(`"'-1"`);
    expect(csvTextCell("@A1")).toBe(`"'@A1"`);
    expect(csvTextCell("\t1")).toBe(`"'\t1"`);
    expect(csvTextCell("\r1")).toBe(`"'\r1"`);
    expect(csvTextCell("a=1")).toBe(`"a=1"`);
  });

  it("starts with a UTF-8 byte order mark only when asked", () => {
    expect(writeCsv([["µ"]], { withBom: true }).charCodeAt(0)).toBe(0xfeff);
    expect(writeCsv([["µ"]]).charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe("renderShoppingCsv", () => {
  it("parses back to the list: one row per line, names, quantities and grams intact", () => {
    const document = documentFor(NASTY_NAMES);
    const csv = renderShoppingCsv(document);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    const body = rows.slice(1);
    expect(body).toHaveLength(document.lines.length + document.extras.length);
    const ordered = [
      ...document.lines.filter((line) => !line.inPantry),
      ...document.lines.filter((line) => line.inPantry),
    ];
    ordered.forEach((line, index) => {
      const row = body[index] ?? [];
      const name = row[1] ?? "";
      // A guarded name reads back with its leading quote, and nothing else changed.
      expect(name.replace(/^'(?=[=+\-@\t\r])/, "")).toBe(line.name);
      expect(row[2]).toBe(line.displayQuantity);
      expect(Number(row[3])).toBeCloseTo(line.grams ?? 0, 2);
      expect(row[4]).toBe(describeUsedOn(line.usedOn));
    });
    expect(body.map((row) => row[5])).toContain("ticked");
    expect(body.map((row) => row[5])).toContain("already have");
    expect(body.at(-1)?.[0]).toBe("Extras");
  });

  it("never writes a cell a spreadsheet would run as a formula", () => {
    const rows = parseCsv(renderShoppingCsv(documentFor(NASTY_NAMES)).slice(1));
    for (const row of rows) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it("keeps é, ü and µ intact", () => {
    const csv = renderShoppingCsv(documentFor(["Crème brûlée with µ and ü"]));
    expect(csv).toContain("Crème brûlée with µ and ü");
    expect(Buffer.from(csv, "utf8").toString("utf8")).toContain("µ");
  });
});

describe("renderShoppingMarkdown", () => {
  it("writes a task list by aisle with ticks, extras and the already-have section", () => {
    const markdown = renderShoppingMarkdown(documentFor(["Plain tofu", "Crème fraîche", "Oats"]));
    expect(markdown).toContain("# Shopping list: Café week");
    expect(markdown).toContain("Days 1\\-7 · 3 people · metric");
    expect(markdown).toContain("## Other");
    expect(markdown).toMatch(/- \[x\] \*\*/);
    expect(markdown).toContain("## Already have");
    expect(markdown).toContain("## Extras");
    expect(markdown).toContain("Crème fraîche");
  });

  it("escapes Markdown in names so a food cannot become a link or a heading", () => {
    expect(escapeMarkdown("[click](http://x) *bold* # h")).toBe(
      "\\[click\\]\\(http://x\\) \\*bold\\* \\# h",
    );
    expect(escapeMarkdown("two\nlines")).toBe("two lines");
  });
});

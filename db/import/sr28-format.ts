/**
 * Reader for the official USDA SR28 ASCII files (see db/data/usda-sr28/README.md).
 *
 * One record a line (CRLF), fields separated by `^`, text fields wrapped in `~`, an
 * empty numeric field meaning "missing". The files are Windows-1252 encoded.
 * Everything here is pure: it takes file contents and returns plain records, so the
 * importer, the classification tests and the benchmarks all read the data one way.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** SR28 nutrient numbers this project keeps (NUTR_DEF.txt). */
export const SR28_NUTRIENTS = {
  protein: "203",
  fat: "204",
  carbohydrate: "205",
  energyKcal: "208",
  fibre: "291",
  b12: "418",
  b12Added: "578",
} as const;

type NutrientKey = keyof typeof SR28_NUTRIENTS;

export type Sr28Nutrients = Record<NutrientKey, number | null>;

export type Sr28Portion = {
  /** Seq within the food (1, 2, ...): stable, so portion ids survive a re-import. */
  seq: number;
  amount: number;
  unit: string;
  /** Grams for `amount` × `unit`. */
  grams: number;
};

export type Sr28Food = {
  ndbNumber: string;
  groupCode: string;
  name: string;
  shortName: string;
  commonName: string | null;
  manufacturer: string | null;
  scientificName: string | null;
  /** FOOD_DES field 7 "Survey": the food is used in the US national dietary survey (NHANES). */
  survey: boolean;
  nutrients: Sr28Nutrients;
  portions: Sr28Portion[];
};

export type Sr28FoodGroup = { code: string; name: string };

export type Sr28Dataset = { groups: Sr28FoodGroup[]; foods: Sr28Food[] };

/**
 * Windows-1252 differs from Latin-1 only in 0x80-0x9F (curly quotes, dashes, €, ™ ...).
 * Node's TextDecoder treats "windows-1252" as Latin-1 when built without full ICU, so
 * the difference is mapped here (undefined bytes keep their Latin-1 code point).
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\x80-\x9f]/g, (char) =>
    String.fromCharCode(WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char.charCodeAt(0)),
  );
}

/** Splits one SR28 file into records of unwrapped fields. */
export function parseSr28Records(contents: Uint8Array | string): string[][] {
  const text = typeof contents === "string" ? contents : decodeWindows1252(contents);
  const records: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.length === 0) continue;
    records.push(line.split("^").map(unwrapField));
  }
  return records;
}

function unwrapField(field: string): string {
  if (field.length >= 2 && field.startsWith("~") && field.endsWith("~")) {
    return field.slice(1, -1);
  }
  return field;
}

function parseNumber(field: string | undefined, what: string): number | null {
  if (field === undefined || field.trim() === "") return null;
  const value = Number(field);
  if (!Number.isFinite(value)) throw new Error(`SR28: ${what} is not a number: "${field}"`);
  return value;
}

function emptyToNull(field: string | undefined): string | null {
  return field === undefined || field.trim() === "" ? null : field;
}

export type Sr28Files = {
  foodDescriptions: Uint8Array | string;
  foodGroups: Uint8Array | string;
  nutrientData: Uint8Array | string;
  weights: Uint8Array | string;
};

/** Joins the four files into one record per food. */
export function parseSr28Dataset(files: Sr28Files): Sr28Dataset {
  const groups = parseSr28Records(files.foodGroups).map(([code, name]) => ({
    code: code ?? "",
    name: name ?? "",
  }));

  const nutrientKeyByNumber = new Map<string, NutrientKey>(
    Object.entries(SR28_NUTRIENTS).map(([key, number]) => [number, key as NutrientKey]),
  );
  const nutrientsByFood = new Map<string, Sr28Nutrients>();
  for (const [ndb, nutrNo, value] of parseSr28Records(files.nutrientData)) {
    const key = nutrientKeyByNumber.get(nutrNo ?? "");
    if (!ndb || !key) continue;
    let nutrients = nutrientsByFood.get(ndb);
    if (!nutrients) {
      nutrients = emptyNutrients();
      nutrientsByFood.set(ndb, nutrients);
    }
    nutrients[key] = parseNumber(value, `nutrient ${nutrNo} of ${ndb}`);
  }

  const portionsByFood = new Map<string, Sr28Portion[]>();
  for (const [ndb, seq, amount, unit, grams] of parseSr28Records(files.weights)) {
    if (!ndb) continue;
    const portionGrams = parseNumber(grams, `portion weight of ${ndb}`);
    const portionAmount = parseNumber(amount, `portion amount of ${ndb}`);
    // A portion without a weight or amount cannot be converted; SR28 has none, but guard.
    if (portionGrams === null || portionAmount === null || portionGrams <= 0 || portionAmount <= 0)
      continue;
    const list = portionsByFood.get(ndb) ?? [];
    list.push({
      seq: Number(seq),
      amount: portionAmount,
      unit: unit ?? "",
      grams: portionGrams,
    });
    portionsByFood.set(ndb, list);
  }

  const foods = parseSr28Records(files.foodDescriptions).map((fields): Sr28Food => {
    const [
      ndb = "",
      group = "",
      longDesc = "",
      shortDesc = "",
      comName,
      manufac,
      survey,
      ,
      ,
      sciName,
    ] = fields;
    return {
      ndbNumber: ndb,
      groupCode: group,
      name: longDesc,
      shortName: shortDesc,
      commonName: emptyToNull(comName),
      manufacturer: emptyToNull(manufac),
      scientificName: emptyToNull(sciName),
      survey: survey === "Y",
      nutrients: nutrientsByFood.get(ndb) ?? emptyNutrients(),
      portions: (portionsByFood.get(ndb) ?? []).sort((a, b) => a.seq - b.seq),
    };
  });

  return { groups, foods };
}

function emptyNutrients(): Sr28Nutrients {
  return {
    protein: null,
    fat: null,
    carbohydrate: null,
    energyKcal: null,
    fibre: null,
    b12: null,
    b12Added: null,
  };
}

/** The committed copy of the data, inside the repository. */
export const SR28_DIRECTORY = path.join(process.cwd(), "db", "data", "usda-sr28");

/** Reads the four files from a directory (defaults to the committed copy). */
export function readSr28Files(directory: string = SR28_DIRECTORY): Sr28Files {
  const read = (name: string) =>
    readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ directory, name));
  return {
    foodDescriptions: read("FOOD_DES.txt"),
    foodGroups: read("FD_GROUP.txt"),
    nutrientData: read("NUT_DATA.txt"),
    weights: read("WEIGHT.txt"),
  };
}

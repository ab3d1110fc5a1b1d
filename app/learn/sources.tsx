/**
 * The sources the /learn page cites, and the bracketed citation that links to them.
 * References are given as ../shared/reference/b12-facts.md (and docs/methodology.md)
 * give them; studies known only through IOM 1998 say so.
 */
import type { ReactNode } from "react";
import styles from "./learn.module.css";

export const SOURCES = {
  "iom-1998": {
    short: "IOM 1998",
    full: (
      <>
        Institute of Medicine,{" "}
        <cite>
          Dietary Reference Intakes for Thiamin, Riboflavin, Niacin, Vitamin B6, Folate, Vitamin
          B12, Pantothenic Acid, Biotin, and Choline
        </cite>
        , National Academies Press 1998, chapter 9 (Vitamin B12).
      </>
    ),
  },
  "nih-ods": {
    short: "NIH ODS",
    full: (
      <>
        NIH Office of Dietary Supplements,{" "}
        <cite>Vitamin B12 - Fact Sheet for Health Professionals</cite> (Table 1 recommended intakes,
        Table 2 food sources).
      </>
    ),
  },
  "efsa-2015": {
    short: "EFSA 2015",
    full: (
      <>
        EFSA Panel on Dietetic Products, Nutrition and Allergies,{" "}
        <cite>Scientific Opinion on Dietary Reference Values for cobalamin (vitamin B12)</cite>,
        EFSA Journal 2015;13(7):4150.
      </>
    ),
  },
  "uk-coma-1991": {
    short: "UK COMA 1991",
    full: (
      <>
        Department of Health,{" "}
        <cite>Dietary Reference Values for Food Energy and Nutrients for the United Kingdom</cite>,
        Report on Health and Social Subjects 41, 1991.
      </>
    ),
  },
  "who-fao-2004": {
    short: "WHO/FAO 2004",
    full: (
      <>
        WHO and FAO, <cite>Vitamin and mineral requirements in human nutrition</cite>, 2nd edition,
        2004.
      </>
    ),
  },
  "vegan-society": {
    short: "Vegan Society",
    full: (
      <>
        The Vegan Society, <cite>What every vegan should know about vitamin B12</cite>.
      </>
    ),
  },
  "watanabe-2007": {
    short: "Watanabe 2007",
    full: <>A review of vitamin B12 sources and their bioavailability.</>,
  },
  "sharabi-2003": {
    short: "Sharabi et al. 2003",
    full: <>A comparison of sublingual and swallowed vitamin B12 (500 µg a day each).</>,
  },
  "eur-j-nutr-2017": {
    short: "Eur J Nutr 2017",
    full: (
      <>
        A 2017 study in the <cite>European Journal of Nutrition</cite> comparing the absorption of
        cyanocobalamin and hydroxocobalamin at small and large doses.
      </>
    ),
  },
  "eussen-2005": {
    short: "Eussen et al. 2005",
    full: (
      <>
        A dose-finding trial of daily oral cyanocobalamin in older people with mild vitamin B12
        deficiency, <cite>Archives of Internal Medicine</cite>, 2005.
      </>
    ),
  },
  "kuzminski-1998": {
    short: "Kuzminski et al. 1998",
    full: <>Oral compared with injected vitamin B12 in the treatment of deficiency.</>,
  },
  "adams-1971": {
    short: "Adams et al. 1971 via IOM 1998",
    full: (
      <>
        Absorption of single doses of crystalline B12 (1, 5 and 25 µg), as cited in IOM 1998,
        chapter 9.
      </>
    ),
  },
  "heyssel-1966": {
    short: "Heyssel et al. 1966 via IOM 1998",
    full: (
      <>
        Absorption of a second dose 4-6 hours after the first, and of B12 from a liver-paste meal,
        as cited in IOM 1998, chapter 9.
      </>
    ),
  },
  "berlin-1968": {
    short: "Berlin et al. 1968 via IOM 1998",
    full: (
      <>
        Passive absorption of large oral doses, also without intrinsic factor, as cited in IOM 1998,
        chapter 9.
      </>
    ),
  },
  "doscherholmen-1957": {
    short: "Doscherholmen and Hagen 1957 via IOM 1998",
    full: <>Passive absorption of vitamin B12, as cited in IOM 1998, chapter 9.</>,
  },
} as const;

export type SourceId = keyof typeof SOURCES;

/** The id of a source's entry in the list at the foot of the page. */
export function sourceAnchor(id: SourceId): string {
  return `source-${id}`;
}

/** A bracketed citation, "[IOM 1998; NIH ODS]", each name linking to its full reference. */
export function Cite({ ids }: { ids: SourceId[] }): ReactNode {
  return (
    <span className={styles.cite}>
      [
      {ids.map((id, index) => (
        <span key={id}>
          {index > 0 && "; "}
          <a href={`#${sourceAnchor(id)}`} data-citation={id}>
            {SOURCES[id].short}
          </a>
        </span>
      ))}
      ]
    </span>
  );
}

/** The numbered list of every source, each with the id citations link to. */
export function SourceList(): ReactNode {
  return (
    <ol className={styles.sources} aria-label="Sources">
      {(Object.keys(SOURCES) as SourceId[]).map((id) => (
        <li key={id} id={sourceAnchor(id)}>
          <strong>{SOURCES[id].short}</strong>: {SOURCES[id].full}
        </li>
      ))}
    </ol>
  );
}

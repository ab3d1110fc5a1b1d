/**
 * The sources the /learn page cites, and the bracketed citation that links to them.
 * References are given in full, as docs/methodology.md
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
        <cite>Vitamin B12 - Fact Sheet for Health Professionals</cite>, National Institutes of
        Health, 2022 revision (Table 1 recommended intakes, Table 2 food sources; the app uses that
        edition’s Table 2). ods.od.nih.gov/factsheets/VitaminB12-HealthProfessional.
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
        The Vegan Society, <cite>What every vegan should know about vitamin B12</cite>, The Vegan
        Society (UK), vegansociety.com.
      </>
    ),
  },
  "watanabe-2007": {
    short: "Watanabe 2007",
    full: (
      <>
        Watanabe F. <cite>Vitamin B12 sources and bioavailability</cite>. Experimental Biology and
        Medicine 2007;232(10):1266-1274.
      </>
    ),
  },
  "sharabi-2003": {
    short: "Sharabi et al. 2003",
    full: (
      <>
        Sharabi A, Cohen E, Sulkes J, Garty M.{" "}
        <cite>
          Replacement therapy for vitamin B12 deficiency: comparison between the sublingual and oral
          route
        </cite>
        . British Journal of Clinical Pharmacology 2003;56(6):635-638.
      </>
    ),
  },
  "greibe-2017": {
    short: "Greibe et al. 2017",
    full: (
      <>
        Greibe E, Mahalle N, Bhide V, Heegaard CW, Naik S, Nexo E.{" "}
        <cite>
          Increase in circulating holotranscobalamin after oral administration of cyanocobalamin or
          hydroxocobalamin in healthy adults with low and normal cobalamin status
        </cite>
        . European Journal of Nutrition 2018;57(8):2847-2855 (published online 16 October 2017).
        doi:10.1007/s00394-017-1553-5.
      </>
    ),
  },
  "eussen-2005": {
    short: "Eussen et al. 2005",
    full: (
      <>
        Eussen SJ, de Groot LC, Clarke R, et al.{" "}
        <cite>
          Oral cyanocobalamin supplementation in older people with vitamin B12 deficiency: a
          dose-finding trial
        </cite>
        . Archives of Internal Medicine 2005;165(10):1167-1172.
      </>
    ),
  },
  "kuzminski-1998": {
    short: "Kuzminski et al. 1998",
    full: (
      <>
        Kuzminski AM, Del Giacco EJ, Allen RH, Stabler SP, Lindenbaum J.{" "}
        <cite>Effective treatment of cobalamin deficiency with oral cobalamin</cite>. Blood
        1998;92(4):1191-1198.
      </>
    ),
  },
  "chan-2016": {
    short: "Chan et al. 2016",
    full: (
      <>
        Chan CQH, Low LL, Lee KH.{" "}
        <cite>Oral vitamin B12 replacement for the treatment of pernicious anemia</cite>. Frontiers
        in Medicine 2016;3:38.
      </>
    ),
  },
  "bnf-nice": {
    short: "BNF; NICE CKS",
    full: (
      <>
        Joint Formulary Committee, <cite>British National Formulary</cite>, hydroxocobalamin
        monograph (BMJ Group and Pharmaceutical Press); National Institute for Health and Care
        Excellence, <cite>Clinical Knowledge Summary: Anaemia - B12 and folate deficiency</cite>.
      </>
    ),
  },
  "amess-1978": {
    short: "Amess et al. 1978",
    full: (
      <>
        Amess JA, Burman JF, Rees GM, Nancekievill DG, Mollin DL.{" "}
        <cite>Megaloblastic haemopoiesis in patients receiving nitrous oxide</cite>. The Lancet
        1978;2(8085):339-342.
      </>
    ),
  },
  "kondo-1981": {
    short: "Kondo et al. 1981",
    full: (
      <>
        Kondo H, Osborne ML, Kolhouse JF, et al.{" "}
        <cite>
          Nitrous oxide has multiple deleterious effects on cobalamin metabolism and causes
          decreases in activities of both mammalian cobalamin-dependent enzymes in rats
        </cite>
        . Journal of Clinical Investigation 1981;67(5):1270-1283.
      </>
    ),
  },
  "adams-1971": {
    short: "Adams et al. 1971 via IOM 1998",
    full: (
      <>
        Adams JF, Ross SK, Mervyn L, Boddy K, King P.{" "}
        <cite>
          Absorption of cyanocobalamin, coenzyme B12, methylcobalamin, and hydroxocobalamin at
          different dose levels
        </cite>
        . Scandinavian Journal of Gastroenterology 1971;6:249-252; single doses of 1, 5 and 25 µg,
        as cited in IOM 1998, chapter 9.
      </>
    ),
  },
  "heyssel-1966": {
    short: "Heyssel et al. 1966 via IOM 1998",
    full: (
      <>
        Heyssel RM, Bozian RC, Darby WJ, Bell MC. <cite>Vitamin B12 turnover in man</cite>. American
        Journal of Clinical Nutrition 1966;18:176-184; a second dose 4-6 hours after the first, and
        a liver-paste meal, as cited in IOM 1998, chapter 9.
      </>
    ),
  },
  "berlin-1968": {
    short: "Berlin et al. 1968 via IOM 1998",
    full: (
      <>
        Berlin H, Berlin R, Brante G.{" "}
        <cite>
          Oral treatment of pernicious anemia with high doses of vitamin B12 without intrinsic
          factor
        </cite>
        . Acta Medica Scandinavica 1968;184:247-258; as cited in IOM 1998, chapter 9.
      </>
    ),
  },
  "doscherholmen-1957": {
    short: "Doscherholmen and Hagen 1957 via IOM 1998",
    full: (
      <>
        Doscherholmen A, Hagen PS. <cite>A dual mechanism of vitamin B12 plasma absorption</cite>.
        Journal of Clinical Investigation 1957;36:1551-1557; as cited in IOM 1998, chapter 9.
      </>
    ),
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

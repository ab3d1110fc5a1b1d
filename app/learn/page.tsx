import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./learn.module.css";
import { Cite, SourceList } from "./sources";

export const metadata: Metadata = { title: "Learn about vitamin B12" };

const SECTIONS = [
  { id: "what-b12-does", title: "What B12 does" },
  { id: "who-is-at-risk", title: "Who is at risk of running low" },
  { id: "where-b12-comes-from", title: "Where B12 comes from" },
  { id: "how-much-you-need", title: "How much you need" },
  { id: "supplement-forms", title: "Supplement forms and the evidence" },
  { id: "vegan-society-options", title: "The Vegan Society’s three options" },
  { id: "treatment-doses", title: "Treatment doses: only with a clinician" },
  { id: "how-this-app-estimates", title: "How this app estimates absorption" },
  { id: "how-uncertain", title: "How uncertain the estimate is" },
  { id: "symptoms", title: "Symptoms: see a professional" },
  { id: "sources", title: "Sources" },
] as const;

type SectionId = (typeof SECTIONS)[number]["id"];

function Section({ id, children }: { id: SectionId; children: ReactNode }) {
  const section = SECTIONS.find((candidate) => candidate.id === id);
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{section?.title}</h2>
      {children}
    </section>
  );
}

/** A table in its own box, labelled by its caption; scrolls inside the box if ever too wide. */
function TableBox({ id, caption, children }: { id: string; caption: string; children: ReactNode }) {
  return (
    <section
      className={styles.tableWrap}
      aria-labelledby={id}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that may scroll sideways must be reachable by keyboard
      tabIndex={0}
    >
      <table>
        <caption id={id}>{caption}</caption>
        {children}
      </table>
    </section>
  );
}

export default function LearnPage() {
  return (
    <article className={styles.article}>
      <h1>Vitamin B12, in plain words</h1>
      <p className="lede">
        What B12 does, who may run low, where it comes from, how supplements compare, and how this
        app estimates the B12 your body takes up. Each statement links to its source at the foot of
        the page. This is general information, not medical advice: talk to a healthcare professional
        about your own needs.
      </p>

      <nav className={`card ${styles.contents}`} aria-label="On this page">
        <p className="card-title">On this page</p>
        <ol>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ol>
      </nav>

      <Section id="what-b12-does">
        <p>
          Your body needs vitamin B12 to make red blood cells, for the development and work of the
          nervous system (including myelin, the sheath around nerve fibres), and to make DNA.{" "}
          <Cite ids={["nih-ods", "iom-1998"]} />
        </p>
      </Section>

      <Section id="who-is-at-risk">
        <ul>
          <li>
            <strong>Vegans and vegetarians.</strong> Plant foods contain no B12 unless they are
            fortified (or exposed to bacteria or contaminated), so a vegan diet needs fortified
            foods or a supplement. <Cite ids={["iom-1998"]} /> Vegetarians who eat dairy or eggs get
            some B12 from them: about 1.3 µg in a cup of milk, 0.5 µg in an egg.{" "}
            <Cite ids={["nih-ods"]} />
          </li>
          <li>
            <strong>Older adults.</strong> 10-30% of older people absorb the B12 that is naturally
            in food poorly. For this reason the IOM advises adults over 50 to get most of their
            recommended amount from fortified foods or supplements, whose B12 is absorbed normally.{" "}
            <Cite ids={["iom-1998"]} />
          </li>
          <li>
            <strong>People without intrinsic factor</strong>, which the gut needs for its main route
            of B12 uptake: people with pernicious anaemia and after some stomach surgery. Only about
            1% of B12 is then absorbed, from food and supplements alike.{" "}
            <Cite ids={["iom-1998", "nih-ods"]} />
          </li>
          <li>
            <strong>People taking some medicines.</strong> Metformin can lower B12 status: ask your
            doctor whether your B12 should be tested. Acid reducers may make it harder to release
            B12 from food, but the evidence for proton-pump inhibitors is conflicting, and none
            shows that H2 blockers cause deficiency, even after long use. <Cite ids={["nih-ods"]} />{" "}
            Nitrous oxide (laughing gas) inactivates B12 by oxidising it.{" "}
            <Cite ids={["amess-1978", "kondo-1981"]} />
          </li>
          <li>
            <strong>Pregnancy and breastfeeding.</strong> The recommended intakes are higher: 2.6 µg
            and 2.8 µg a day, against 2.4 µg for other adults (see the{" "}
            <a href="#how-much-you-need">table below</a>). <Cite ids={["iom-1998", "nih-ods"]} />
          </li>
        </ul>
        <p>
          You can record your age, pregnancy or breastfeeding and these conditions in{" "}
          <Link href="/profile">your profile</Link>; the app then adjusts its targets and its
          absorption estimate.
        </p>
      </Section>

      <Section id="where-b12-comes-from">
        <h3>Animal foods</h3>
        <p>
          Meat, fish, milk, dairy and eggs contain B12, some far more than others. A few examples (3
          oz is 85 g): <Cite ids={["nih-ods"]} />
        </p>
        <TableBox id="caption-animal-foods" caption="B12 in some animal foods (NIH ODS Table 2)">
          <thead>
            <tr>
              <th scope="col">food and portion</th>
              <th scope="col" className="num">
                B12
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>beef liver, pan-fried, 3 oz</td>
              <td className="num">70.7 µg</td>
            </tr>
            <tr>
              <td>clams, cooked, 3 oz</td>
              <td className="num">17 µg</td>
            </tr>
            <tr>
              <td>Atlantic salmon, cooked, 3 oz</td>
              <td className="num">2.6 µg</td>
            </tr>
            <tr>
              <td>ground beef (85% lean), 3 oz</td>
              <td className="num">2.4 µg</td>
            </tr>
            <tr>
              <td>milk (2%), 1 cup</td>
              <td className="num">1.3 µg</td>
            </tr>
            <tr>
              <td>fat-free plain yogurt, 6 oz</td>
              <td className="num">1.0 µg</td>
            </tr>
            <tr>
              <td>egg, 1 large</td>
              <td className="num">0.5 µg</td>
            </tr>
          </tbody>
        </TableBox>

        <h3>Fortified foods</h3>
        <p>
          Some foods have B12 added: for example fortified nutritional yeast (about 8.3 to 24 µg in
          a quarter cup, depending on the brand) and breakfast cereals (0.6 µg in a serving
          fortified with 25% of the Daily Value). <Cite ids={["nih-ods"]} /> Amounts vary by brand
          and many plant drinks are not fortified at all, so check the label. You can{" "}
          <Link href="/foods?fortified=1">search the fortified foods</Link> or{" "}
          <Link href="/foods/new">add your product from its label</Link>.
        </p>

        <h3>Not reliable sources</h3>
        <p>
          Spirulina and most blue-green algae contain mainly pseudo-B12, which does not work in the
          human body. Seaweed, brewer’s yeast and tempeh are not reliable sources either.{" "}
          <Cite ids={["watanabe-2007", "vegan-society"]} /> A half cup of tempeh, for example, holds
          about 0.1 µg; bananas, whole-wheat bread, kidney beans and spinach hold none.{" "}
          <Cite ids={["nih-ods"]} />
        </p>

        <h3>Supplements</h3>
        <p>
          Supplements contain B12 in free (crystalline) form, like the B12 added to fortified foods.
          It does not need to be released from food first, so it is absorbed normally even by older
          people who absorb the B12 in food poorly. <Cite ids={["iom-1998", "nih-ods"]} /> The forms
          are described <a href="#supplement-forms">below</a>.
        </p>
      </Section>

      <Section id="how-much-you-need">
        <p>
          The US recommended intakes (RDA; an Adequate Intake for babies)
          <Cite ids={["iom-1998", "nih-ods"]} />:
        </p>
        <TableBox id="caption-rda" caption="Recommended B12 intake, µg a day (NIH/IOM)">
          <thead>
            <tr>
              <th scope="col">life stage</th>
              <th scope="col" className="num">
                µg a day
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>babies 0-6 months (Adequate Intake)</td>
              <td className="num">0.4</td>
            </tr>
            <tr>
              <td>babies 7-12 months (Adequate Intake)</td>
              <td className="num">0.5</td>
            </tr>
            <tr>
              <td>children 1-3 years</td>
              <td className="num">0.9</td>
            </tr>
            <tr>
              <td>children 4-8 years</td>
              <td className="num">1.2</td>
            </tr>
            <tr>
              <td>children 9-13 years</td>
              <td className="num">1.8</td>
            </tr>
            <tr>
              <td>14 years and over</td>
              <td className="num">2.4</td>
            </tr>
            <tr>
              <td>pregnancy</td>
              <td className="num">2.6</td>
            </tr>
            <tr>
              <td>breastfeeding</td>
              <td className="num">2.8</td>
            </tr>
          </tbody>
        </TableBox>
        <p>
          Other standards set different values: for adults, EFSA 4.0 µg <Cite ids={["efsa-2015"]} />
          , the UK 1.5 µg <Cite ids={["uk-coma-1991"]} /> and WHO/FAO 2.4 µg{" "}
          <Cite ids={["who-fao-2004"]} />. The app supports all four; choose yours in{" "}
          <Link href="/profile">your profile</Link>.
        </p>
        <p>
          No tolerable upper intake level has been set. <Cite ids={["iom-1998", "efsa-2015"]} />{" "}
          Even so, talk to a healthcare professional before taking high doses.
        </p>
      </Section>

      <Section id="supplement-forms">
        <ul>
          <li>
            <strong>Tablets or capsules that you swallow, and chewable tablets.</strong> Our sources
            do not compare chewable tablets with swallowed ones.
          </li>
          <li>
            <strong>Sublingual tablets</strong> (dissolved under the tongue) have not been shown to
            be absorbed better than tablets that are swallowed. <Cite ids={["nih-ods"]} /> In one
            study, 500 µg a day under the tongue raised serum (blood) B12 as much as 500 µg a day
            swallowed. <Cite ids={["sharabi-2003"]} />
          </li>
          <li>
            <strong>Sprays and drops.</strong> Our sources give no specific evidence about them.
          </li>
          <li>
            <strong>Injections</strong> are prescribed by a clinician, on a schedule: in the UK, for
            example, hydroxocobalamin 1,000 µg into the muscle three times a week for two weeks,
            then every 2-3 months <Cite ids={["bnf-nice"]} />; in the US, cyanocobalamin 1,000 µg{" "}
            <Cite ids={["nih-ods"]} />. The app’s absorption estimate is built from data on B12
            taken by mouth and does not describe injections.
          </li>
        </ul>
        <p>
          B12 comes as different compounds: cyanocobalamin (the most studied, and stable),
          methylcobalamin, adenosylcobalamin and hydroxocobalamin (used for injections).{" "}
          <Cite ids={["nih-ods"]} /> Older studies with labelled B12 found cyanocobalamin and
          hydroxocobalamin absorbed alike, at small and large doses. <Cite ids={["adams-1971"]} /> A
          2017 study measuring "active B12" (holotranscobalamin) in the blood found it rose more
          than twice as much after small doses of cyanocobalamin as after the same doses of
          hydroxocobalamin; that is a difference in what reaches the blood, not a measured
          difference in absorption. <Cite ids={["greibe-2017"]} /> Our sources give no figures
          showing that methylcobalamin or adenosylcobalamin is absorbed better, so the planner
          counts every compound alike.
        </p>
      </Section>

      <Section id="vegan-society-options">
        <p>
          For adults, the Vegan Society recommends one of three options{" "}
          <Cite ids={["vegan-society"]} />. Under the US and UK recommendations each one meets an
          adult’s need in this app’s estimate (about 1.28 µg absorbed a day for 2.4 µg, 0.89 µg for
          the UK’s 1.5 µg; explained <a href="#how-this-app-estimates">below</a>). EFSA recommends
          more (4 µg, about 1.81 µg absorbed): by the same model 10 µg a day falls short of it, and
          the smallest common daily dose that meets it is 50 µg.
        </p>
        <TableBox
          id="caption-vegan-society"
          caption="The Vegan Society’s options for adults, with this app’s estimate"
        >
          <thead>
            <tr>
              <th scope="col">option</th>
              <th scope="col" className="num">
                absorbed a day
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>
                fortified foods two or three times a day, at least 3 µg a day in all (estimate for
                1.5 µg twice a day)
              </td>
              <td className="num">1.29 µg</td>
            </tr>
            <tr>
              <td>one supplement a day of at least 10 µg</td>
              <td className="num">1.34 µg</td>
            </tr>
            <tr>
              <td>one supplement a week of at least 2,000 µg (averaged over the week)</td>
              <td className="num">3.07 µg</td>
            </tr>
          </tbody>
        </TableBox>
        <p>
          You can add a supplement to any of <Link href="/plans">your plans</Link>, daily, weekly or
          every few days, and see it in the day totals.
        </p>
      </Section>

      <Section id="treatment-doses">
        <p>
          Much higher doses are used to treat a deficiency. They are decided with a clinician, who
          can find the cause and check the result:
        </p>
        <ul>
          <li>
            In older adults with mild deficiency, about 650 to 1,000 µg of oral cyanocobalamin a day
            was the lowest dose that brought blood markers back to normal.{" "}
            <Cite ids={["eussen-2005"]} />
          </li>
          <li>
            In a trial of people with B12 deficiency, 2,000 µg a day by mouth worked as well as
            1,000 µg injections <Cite ids={["kuzminski-1998"]} />, and a review of studies in
            pernicious anaemia found 1,000 µg a day by mouth adequate <Cite ids={["chan-2016"]} />.
            When there are nerve symptoms (tingling, numbness, problems with balance or memory),
            treatment usually starts with injections, on a schedule your clinician sets.{" "}
            <Cite ids={["bnf-nice"]} />
          </li>
        </ul>
      </Section>

      <Section id="how-this-app-estimates">
        <p>
          The app shows two views of every total: the B12 you take in, against the recommended
          intake, and an estimate of the B12 your body absorbs, against the absorbed amount the
          recommendation implies.
        </p>
        <h3>Two routes, per eating occasion</h3>
        <ul>
          <li>
            The main route needs intrinsic factor. It takes up at most about 1.5 to 2.5 µg at a meal{" "}
            <Cite ids={["iom-1998"]} />, and absorption drops sharply beyond 1-2 µg{" "}
            <Cite ids={["nih-ods"]} />. The app uses the low end, 1.5 µg.
          </li>
          <li>
            About 1% of any dose is absorbed passively, even without intrinsic factor.{" "}
            <Cite ids={["berlin-1968", "doscherholmen-1957"]} />
          </li>
          <li>
            A second dose 4 to 6 hours after the first is absorbed as well as the first.{" "}
            <Cite ids={["heyssel-1966"]} /> So the app works out each eating occasion separately:
            each meal of a day (breakfast, lunch, dinner, snacks) and supplements taken on their
            own. A supplement taken with a meal counts with that meal; supplements taken on their
            own on the same day are counted as taken together, which gives the lower estimate.
          </li>
        </ul>
        <p>For one occasion holding D µg of B12, the estimate is:</p>
        <code className={styles.formula}>absorbed = 1.5 × D ÷ (2.06 + D) + 0.01 × D</code>
        <p>
          The 2.06 is chosen so that 1 µg gives 0.5 µg, the 50% measured at that dose.{" "}
          <Cite ids={["adams-1971"]} /> Here is how the estimate compares with the published figures
          for single doses of crystalline B12 in healthy adults:
        </p>
        <TableBox
          id="caption-model"
          caption="Single doses: the app’s estimate and the published figure"
        >
          <thead>
            <tr>
              <th scope="col" className="num">
                dose
              </th>
              <th scope="col" className="num">
                app’s estimate
              </th>
              <th scope="col">published</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="num">1 µg</td>
              <td className="num">0.50 µg</td>
              <td>
                about 0.5 µg <Cite ids={["adams-1971"]} />; 0.56 µg <Cite ids={["nih-ods"]} />
              </td>
            </tr>
            <tr>
              <td className="num">5 µg</td>
              <td className="num">1.11 µg</td>
              <td>
                about 1.0 µg <Cite ids={["adams-1971"]} />
              </td>
            </tr>
            <tr>
              <td className="num">25 µg</td>
              <td className="num">1.64 µg</td>
              <td>
                about 1.3-1.5 µg <Cite ids={["adams-1971"]} />
              </td>
            </tr>
            <tr>
              <td className="num">500 µg</td>
              <td className="num">6.5 µg (1.3%)</td>
              <td>
                about 10 µg (2%) <Cite ids={["nih-ods"]} />
              </td>
            </tr>
            <tr>
              <td className="num">1,000 µg</td>
              <td className="num">11.5 µg (1.15%)</td>
              <td>
                about 0.5-1.3% <Cite ids={["berlin-1968"]} />
              </td>
            </tr>
            <tr>
              <td className="num">2,000 µg</td>
              <td className="num">21.5 µg</td>
              <td>
                about 0.5-1.3%, as for 1,000 µg and over <Cite ids={["berlin-1968"]} />
              </td>
            </tr>
          </tbody>
        </TableBox>
        <p>
          A typical check: 2.4 µg spread over three meals (0.8 µg each) gives an estimated 1.28 µg
          absorbed, about 53%, close to the 50% the IOM assumes. <Cite ids={["iom-1998"]} />
        </p>

        <h3>The absorbed target and the one verdict</h3>
        <p>
          The app’s absorbed target is what this same estimate takes up from your recommended intake
          eaten in three equal meals: 1.28 µg for 2.4 µg, 1.81 µg for EFSA’s 4 µg, 0.89 µg for the
          UK’s 1.5 µg. So eating exactly the recommended amount, spread over breakfast, lunch and
          dinner, always meets it, whichever standard you choose. (The US recommendations assume
          that about half of the B12 in food is absorbed <Cite ids={["iom-1998"]} />; 1.28 µg of
          2.4 µg is 53%.)
        </p>
        <p>
          A day, or a plan on its daily average, gives <strong>enough</strong> when both hold: you
          eat at least the recommended amount, and the estimate of what you absorb reaches the
          absorbed target. If you eat enough but in one sitting, the body cannot take it all up at
          once, and the app says so in one sentence. Every screen shows this one verdict.
        </p>
        <p>
          Weekly and every-few-days supplements count at their daily average on every day: a weekly
          2,000 µg tablet gives about 21.5 µg on the day it is taken, which counts as about 3.1 µg a
          day, whatever the length of your plan. <Cite ids={["vegan-society"]} />
        </p>

        <h3>Free and food-bound B12</h3>
        <p>
          B12 naturally in food has to be freed by stomach acid before it can be absorbed;
          supplements and the B12 added to fortified foods are already free.{" "}
          <Cite ids={["iom-1998"]} /> For a fortified food the app counts as added the USDA “added
          B12” value when the food has one; a fortified vegan food without that value counts all its
          B12 as added, since plant foods have none unless fortified <Cite ids={["iom-1998"]} />.
          Other B12 counts as food-bound.
        </p>

        <h3>Your conditions</h3>
        <ul>
          <li>
            <strong>Pernicious anaemia or stomach surgery</strong> recorded in your profile: only
            the 1% passive part is counted, for food and supplements alike; 1,000 µg a day then
            gives about 10 µg absorbed. <Cite ids={["iom-1998", "nih-ods"]} />
          </li>
          <li>
            <strong>Aged 51 or over, or taking acid reducers:</strong> most people still release the
            B12 in food normally, so that is the main estimate. Because 10-30% of people over 50
            release it poorly <Cite ids={["iom-1998"]} />, and acid reducers may do the same{" "}
            <Cite ids={["nih-ods"]} />, the app also shows the low end of the range: only the free
            B12 of supplements and fortified foods. The IOM advises people over 50 to get most of
            their B12 from fortified foods or supplements; the app shows that as advice, with a
            suggestion. <Cite ids={["iom-1998"]} />
          </li>
          <li>
            <strong>Metformin:</strong> flagged as a risk to B12 status, without changing the
            numbers. <Cite ids={["nih-ods"]} />
          </li>
        </ul>
      </Section>

      <Section id="how-uncertain">
        <p>
          The estimate is a rough guide, not a measurement of your body. What we know about its
          limits:
        </p>
        <ul>
          <li>
            We accept the estimate when, for 1, 5 and 25 µg, it is within 15% of the published
            figure or inside the published range, and when, for 500 µg and more, the absorbed share
            is within the 0.5% to 2% the sources give.
          </li>
          <li>
            At 500 µg the published figure is about a third higher than the estimate. A single 1%
            passive rate cannot give both 2% at 500 µg and at most 1.3% at 1,000 µg, so the figures
            disagree with each other a little. <Cite ids={["nih-ods", "berlin-1968"]} />
          </li>
          <li>
            Very B12-rich foods are absorbed better than the simple ceiling allows: a liver-paste
            meal with 38 µg gave 4.1 µg absorbed on average (up to 7 µg), where the estimate gives
            1.8 µg. <Cite ids={["heyssel-1966"]} /> For such foods the estimate is on the low side.
          </li>
          <li>
            How well B12 is absorbed varies by food: about 42% from fish, 61-66% from chicken,
            56-89% from mutton, under 9% from eggs and about 65% from milk.{" "}
            <Cite ids={["watanabe-2007"]} /> The estimate treats all foods the same.
          </li>
          <li>
            Foods with no B12 value in the database are not counted, so a day that has them shows
            its intake and its estimate as lower bounds.
          </li>
        </ul>
      </Section>

      <Section id="symptoms">
        <p>
          Symptoms such as tingling, numbness or tiredness have many causes, and low B12 is one of
          them. Tingling, numbness or pain can be signs of a deficiency that needs a clinician. B12
          is not an established treatment for joint pain unless you are deficient. A clinician can
          test your B12 status. Treating yourself without a test can hide the cause. If you have
          such symptoms, see a healthcare professional rather than relying on this app.{" "}
          <Cite ids={["nih-ods"]} />
        </p>
      </Section>

      <section aria-labelledby="sources">
        <h2 id="sources">Sources</h2>
        <p className="small muted">
          Studies marked “via IOM 1998” are cited as IOM 1998 reports them. The app’s documentation
          (docs/methodology.md) gives every figure with the same sources.
        </p>
        <SourceList />
      </section>

      <p className={`small ${styles.backToTop}`}>
        <a href="#main">Back to the top</a>
      </p>
    </article>
  );
}

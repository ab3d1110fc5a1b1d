/**
 * The plan's answer at the top of the editor: one verdict (the server's `status`, with
 * its one-sentence reason), the figures behind it, the range for people whose stomach
 * may release food B12 poorly, the target and where the B12 comes from. Display only.
 */
import Link from "next/link";
import { formatB12, formatMicrograms } from "@/app/_lib/format";
import { statusClass, statusHeadline } from "@/app/_lib/status";
import type { Totals } from "./use-plan-editor";

export function formatPercent(value: number | null): string {
  if (value === null) return "";
  return `${value >= 10 ? Math.round(value) : Number(value.toFixed(1))}%`;
}

/** "(250% of the 2.4 µg recommended)", or "many times" once the percentage stops reading well. */
export function ofRecommended(percent: number | null, targetMicrograms: number): string {
  const target = `${formatMicrograms(targetMicrograms)} µg recommended`;
  if (percent !== null && percent >= 1000) {
    return `more than ${Math.floor(percent / 100)} times the ${target}`;
  }
  return `${formatPercent(percent)} of the ${target}`;
}

export function unknownNote(unknown: number, count: number): string {
  return `${unknown} of ${count} item${count === 1 ? "" : "s"} ${unknown === 1 ? "has" : "have"} no B12 data; the total is a lower bound.`;
}

function everyLabel(dosesPerDay: number): string {
  if (dosesPerDay >= 0.999) return "every day";
  const days = 1 / dosesPerDay;
  if (Math.abs(days - Math.round(days)) < 1e-9) {
    return Math.round(days) === 7 ? "once a week" : `every ${Math.round(days)} days`;
  }
  return `${formatMicrograms(dosesPerDay * 7)} times a week`;
}

export function VerdictCard({ totals }: { totals: Totals }) {
  const target = totals.target;
  const lowEnd =
    totals.lowEndReason !== null &&
    totals.averageAbsorbedLowB12Micrograms < totals.averageAbsorbedB12Micrograms - 0.005;
  const periodic = totals.regimens.filter((regimen) => regimen.dosesPerDay < 0.999);
  return (
    <section
      className={`card verdict${statusClass(totals.status)}`}
      aria-labelledby="plan-verdict"
      data-status={totals.status}
    >
      <h2 id="plan-verdict" className="verdict-headline">
        {statusHeadline(totals.status, "This plan", totals.averageComplete)}
      </h2>
      {totals.statusReason && <p className="verdict-reason">{totals.statusReason}</p>}
      <dl className="verdict-figures">
        <div>
          <dt>Eaten and taken, daily average</dt>
          <dd>
            <strong>
              {formatMicrograms(totals.averageB12Micrograms)} µg
              {!totals.averageComplete && " or more"}
            </strong>
            {target.micrograms !== null && (
              <span className="muted">
                {" "}
                ({ofRecommended(totals.averagePercentOfTarget, target.micrograms)})
              </span>
            )}
          </dd>
          {totals.averageSupplementB12Micrograms > 0 && (
            <dd className="small">
              Food {formatMicrograms(totals.averageFoodB12Micrograms)} µg + supplements{" "}
              {formatMicrograms(totals.averageSupplementB12Micrograms)} µg
            </dd>
          )}
        </div>
        <div>
          <dt>Estimated absorbed, daily average</dt>
          <dd>
            <strong>
              about {formatMicrograms(totals.averageAbsorbedB12Micrograms)} µg
              {!totals.averageComplete && " or more"}
            </strong>
            {totals.absorbedTargetMicrograms !== null && (
              <span className="muted">
                {" "}
                (about {formatMicrograms(totals.absorbedTargetMicrograms)} µg needed)
              </span>
            )}
          </dd>
          {lowEnd && (
            <dd className="small">
              As little as {formatMicrograms(totals.averageAbsorbedLowB12Micrograms)} µg{" "}
              {totals.lowEndReason}.
            </dd>
          )}
        </div>
      </dl>
      {periodic.map((regimen) => (
        <p key={regimen.id} className="small">
          {formatMicrograms(regimen.doseMicrograms)} µg {everyLabel(regimen.dosesPerDay)}
          {regimen.injected
            ? ": an injection, counted as intake but not in the absorbed estimate (it bypasses the gut)."
            : `: about ${formatMicrograms(regimen.absorbedPerDoseMicrograms)} µg absorbed on the day, about ${formatMicrograms(regimen.averageAbsorbedMicrograms)} µg a day averaged.`}
        </p>
      ))}
      {!totals.averageComplete && (
        <p className="small warn-text">{unknownNote(totals.unknownEntries, totals.entryCount)}</p>
      )}
      <p className="small">
        <Link prefetch={false} href="/learn#how-this-app-estimates">
          How this is judged
        </Link>
      </p>
    </section>
  );
}

/** `personName`: whose target, when it is not the signed-in account's own. */
export function TargetCard({ totals, personName }: { totals: Totals; personName?: string }) {
  const target = totals.target;
  return (
    <div className="card">
      <h2 className="card-title">Recommended for {personName ?? "you"}</h2>
      <p>
        <strong>
          {target.micrograms === null
            ? "No value set"
            : `${formatMicrograms(target.micrograms)} µg a day`}
        </strong>{" "}
        <span className="muted">
          ({target.standardName}, {target.lifeStage.toLowerCase()}; {target.source})
        </span>
      </p>
      {totals.profileIsDefault && (
        <p className="small warn-text">This uses the default adult profile.</p>
      )}
      {personName ? (
        <Link prefetch={false} href="/household">
          Change {personName}'s profile
        </Link>
      ) : (
        <Link prefetch={false} href="/profile">
          Change your profile
        </Link>
      )}
    </div>
  );
}

export function SourcesCard({ totals }: { totals: Totals }) {
  const giving = totals.topFoods.filter((food) => food.b12Micrograms > 0);
  const days = totals.days.length;
  return (
    <div className="card">
      <h2 className="card-title">
        Most B12 from, over the whole plan ({days} day{days === 1 ? "" : "s"})
      </h2>
      {giving.length === 0 ? (
        <p className="muted">No foods or supplements with B12 yet.</p>
      ) : (
        <ol className="top-foods">
          {giving.slice(0, 4).map((food) => (
            <li key={food.foodId}>
              {food.foodName} <span className="muted">{formatB12(food.b12Micrograms)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

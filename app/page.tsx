import Link from "next/link";
import { planDayLabel } from "@/app/_lib/dates";
import { formatMicrograms } from "@/app/_lib/format";
import { STATUS_SHORT, statusClass, statusHeadline } from "@/app/_lib/status";
import { serverCaller } from "@/app/_trpc/server";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const caller = serverCaller();
  const [plans, profile] = await Promise.all([caller.plans.list(), caller.profile.get()]);
  const current = plans[0];
  const totals = current ? await caller.plans.totals({ planId: current.id }) : null;
  const target = profile.target;

  return (
    <div className="stack">
      <h1>Plan your vitamin B12, meal by meal</h1>
      <p className="lede">
        Check how much vitamin B12 your meals give against the amount recommended for you, using the
        full USDA food database, fortified foods and the products you enter from their labels. A
        food without a B12 value is marked unknown, never counted as zero.
      </p>

      {current && totals ? (
        <section className="card stack" aria-labelledby="current-plan">
          <div className="meal-header">
            <h2 id="current-plan" className="card-title">
              Current plan: <Link href={`/plans/${current.id}`}>{current.name}</Link>
            </h2>
          </div>
          <p
            className={`verdict-headline${statusClass(totals.status)}`}
            data-status={totals.status}
          >
            {statusHeadline(totals.status, "This plan", totals.averageComplete)}
          </p>
          {totals.statusReason && <p className="small">{totals.statusReason}</p>}
          <p className="muted small">
            On average {formatMicrograms(totals.averageB12Micrograms)} µg a day
            {totals.averageComplete ? "" : " or more"}; estimated absorbed about{" "}
            {formatMicrograms(totals.averageAbsorbedB12Micrograms)} µg
            {totals.absorbedTargetMicrograms === null
              ? "."
              : ` of about ${formatMicrograms(totals.absorbedTargetMicrograms)} µg needed.`}
          </p>
          <ul className="glance" aria-label={`Days of ${current.name}`}>
            {totals.days.map((day) => (
              <li key={day.day} className={`glance-day${statusClass(day.status)}`}>
                <span className="glance-label">{planDayLabel(day.day, day.date)}</span>
                <span className="glance-value">
                  {formatMicrograms(day.b12Micrograms)} µg{day.complete ? "" : "*"}
                </span>
                <span className="glance-status">
                  {day.status === "no-target" ? "" : STATUS_SHORT[day.status]}
                </span>
              </li>
            ))}
          </ul>
          {!totals.averageComplete && (
            <p className="small muted">
              * Some foods have no B12 data: the total is a lower bound.
            </p>
          )}
          <div className="actions">
            <Link className="button" href={`/plans/${current.id}`}>
              Open the plan
            </Link>
            <Link className="button secondary" href="/plans">
              All plans
            </Link>
          </div>
        </section>
      ) : (
        <section className="card" aria-labelledby="start">
          <h2 id="start" className="card-title">
            Start a plan
          </h2>
          <p>Build a few days of meals and see each day’s B12 against your target.</p>
          <Link className="button" href="/plans">
            Create a meal plan
          </Link>
        </section>
      )}

      <div className="tiles">
        <section className="card tile" aria-labelledby="tile-profile">
          <h2 id="tile-profile">Your target</h2>
          <p>
            {target.micrograms === null
              ? "Your reference standard sets no value for this age."
              : `${formatMicrograms(target.micrograms)} µg a day`}{" "}
            <span className="muted">
              ({target.standardName}, {target.lifeStage.toLowerCase()})
            </span>
          </p>
          {profile.isDefault && <p className="small warn-text">Default profile: set yours.</p>}
          <Link className="button secondary" href="/profile">
            Your profile
          </Link>
        </section>
        <section className="card tile" aria-labelledby="tile-foods">
          <h2 id="tile-foods">Find foods</h2>
          <p>Search 8,789 USDA foods, filter to vegan, vegetarian or fortified ones.</p>
          <Link className="button secondary" href="/foods">
            Search foods
          </Link>
        </section>
        <section className="card tile" aria-labelledby="tile-label">
          <h2 id="tile-label">Add your own product</h2>
          <p>Enter a fortified drink or nutritional yeast from its label, in µg or % DV.</p>
          <Link className="button secondary" href="/foods/new">
            Add a food from a label
          </Link>
        </section>
      </div>
    </div>
  );
}

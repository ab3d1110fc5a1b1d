"use client";
/**
 * The plan editor: the plan's verdict at the top, days as tabs, each with breakfast,
 * lunch, dinner and snacks; supplements, suggestions and charts. Every number and every
 * status comes from the server (plans.get, plans.totals, plans.suggestions); the pieces
 * in this folder only show them.
 *
 * Links in this folder are not prefetched (prefetch={false}), like the site navigation:
 * pages render per request (CSP nonces), so each prefetch is a server render plus a
 * response parsed on the main thread while the page is still hydrating.
 */
import Link from "next/link";
import { useDeferredValue, useId } from "react";
import { planDayLabel } from "@/app/_lib/dates";
import { LazyDayChart, LazyFoodShareChart } from "./_charts/lazy-charts";
import { CopyDay } from "./copy-day";
import { DayMeals } from "./day-meals";
import { DaySummary } from "./day-summary";
import { DayTabs } from "./day-tabs";
import { EatersPanel } from "./eaters-panel";
import { type InitialSuggestions, SuggestionsPanel } from "./suggestions-panel";
import { SourcesCard, TargetCard, VerdictCard } from "./summary-cards";
import { SupplementsPanel } from "./supplements-panel";
import { type Plan, type Profile, type Totals, usePlanEditor } from "./use-plan-editor";

export function PlanEditor({
  initialPlan,
  initialPlanDay,
  initialTotals,
  initialSuggestions,
  initialProfile,
}: {
  initialPlan: Plan;
  /** When set, `initialPlan` holds this day's entries only (see usePlanEditor). */
  initialPlanDay?: number;
  initialTotals: Totals;
  initialProfile?: Profile;
  initialSuggestions?: InitialSuggestions;
}) {
  const ids = useId();
  const editor = usePlanEditor(initialPlan, initialTotals, initialProfile, initialPlanDay);
  const { plan, totals, planId, mutations } = editor;
  // Charts redraw at a lower priority than the numbers: an edit shows at once, the
  // charts follow a moment later (Recharts redraws of 28 stacked bars are the slow part).
  const chartTotals = useDeferredValue(totals);
  const day = totals.days.find((item) => item.day === editor.selectedDay) ?? totals.days[0];
  const chartDay =
    chartTotals.days.find((item) => item.day === editor.selectedDay) ?? chartTotals.days[0];
  const dayLabels = new Map(plan.days.map((item) => [item.day, planDayLabel(item.day, item.date)]));
  const labelOf = (dayNumber: number) => dayLabels.get(dayNumber) ?? `Day ${dayNumber}`;

  return (
    <div className="stack">
      <p className="small">
        <Link prefetch={false} href="/plans">
          ← All plans
        </Link>
      </p>
      <h1>{plan.name}</h1>
      <p className="actions">
        <Link prefetch={false} href={`/plans/${encodeURIComponent(plan.id)}/shopping`}>
          Shopping list
        </Link>
      </p>

      <EatersPanel planId={planId} totals={totals} onSelect={editor.setPersonId} />
      <VerdictCard totals={totals} />
      <section className="summary-grid" aria-label="Plan summary">
        <TargetCard totals={totals} personName={editor.otherPersonName} />
        <SourcesCard totals={totals} />
      </section>

      {totals.absorption.risks.length > 0 && (
        <section className="alert warn" aria-label="What affects your absorption">
          <ul className="notes">
            {totals.absorption.risks.map((risk) => (
              <li key={risk.id}>
                {risk.message} <span className="small">({risk.source})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {editor.error && (
        <div className="alert error" role="alert">
          Not saved: {editor.error}
        </div>
      )}

      <DayTabs
        idPrefix={ids}
        days={totals.days}
        selectedDay={day?.day ?? 1}
        labelOf={labelOf}
        onSelect={editor.setSelectedDay}
      />

      {day && (
        <section
          id={`${ids}-panel`}
          role="tabpanel"
          aria-labelledby={`${ids}-tab-${day.day}`}
          className="day-panel stack"
        >
          <DaySummary
            day={day}
            label={labelOf(day.day)}
            targetMicrograms={totals.target.micrograms}
            planReason={totals.statusReason}
          >
            <CopyDay
              day={day.day}
              dayCount={totals.days.length}
              labelOf={labelOf}
              busy={mutations.copyDay.isPending}
              onCopy={(toDays, replace) =>
                mutations.copyDay.mutate({ planId, fromDay: day.day, toDays, replace })
              }
              done={mutations.copyDay.isSuccess ? mutations.copyDay.data.copiedEntries : null}
            />
          </DaySummary>

          <DayMeals editor={editor} day={day.day} meals={day.meals} labelOf={labelOf} />
        </section>
      )}

      <SupplementsPanel
        plan={plan}
        eaters={totals.people}
        shownPersonId={totals.personId}
        onApplied={editor.applyEdit}
      />
      <SuggestionsPanel
        planId={planId}
        personId={editor.personId}
        initial={initialSuggestions}
        onApplied={editor.applyEdit}
      />

      <section aria-labelledby={`${ids}-charts`} className="stack">
        <h2 id={`${ids}-charts`}>Charts</h2>
        <LazyDayChart totals={chartTotals} />
        {chartDay && <LazyFoodShareChart day={chartDay} label={labelOf(chartDay.day)} />}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { callOrNotFound, serverCaller } from "@/app/_trpc/server";
import { PlanEditor } from "./plan-editor";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ planId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { planId } = await params;
  const plan = await callOrNotFound(() => serverCaller().plans.get({ planId }));
  return { title: plan.name };
}

export default async function PlanPage({ params }: Props) {
  const { planId } = await params;
  const caller = serverCaller();
  const [plan, totals, profile] = await callOrNotFound(() =>
    Promise.all([
      caller.plans.get({ planId }),
      caller.plans.totals({ planId }),
      // The profile (its diet filters the add-food search) comes with the page too: fetched
      // after load, its answer re-rendered the whole editor at the page's busiest.
      caller.profile.get(),
    ]),
  );
  // In the first HTML: fetched by the browser after load, they cost a request and a
  // second render of the page at its busiest (bench/results.md, "Plan page").
  const suggestions = await callOrNotFound(() =>
    caller.plans.suggestions({ planId, personId: totals.personId }),
  );
  // Only the first day's entries come with the page: a month's 900 entries were most of
  // its HTML and of the work before it answers (bench/results.md, "Plan page"). The editor
  // fetches the rest when another day is shown.
  const firstDay = 1;
  const firstDayPlan = { ...plan, entries: plan.entries.filter((entry) => entry.day === firstDay) };
  return (
    <PlanEditor
      initialPlan={firstDayPlan}
      initialPlanDay={firstDay}
      initialTotals={totals}
      initialProfile={profile}
      initialSuggestions={{ personId: totals.personId, data: suggestions }}
    />
  );
}

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
  const [plan, totals] = await callOrNotFound(() =>
    Promise.all([caller.plans.get({ planId }), caller.plans.totals({ planId })]),
  );
  // In the first HTML: fetched by the browser after load, they cost a request and a
  // second render of the page at its busiest (bench/results.md, "Plan page").
  const suggestions = await callOrNotFound(() =>
    caller.plans.suggestions({ planId, personId: totals.personId }),
  );
  return (
    <PlanEditor
      initialPlan={plan}
      initialTotals={totals}
      initialSuggestions={{ personId: totals.personId, data: suggestions }}
    />
  );
}

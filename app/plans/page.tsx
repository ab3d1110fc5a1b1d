import type { Metadata } from "next";
import { serverCaller } from "@/app/_trpc/server";
import { PlanList } from "./plan-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Meal plans" };

export default async function PlansPage() {
  const plans = await serverCaller().plans.list();
  return (
    <>
      <h1>Meal plans</h1>
      <p className="lede">
        A plan is 1 to 28 days of breakfasts, lunches, dinners and snacks. Each day is checked
        against your B12 target.
      </p>
      <PlanList initialPlans={plans} />
    </>
  );
}

/** /household: who is in the household, invitations, roles, sign-in options, signing out. */
import type { Metadata } from "next";
import { serverCaller } from "@/app/_trpc/server";
import { HouseholdPanel } from "./household-panel";
import { PeoplePanel } from "./people-panel";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Household" };

export default async function HouseholdPage() {
  const household = await serverCaller().households.get();
  return (
    <>
      <h1>Household</h1>
      <p className="lede">
        Everyone in a household sees and plans the same meals. Owners invite people and choose what
        they may do; adults plan and edit; viewers look without changing anything.
      </p>
      <HouseholdPanel initial={household} />
      <PeoplePanel canEdit={household.you.role !== "viewer"} />
    </>
  );
}

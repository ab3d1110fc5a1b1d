"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
/**
 * The plan editor's state: the plan and its totals (server data, kept fresh by React
 * Query), the chosen day, and the edits. Every edit answers with the plan and its totals
 * as they now are, which are shown at once (one round trip).
 */
import { MEAL_OPTIONS } from "@/server/domain/vocabulary";
import type { RouterOutputs } from "@/server/trpc/root";
import { useUndoableRemoval } from "./meal-tools";

export type Plan = RouterOutputs["plans"]["get"];
export type Totals = RouterOutputs["plans"]["totals"];
export type Profile = RouterOutputs["profile"]["get"];
export type DayTotals = Totals["days"][number];
export type Entry = Plan["entries"][number];
export type Dish = Plan["dishes"][number];
export type Meal = Entry["meal"];

export const MEALS = MEAL_OPTIONS;

/**
 * `initialPlanDay`: the page's first HTML carries the entries of this one day only (a long
 * plan's entries were most of the page's weight and of its start-up work). The whole plan
 * is fetched when another day is shown, and every edit answers with the whole plan.
 */
export function usePlanEditor(
  initialPlan: Plan,
  initialTotals: Totals,
  initialProfile?: Profile,
  initialPlanDay?: number,
) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const planId = initialPlan.id;
  // The whole plan: from the page when it came whole, else fetched once another day is
  // shown (or already cached from an earlier visit, or set by an edit's answer).
  const [wholePlanWanted, setWholePlanWanted] = useState(initialPlanDay === undefined);
  const planQuery = useQuery({
    ...trpc.plans.get.queryOptions({ planId }),
    initialData: initialPlanDay === undefined ? initialPlan : undefined,
    enabled: wholePlanWanted,
  });
  const plan = planQuery.data ?? initialPlan;
  // Whose totals the page shows: the signed-in account's own person until another is picked.
  const [personId, setPersonId] = useState<string | null>(null);
  const ownTotals = useQuery({
    ...trpc.plans.totals.queryOptions({ planId }),
    initialData: initialTotals,
  }).data;
  const personTotals = useQuery({
    ...trpc.plans.totals.queryOptions({ planId, personId: personId ?? "" }),
    enabled: personId !== null && personId !== ownTotals.personId,
    placeholderData: (previous) => previous,
  }).data;
  const totals =
    personId !== null && personId !== ownTotals.personId && personTotals ? personTotals : ownTotals;
  const profile = useQuery({ ...trpc.profile.get.queryOptions(), initialData: initialProfile });
  const [selectedDay, setSelectedDay] = useState(initialPlanDay ?? 1);
  const [error, setError] = useState<string | null>(null);
  // Until the whole plan is here, only `initialPlanDay`'s entries are known.
  const onlyDay = planQuery.data === undefined ? (initialPlanDay ?? null) : null;
  const dayLoaded = onlyDay === null || selectedDay === onlyDay;
  const selectDay = (day: number) => {
    if (day !== initialPlanDay) setWholePlanWanted(true);
    setSelectedDay(day);
  };

  const onError = (failure: { message: string }) => setError(failure.message);
  // An edit answers with the plan and your own person's totals, shown at once; another
  // person's totals (when one is picked) are fetched again.
  const applyEdit = (result: { plan: Plan; totals: Totals }) => {
    setError(null);
    queryClient.setQueryData(trpc.plans.get.queryKey({ planId }), result.plan);
    queryClient.setQueryData(trpc.plans.totals.queryKey({ planId }), result.totals);
    void queryClient.invalidateQueries({
      queryKey: trpc.plans.totals.queryKey({ planId }),
      predicate: (query) =>
        (query.queryKey[1] as { input?: { personId?: string } } | undefined)?.input?.personId !==
        undefined,
    });
    void queryClient.invalidateQueries({ queryKey: trpc.plans.list.queryKey() });
    void queryClient.invalidateQueries({
      queryKey: trpc.plans.suggestions.queryKey({ planId }),
    });
  };
  const options = { onSuccess: applyEdit, onError };
  // A dish added or removed changes where its recipe is used (recipes.list / get).
  const dishOptions = {
    onSuccess: (result: { plan: Plan; totals: Totals }) => {
      applyEdit(result);
      void queryClient.invalidateQueries({ queryKey: trpc.recipes.pathKey() });
    },
    onError,
  };
  const mutations = {
    addEntry: useMutation(trpc.plans.addEntry.mutationOptions(options)),
    updateEntry: useMutation(trpc.plans.updateEntry.mutationOptions(options)),
    moveEntry: useMutation(trpc.plans.moveEntry.mutationOptions(options)),
    copyDay: useMutation(trpc.plans.copyDay.mutationOptions(options)),
    addRecipe: useMutation(trpc.plans.addRecipe.mutationOptions(dishOptions)),
    updateDish: useMutation(trpc.plans.updateDish.mutationOptions(dishOptions)),
    removeDish: useMutation(trpc.plans.removeDish.mutationOptions(dishOptions)),
  };
  // Removing an entry can be undone for a few seconds (meal-tools.tsx).
  const removal = useUndoableRemoval(applyEdit, onError);
  const profileDiet = profile.data?.profile.diet;
  const searchDiet: "vegan" | "vegetarian" | "any" =
    profileDiet === "vegan" || profileDiet === "vegetarian" ? profileDiet : "any";

  return {
    planId,
    plan,
    totals,
    personId: totals.personId,
    /** The shown person's name when it is not the signed-in account's own person. */
    otherPersonName: totals.personId === ownTotals.personId ? undefined : totals.personName,
    setPersonId,
    searchDiet,
    selectedDay,
    setSelectedDay: selectDay,
    /** Whether the shown day's entries are here (else the whole plan is being fetched). */
    dayLoaded,
    /** Why the whole plan could not be fetched, if it could not. */
    dayLoadError: dayLoaded ? null : (planQuery.error?.message ?? null),
    retryDayLoad: () => void planQuery.refetch(),
    error,
    applyEdit,
    mutations,
    removal,
  };
}

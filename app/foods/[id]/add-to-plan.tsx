"use client";
/**
 * "Add to plan" on a food's page: choose a plan, a day, a meal and an amount (with its
 * B12 shown before adding), then plans.addEntry.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { AddToPlanButton, usePlanChoice } from "@/app/_components/add-to-plan-choice";
import { useTRPC } from "@/app/_trpc/client";
import { ChooseAmount } from "@/app/plans/[planId]/add-food";
import { MEAL_OPTIONS, type Meal } from "@/server/domain/vocabulary";
import type { RouterOutputs } from "@/server/trpc/root";

type Food = RouterOutputs["foods"]["get"];
const MEALS = MEAL_OPTIONS;

export function AddToPlan(props: { food: Food }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const { open, setOpen, setPlanId, added, setAdded, openButton, plans, list, plan } =
    usePlanChoice();
  const [day, setDay] = useState(1);
  const [meal, setMeal] = useState<Meal>("breakfast");
  const [error, setError] = useState<string | null>(null);
  const addEntry = useMutation(
    trpc.plans.addEntry.mutationOptions({
      onSuccess: (result) => {
        setError(null);
        setOpen(false);
        const mealLabel = MEALS.find((item) => item.meal === meal)?.label ?? meal;
        setAdded({
          planId: result.plan.id,
          text: `Added to ${result.plan.name}, day ${day}, ${mealLabel.toLowerCase()}.`,
        });
        void queryClient.invalidateQueries({ queryKey: trpc.foods.recent.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.plans.list.queryKey() });
      },
      onError: (failure) => setError(failure.message),
    }),
  );

  if (!open) {
    return (
      <AddToPlanButton
        className="stack"
        openButton={openButton}
        added={added}
        onOpen={() => {
          setAdded(null);
          setOpen(true);
        }}
      />
    );
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the form
    <div
      className="card stack add-to-plan"
      onKeyDown={(event) => {
        if (event.key === "Escape") setOpen(false);
      }}
    >
      <h2 className="card-title">Add {props.food.name} to a plan</h2>
      {plans.isFetched && list.length === 0 ? (
        <p>
          You have no plans yet. <Link href="/plans">Create a plan</Link> first.
        </p>
      ) : (
        <>
          <div className="add-to-plan-fields">
            <div className="field">
              <label htmlFor={`${ids}-plan`}>Plan</label>
              <select
                id={`${ids}-plan`}
                value={plan?.id ?? ""}
                onChange={(event) => {
                  setPlanId(event.target.value);
                  setDay(1);
                }}
              >
                {list.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${ids}-day`}>Day</label>
              <select
                id={`${ids}-day`}
                value={day}
                onChange={(event) => setDay(Number(event.target.value))}
              >
                {Array.from({ length: plan?.dayCount ?? 1 }, (_, index) => index + 1).map(
                  (number) => (
                    <option key={number} value={number}>
                      Day {number}
                    </option>
                  ),
                )}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${ids}-meal`}>Meal</label>
              <select
                id={`${ids}-meal`}
                value={meal}
                onChange={(event) => setMeal(event.target.value as Meal)}
              >
                {MEALS.map((item) => (
                  <option key={item.meal} value={item.meal}>
                    {item.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {plan && (
            <ChooseAmount
              food={props.food}
              mealLabel={MEALS.find((item) => item.meal === meal)?.label ?? "meal"}
              busy={addEntry.isPending}
              focusAmount={false}
              onAdd={(amount) =>
                addEntry.mutate({ planId: plan.id, day, meal, foodId: props.food.id, ...amount })
              }
              onBack={() => setOpen(false)}
            />
          )}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </div>
  );
}

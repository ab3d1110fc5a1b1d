"use client";
/**
 * "Add to plan" on a food's page: choose a plan, a day, a meal and an amount (with its
 * B12 shown before adding), then plans.addEntry.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  AddToPlanButton,
  AddToPlanPanel,
  MealField,
  PlanField,
  usePlanChoice,
} from "@/app/_components/add-to-plan-choice";
import { useTRPC } from "@/app/_trpc/client";
import { ChooseAmount } from "@/app/plans/[planId]/add-food";
import { MEAL_LABELS, type Meal } from "@/server/domain/vocabulary";
import type { RouterOutputs } from "@/server/trpc/root";

type Food = RouterOutputs["foods"]["get"];

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
        const mealLabel = MEAL_LABELS[meal];
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
    <AddToPlanPanel
      title={`Add ${props.food.name} to a plan`}
      className="add-to-plan"
      noPlans={plans.isFetched && list.length === 0}
      onClose={() => setOpen(false)}
    >
      <div className="add-to-plan-fields">
        <PlanField
          id={`${ids}-plan`}
          plans={list}
          value={plan?.id ?? ""}
          onChange={(id) => {
            setPlanId(id);
            setDay(1);
          }}
        />
        <div className="field">
          <label htmlFor={`${ids}-day`}>Day</label>
          <select
            id={`${ids}-day`}
            value={day}
            onChange={(event) => setDay(Number(event.target.value))}
          >
            {Array.from({ length: plan?.dayCount ?? 1 }, (_, index) => index + 1).map((number) => (
              <option key={number} value={number}>
                Day {number}
              </option>
            ))}
          </select>
        </div>
        <MealField id={`${ids}-meal`} value={meal} onChange={setMeal} />
      </div>
      {plan && (
        <ChooseAmount
          food={props.food}
          mealLabel={MEAL_LABELS[meal]}
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
    </AddToPlanPanel>
  );
}

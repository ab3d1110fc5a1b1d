"use client";
/**
 * "Add to plan" on a recipe's page: a plan, one or several days (or the whole plan), a
 * meal and a number of servings; one plans.addRecipe per day. The dish counts in the
 * plan's totals as its ingredients.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  AddToPlanButton,
  AddToPlanPanel,
  MealField,
  PlanField,
  usePlanChoice,
} from "@/app/_components/add-to-plan-choice";
import { useTRPC, useTRPCClient } from "@/app/_trpc/client";
import { MEAL_LABELS, type Meal } from "@/server/domain/vocabulary";
import { formatServings } from "../recipe-format";
import type { Recipe } from "../recipe-types";
import styles from "../recipes.module.css";

export function AddRecipeToPlan({ recipe }: { recipe: Recipe }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const ids = useId();
  const { open, setOpen, setPlanId, added, setAdded, openButton, plans, list, plan } =
    usePlanChoice();
  const [days, setDays] = useState<number[]>([1]);
  const [meal, setMeal] = useState<Meal>("dinner");
  const [servings, setServings] = useState("1");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string; text: string } | null>(null);
  const dayCount = plan?.dayCount ?? 1;

  const toggleDay = (day: number, on: boolean) =>
    setDays((current) =>
      on ? [...new Set([...current, day])].sort((a, b) => a - b) : current.filter((d) => d !== day),
    );

  const add = async () => {
    if (!plan) return;
    const count = Number(servings.replace(",", "."));
    if (servings.trim() === "" || !Number.isFinite(count) || count <= 0) {
      setError({ field: "servings", text: "Enter a number of servings greater than 0." });
      return;
    }
    const chosen = days.filter((day) => day <= dayCount);
    if (chosen.length === 0) {
      setError({ field: "days", text: "Choose at least one day." });
      return;
    }
    setBusy(true);
    setError(null);
    let done = 0;
    try {
      // One dish per day, one call each (a request holds at most one heavy write).
      for (const day of chosen) {
        await client.plans.addRecipe.mutate({
          planId: plan.id,
          day,
          meal,
          recipeId: recipe.id,
          servings: count,
        });
        done += 1;
      }
      setOpen(false);
      setAdded({
        planId: plan.id,
        text: `Added ${formatServings(count)} of ${recipe.name} to ${plan.name}, ${MEAL_LABELS[meal].toLowerCase()} on ${
          chosen.length === dayCount && dayCount > 1
            ? `all ${dayCount} days`
            : chosen.length === 1
              ? `day ${chosen[0]}`
              : `days ${chosen.join(", ")}`
        }.`,
      });
    } catch (failure) {
      const data = (failure as { data?: { field?: string | null } }).data;
      const message = failure instanceof Error ? failure.message : "Not added.";
      setError({
        field: data?.field === "servings" ? "servings" : "form",
        text: done > 0 ? `Added to ${done} of ${chosen.length} days, then: ${message}` : message,
      });
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: trpc.plans.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.recipes.pathKey() });
    }
  };

  if (!open) {
    return (
      <AddToPlanButton
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
      title={`Add ${recipe.name} to a plan`}
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
            setDays([1]);
          }}
        />
        <MealField id={`${ids}-meal`} value={meal} onChange={setMeal} />
        <div className="field">
          <label htmlFor={`${ids}-servings`}>Servings</label>
          <input
            id={`${ids}-servings`}
            type="text"
            inputMode="decimal"
            value={servings}
            onChange={(event) => setServings(event.target.value)}
            aria-invalid={error?.field === "servings" ? true : undefined}
            aria-describedby={error?.field === "servings" ? `${ids}-servings-error` : undefined}
          />
          {error?.field === "servings" && (
            <p className="field-error" id={`${ids}-servings-error`}>
              {error.text}
            </p>
          )}
        </div>
      </div>
      <fieldset>
        <legend>Days</legend>
        <p className="actions">
          <button
            type="button"
            className="link-button"
            onClick={() => setDays(Array.from({ length: dayCount }, (_, index) => index + 1))}
          >
            Every day
          </button>
          <button type="button" className="link-button" onClick={() => setDays([])}>
            None
          </button>
        </p>
        <div className={styles.dayChoices}>
          {Array.from({ length: dayCount }, (_, index) => index + 1).map((day) => (
            <label key={day} className="choice">
              <input
                type="checkbox"
                checked={days.includes(day)}
                onChange={(event) => toggleDay(day, event.target.checked)}
              />
              Day {day}
            </label>
          ))}
        </div>
        {error?.field === "days" && <p className="field-error">{error.text}</p>}
      </fieldset>
      {error?.field === "form" && (
        <p className="field-error" role="alert">
          {error.text}
        </p>
      )}
      <p className="actions">
        <button type="button" disabled={busy || !plan} onClick={() => void add()}>
          {busy ? "Adding…" : "Add to plan"}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </p>
    </AddToPlanPanel>
  );
}

"use client";
/**
 * "Add a recipe" in a meal: one of the household's recipes and a number of servings
 * (plans.addRecipe). The dish then counts in the meal as its ingredients.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { formatMicrograms } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/client";
import styles from "@/app/recipes/recipes.module.css";

export function AddRecipe(props: {
  mealLabel: string;
  busy: boolean;
  onAdd: (recipeId: string, servings: number) => Promise<void>;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const ids = useId();
  const recipes = useQuery({ ...trpc.recipes.list.queryOptions(), staleTime: 0 });
  const items = recipes.data?.items ?? [];
  const [recipeId, setRecipeId] = useState("");
  const [servings, setServings] = useState("1");
  const [error, setError] = useState<string | null>(null);
  const chosen = items.find((item) => item.id === recipeId) ?? items[0];

  if (recipes.isFetched && items.length === 0) {
    return (
      <div className="add-food card">
        <p>
          No recipes yet.{" "}
          <Link prefetch={false} href="/recipes/new">
            Write a recipe
          </Link>{" "}
          (or paste one), then add it here.
        </p>
        <button type="button" className="secondary" onClick={props.onClose}>
          Close
        </button>
      </div>
    );
  }

  return (
    <form
      className={`add-food card ${styles.addRecipe}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        const value = Number(servings.replace(",", "."));
        if (servings.trim() === "" || !Number.isFinite(value) || value <= 0 || value > 100) {
          setError("Servings: a number greater than 0, at most 100.");
          return;
        }
        setError(null);
        void props.onAdd(chosen.id, value).catch((failure: unknown) => {
          setError(failure instanceof Error ? failure.message : "Not added.");
        });
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") props.onClose();
      }}
    >
      <div>
        <label htmlFor={`${ids}-recipe`}>Recipe to add to {props.mealLabel.toLowerCase()}</label>
        <select
          id={`${ids}-recipe`}
          value={chosen?.id ?? ""}
          onChange={(event) => setRecipeId(event.target.value)}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to add a recipe here
          autoFocus
        >
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name} ({item.b12Complete ? "" : "≥ "}
              {formatMicrograms(item.b12PerServingMicrograms)} µg a serving)
            </option>
          ))}
        </select>
      </div>
      <div className={styles.narrow}>
        <label htmlFor={`${ids}-servings`}>Servings</label>
        <input
          id={`${ids}-servings`}
          type="text"
          inputMode="decimal"
          value={servings}
          onChange={(event) => setServings(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids}-error` : undefined}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={props.busy || !chosen}>
          Add recipe<span className="sr-only"> to {props.mealLabel.toLowerCase()}</span>
        </button>
        <button type="button" className="secondary" onClick={props.onClose}>
          Close
        </button>
      </div>
      {error && (
        <p className="field-error" id={`${ids}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

"use client";
/**
 * A recipe eaten in a meal (a "dish"): one line, "Lentil soup · 1.5 servings · 2.1 µg",
 * that opens to its ingredients in the dish's amounts; servings can be changed and the
 * dish removed. Its B12 and the scaled grams come from the server (plans.get dishes).
 */
import Link from "next/link";
import { useId, useState } from "react";
import { formatB12, formatGrams, formatMicrograms } from "@/app/_lib/format";
import { formatQuantity, formatServings } from "@/app/recipes/recipe-format";
import styles from "@/app/recipes/recipes.module.css";
import type { Dish } from "./use-plan-editor";

export function DishRow(props: {
  dish: Dish;
  onUpdate: (dishId: string, servings: number) => void;
  onRemove: (dishId: string) => void;
}) {
  const { dish } = props;
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [servings, setServings] = useState(formatQuantity(dish.servings));
  const [error, setError] = useState<string | null>(null);
  const unknown = dish.ingredients.filter((item) => item.b12Micrograms === null).length;

  return (
    <li className={styles.dish} data-dish={dish.recipeName}>
      <div className={styles.dishMain}>
        <button
          type="button"
          className={styles.dishToggle}
          aria-expanded={open}
          aria-controls={`${ids}-ingredients`}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? "▾" : "▸"}</span> {dish.recipeName} ·{" "}
          {formatServings(dish.servings)}
          <span className="sr-only"> (recipe; show its ingredients)</span>
        </button>
        <span className={styles.dishB12}>
          {formatMicrograms(dish.b12Micrograms)} µg{dish.b12Complete ? "" : " or more"}
        </span>
      </div>
      {open && (
        <div id={`${ids}-ingredients`} className="stack">
          <ul className={styles.dishIngredients} aria-label={`Ingredients of ${dish.recipeName}`}>
            {dish.ingredients.map((item, index) => (
              // Ingredient lines have no id of their own in a dish; their order is stable.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index}>
                <span>
                  {item.text}
                  {item.grams !== null && (
                    <span className="muted"> · {formatGrams(item.grams)}</span>
                  )}
                </span>
                <span className={item.b12Micrograms === null ? "warn-text" : undefined}>
                  {item.b12Micrograms === null ? "B12 unknown" : formatB12(item.b12Micrograms)}
                </span>
              </li>
            ))}
          </ul>
          {unknown > 0 && (
            <p className="small warn-text">
              {unknown} {unknown === 1 ? "line has" : "lines have"} no B12 data; the dish’s total is
              a lower bound.
            </p>
          )}
          <p className="small">
            <Link prefetch={false} href={`/recipes/${encodeURIComponent(dish.recipeId)}`}>
              Open the recipe ({formatServings(dish.recipeServings)})
            </Link>
          </p>
        </div>
      )}
      {editing ? (
        <form
          className={styles.dishServings}
          onSubmit={(event) => {
            event.preventDefault();
            const value = Number(servings.replace(",", "."));
            if (servings.trim() === "" || !Number.isFinite(value) || value <= 0 || value > 100) {
              setError("Servings: a number greater than 0, at most 100.");
              return;
            }
            setError(null);
            props.onUpdate(dish.id, value);
            setEditing(false);
          }}
        >
          <div>
            <label htmlFor={`${ids}-servings`}>Servings of {dish.recipeName}</label>
            <input
              id={`${ids}-servings`}
              type="text"
              inputMode="decimal"
              value={servings}
              onChange={(event) => setServings(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${ids}-error` : undefined}
              // biome-ignore lint/a11y/noAutofocus: the person just asked to change the servings
              autoFocus
            />
          </div>
          <button type="submit">Save servings</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setEditing(false);
              setError(null);
              setServings(formatQuantity(dish.servings));
            }}
          >
            Cancel
          </button>
          {error && (
            <p className="field-error" id={`${ids}-error`}>
              {error}
            </p>
          )}
        </form>
      ) : (
        <div className="actions entry-actions">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setServings(formatQuantity(dish.servings));
              setEditing(true);
            }}
          >
            Change servings<span className="sr-only"> of {dish.recipeName}</span>
          </button>
          <button type="button" className="link-button" onClick={() => props.onRemove(dish.id)}>
            Remove<span className="sr-only"> {dish.recipeName}</span>
          </button>
        </div>
      )}
    </li>
  );
}

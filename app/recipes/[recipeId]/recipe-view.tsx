"use client";
/**
 * A recipe's page: B12 per serving (a lower bound, with the unknown lines named, when a
 * line has no B12 data), the verdict for one serving against the viewer's target, the
 * diet it fits, the ingredients with their share of the B12 (and a mark on those that
 * carry it), a servings control that scales the shown amounts, steps and notes, and the
 * actions. Every B12 figure and the status come from the server (recipes.get).
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { DIET_LABEL, formatB12, formatGrams, formatMicrograms } from "@/app/_lib/format";
import { statusClass } from "@/app/_lib/status";
import { useTRPC } from "@/app/_trpc/client";
import { formatQuantity, formatServings } from "../recipe-format";
import type { Recipe, RecipeIngredient } from "../recipe-types";
import styles from "../recipes.module.css";
import { AddRecipeToPlan } from "./add-recipe-to-plan";
import { RecipeActions, ScaledCopy } from "./recipe-actions";

export function RecipeView({ initialRecipe }: { initialRecipe: Recipe }) {
  const trpc = useTRPC();
  const ids = useId();
  const recipe = useQuery({
    ...trpc.recipes.get.queryOptions({ recipeId: initialRecipe.id }),
    initialData: initialRecipe,
  }).data;
  const [servingsText, setServingsText] = useState(formatQuantity(recipe.servings));
  const typed = Number(servingsText.replace(",", "."));
  const validServings = servingsText.trim() !== "" && Number.isFinite(typed) && typed > 0;
  const shownServings = validServings ? typed : recipe.servings;
  const scale = shownServings / recipe.servings;
  const unknown = recipe.ingredients.filter((item) => item.b12Micrograms === null);

  return (
    <article className="stack">
      <p className="small">
        <Link href="/recipes">← All recipes</Link>
      </p>
      <h1>{recipe.name}</h1>
      <p className="badges">
        <span className={`badge ${recipe.diet}`}>{DIET_LABEL[recipe.diet]}</span>
        {!recipe.b12Complete && <span className="badge unknown">Some B12 unknown</span>}
      </p>
      {!recipe.dietComplete && (
        <p className="small muted">
          Lines kept as text are not checked for diet; make sure they fit (
          {recipe.ingredients
            .filter((item) => item.foodId === null)
            .map((item) => `“${item.text}”`)
            .join(", ")}
          ).
        </p>
      )}

      <section className="summary-grid" aria-label="B12 in this recipe">
        <div className={`card ${styles.headline}`}>
          <h2 className="card-title">B12 per serving</h2>
          <p className={styles.bigNumber}>
            {recipe.b12Complete ? "" : "at least "}
            {formatMicrograms(recipe.b12PerServingMicrograms)} µg
          </p>
          <p className="small muted">
            {formatMicrograms(recipe.b12TotalMicrograms)} µg
            {recipe.b12Complete ? "" : " or more"} in the whole recipe, which makes{" "}
            {formatServings(recipe.servings)}.
          </p>
          {unknown.length > 0 && (
            <p className="small warn-text">
              {unknown.length} {unknown.length === 1 ? "line has" : "lines have"} no B12 data, so
              this is a lower bound: {unknown.map((item) => `“${item.text}”`).join(", ")}.
            </p>
          )}
        </div>
        <section
          className={`card${statusClass(recipe.verdict.status)}`}
          aria-labelledby={`${ids}-verdict`}
          data-status={recipe.verdict.status}
        >
          <h2 id={`${ids}-verdict`} className="card-title">
            {verdictHeadline(recipe.verdict.status, recipe.b12Complete)}
          </h2>
          {recipe.verdict.reason && <p>{recipe.verdict.reason}</p>}
          {recipe.verdict.targetMicrograms !== null && (
            <p className="small muted">
              Your target: {formatMicrograms(recipe.verdict.targetMicrograms)} µg a day (
              <Link href="/profile">profile</Link>).
            </p>
          )}
        </section>
      </section>

      <RecipeActions recipe={recipe} />
      <AddRecipeToPlan recipe={recipe} />

      <section className="card stack" aria-labelledby={`${ids}-ingredients`}>
        <h2 id={`${ids}-ingredients`} className="card-title">
          Ingredients
        </h2>
        <div className={styles.scaleRow}>
          <div>
            <label htmlFor={`${ids}-servings`}>Show amounts for</label>
            <input
              id={`${ids}-servings`}
              type="text"
              inputMode="decimal"
              value={servingsText}
              onChange={(event) => setServingsText(event.target.value)}
              aria-describedby={`${ids}-servings-hint`}
              aria-invalid={validServings ? undefined : true}
            />
          </div>
          <p id={`${ids}-servings-hint`} className="small muted">
            {validServings
              ? `servings (the recipe makes ${formatServings(recipe.servings)})`
              : "Enter a number of servings greater than 0."}
          </p>
          {validServings && shownServings !== recipe.servings && (
            <ScaledCopy recipe={recipe} servings={shownServings} />
          )}
        </div>
        <div className={styles.tableWrap}>
          <table className={styles.ingredients}>
            <caption className="sr-only">
              Ingredients for {formatServings(shownServings)} and their share of the B12
            </caption>
            <thead>
              <tr>
                <th scope="col">Ingredient</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  B12 share
                </th>
              </tr>
            </thead>
            <tbody>
              {recipe.ingredients.map((item) => (
                <IngredientRow key={item.id} item={item} scale={scale} />
              ))}
            </tbody>
          </table>
        </div>
        {recipe.ingredients.some((item) => item.carriesB12) && (
          <p className="small muted">
            <span className={styles.carriesMark} aria-hidden="true">
              ●
            </span>
            marks the ingredients that carry the B12.
          </p>
        )}
      </section>

      {recipe.steps && (
        <section className="card" aria-labelledby={`${ids}-steps`}>
          <h2 id={`${ids}-steps`} className="card-title">
            Steps
          </h2>
          <p className={styles.steps}>{recipe.steps}</p>
        </section>
      )}
      {recipe.notes && (
        <section className="card" aria-labelledby={`${ids}-notes`}>
          <h2 id={`${ids}-notes`} className="card-title">
            Notes
          </h2>
          <p className={styles.steps}>{recipe.notes}</p>
        </section>
      )}
    </article>
  );
}

function verdictHeadline(status: Recipe["verdict"]["status"], complete: boolean): string {
  if (status === "no-target") return "No target to judge one serving against";
  if (status === "meets") return "✓ One serving gives enough B12 for the day";
  return complete
    ? "▼ One serving alone is short of your daily B12"
    : "▼ One serving alone looks short of your daily B12 (some lines have no B12 data)";
}

/** The amount at the shown number of servings: "1.5 × 1 cup (360 g)", "300 g", "—". */
function scaledAmount(item: RecipeIngredient, scale: number): string {
  if (item.grams === null) return "—";
  const grams = formatGrams(item.grams * scale);
  if (item.portionLabel && item.quantity !== null) {
    return `${formatQuantity(item.quantity * scale)} × ${item.portionLabel} (${grams})`;
  }
  return grams;
}

function IngredientRow({ item, scale }: { item: RecipeIngredient; scale: number }) {
  const unknown = item.b12Micrograms === null;
  return (
    <tr>
      <td>
        {item.carriesB12 && (
          <span className={styles.carriesMark} role="img" aria-label="Carries B12">
            ●
          </span>
        )}
        <span className={item.carriesB12 ? styles.carries : undefined}>{item.text}</span>
        {item.foodId && item.foodName && item.foodName !== item.text && (
          <span className={`small muted ${styles.foodName}`}>
            <Link href={`/foods/${encodeURIComponent(item.foodId)}`}>{item.foodName}</Link>
          </span>
        )}
        {item.foodId === null && <span className="small muted"> · kept as text, not counted</span>}
      </td>
      <td className="num" data-label="Amount">
        {scaledAmount(item, scale)}
      </td>
      <td
        className={`num ${unknown ? styles.unknownCell : styles.share}`}
        data-label={unknown ? undefined : "B12 share"}
      >
        {unknown
          ? "B12 unknown"
          : item.sharePercent === null
            ? formatB12(item.b12Micrograms)
            : `${item.sharePercent >= 10 ? Math.round(item.sharePercent) : Number(item.sharePercent.toFixed(1))}%`}
      </td>
    </tr>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { DIET_LABEL, formatMicrograms } from "@/app/_lib/format";
import { serverCaller } from "@/app/_trpc/server";
import { formatServings } from "./recipe-format";
import styles from "./recipes.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Recipes" };

/** The household's recipes: B12 per serving (a lower bound when a line is unknown), diet, use. */
export default async function RecipesPage() {
  const { items } = await serverCaller().recipes.list();
  return (
    <>
      <h1>Recipes</h1>
      <p className="lede">
        Dishes you cook, with their B12 per serving. Add a recipe to a plan and it counts as its
        ingredients.
      </p>
      <p className="actions">
        <Link href="/recipes/new" className="button">
          New recipe
        </Link>
      </p>
      {items.length === 0 ? (
        <div className="card stack">
          <h2 className="card-title">No recipes yet</h2>
          <p>
            Paste the ingredient list of a dish you cook (or import a recipe page's JSON-LD): each
            line is matched with a food, and the recipe shows how much B12 one serving gives. Lines
            that match no food are kept as text and marked, never dropped.
          </p>
          <p>
            <Link href="/recipes/new">Write your first recipe</Link>
          </p>
        </div>
      ) : (
        <ul className={styles.list}>
          {items.map((recipe) => (
            <li key={recipe.id} className={`card ${styles.row}`}>
              <Link href={`/recipes/${encodeURIComponent(recipe.id)}`} className="plan-name">
                {recipe.name}
              </Link>
              <span className={styles.perServing}>
                {recipe.b12Complete ? "" : "at least "}
                {formatMicrograms(recipe.b12PerServingMicrograms)} µg B12 per serving
              </span>
              <span className="muted small">
                {formatServings(recipe.servings)} · {recipe.ingredientCount}{" "}
                {recipe.ingredientCount === 1 ? "ingredient" : "ingredients"} ·{" "}
                {recipe.usedInPlanCount === 0
                  ? "not in a plan"
                  : `used in ${recipe.usedInPlanCount} ${recipe.usedInPlanCount === 1 ? "plan" : "plans"}`}
              </span>
              <span className="badges">
                <span className={`badge ${recipe.diet}`}>{DIET_LABEL[recipe.diet]}</span>
                {!recipe.b12Complete && <span className="badge unknown">Some B12 unknown</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

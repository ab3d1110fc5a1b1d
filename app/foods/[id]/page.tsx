import type { Metadata } from "next";
import Link from "next/link";
import { FavoriteStar } from "@/app/_components/favorite-star";
import { FoodBadges } from "@/app/_components/food-badges";
import { DIET_LABEL, formatB12, formatGrams, formatNutrient } from "@/app/_lib/format";
import { callOrNotFound, serverCaller } from "@/app/_trpc/server";
import { LABEL_EDITION_INFO } from "@/server/domain/b12-amounts";
import { AddToPlan } from "./add-to-plan";
import { DeleteCustomFood } from "./delete-custom-food";
import { DietCorrection } from "./diet-correction";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function loadFood(id: string) {
  return callOrNotFound(() => serverCaller().foods.get({ id: decodeURIComponent(id) }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const food = await loadFood((await params).id);
  return { title: food.name };
}

export default async function FoodPage({ params }: Props) {
  const food = await loadFood((await params).id);
  const nutrients = food.nutrientsPerHundredGrams;

  return (
    <article className="stack">
      <p className="small">
        <Link href="/foods">← Back to food search</Link>
      </p>
      <div className="title-with-star">
        <h1>{food.name}</h1>
        <FavoriteStar foodId={food.id} foodName={food.name} favorite={food.favorite} />
      </div>
      <FoodBadges food={food} />
      <p className="muted">
        {food.group?.name ?? "No food group"}
        {food.manufacturer ? ` · ${food.manufacturer}` : ""}
      </p>

      <AddToPlan food={food} />

      {food.typicalLabelValue && food.sourceNote && (
        <div className="alert warn">
          <strong>Typical label value: check your product.</strong>{" "}
          {food.sourceNote.replace(/^Typical label value: check your product\.\s*/, "")}
        </div>
      )}

      <section className="facts" aria-label="Vitamin B12">
        <div className="card">
          <h2 className="card-title">Vitamin B12 per 100 g</h2>
          {food.b12PerHundredGrams === null ? (
            <>
              <p className="big-number">Unknown</p>
              <p className="small muted">
                USDA SR28 has no B12 value for this food. It is not counted as zero: a day that
                includes it will say its total is a lower bound.
              </p>
            </>
          ) : (
            <p className="big-number">{formatB12(food.b12PerHundredGrams)}</p>
          )}
        </div>
        <div className="card">
          <h2 className="card-title">Added B12 (fortified)</h2>
          <p className="big-number">{food.b12Fortified ? "Yes" : "No"}</p>
          <p className="small muted">
            {food.b12Fortified
              ? (food.fortifiedReason ?? "Marked as fortified.")
              : "No sign of added B12 in the data."}
          </p>
        </div>
      </section>

      <section aria-labelledby="portions-heading">
        <h2 id="portions-heading">B12 per portion</h2>
        {food.portions.length === 0 ? (
          <p className="muted">SR28 lists no household portions for this food; use grams.</p>
        ) : (
          <div className="card">
            <table>
              <caption className="sr-only">Vitamin B12 in each household portion</caption>
              <thead>
                <tr>
                  <th scope="col">Portion</th>
                  <th scope="col" className="num">
                    Weight
                  </th>
                  <th scope="col" className="num">
                    B12
                  </th>
                </tr>
              </thead>
              <tbody>
                {food.portions.map((portion) => (
                  <tr key={portion.id}>
                    <td>{portion.label}</td>
                    <td className="num">{formatGrams(portion.grams)}</td>
                    <td className="num">{formatB12(portion.b12Micrograms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="nutrients-heading">
        <h2 id="nutrients-heading">Energy and macronutrients per 100 g</h2>
        <div className="card">
          <dl className="pairs">
            <dt>Energy</dt>
            <dd>{formatNutrient(nutrients.energyKcal, "kcal")}</dd>
            <dt>Protein</dt>
            <dd>{formatNutrient(nutrients.proteinGrams, "g")}</dd>
            <dt>Fat</dt>
            <dd>{formatNutrient(nutrients.fatGrams, "g")}</dd>
            <dt>Carbohydrate</dt>
            <dd>{formatNutrient(nutrients.carbohydrateGrams, "g")}</dd>
            <dt>Fibre</dt>
            <dd>{formatNutrient(nutrients.fibreGrams, "g")}</dd>
          </dl>
        </div>
      </section>

      <section aria-labelledby="diet-heading">
        <h2 id="diet-heading">Diet</h2>
        <div className="card stack">
          <p>
            <strong>{DIET_LABEL[food.diet]}</strong>{" "}
            <span className="muted">({food.dietReason})</span>
          </p>
          <DietCorrection
            foodId={food.id}
            diet={food.diet}
            classifiedDiet={food.classifiedDiet}
            corrected={food.dietCorrected}
          />
        </div>
      </section>

      <section aria-labelledby="source-heading">
        <h2 id="source-heading">Source</h2>
        <div className="card">
          {food.source === "usda" && (
            <p>
              USDA National Nutrient Database for Standard Reference, Release 28 (SR28), NDB number{" "}
              <strong>{food.ndbNumber}</strong>. Public domain.
            </p>
          )}
          {food.source === "curated" && (
            <p>
              A curated entry, not part of SR28: a typical label value from the label examples in
              the project’s sourced reference (see the note above). Your product’s label wins.
            </p>
          )}
          {food.source === "custom" && food.label && (
            <>
              <p>
                Entered by you from a product label: {formatB12(food.label.b12Micrograms)} per
                serving of {formatGrams(food.label.servingGrams)}
                {food.label.percentDailyValue !== null
                  ? ` (${food.label.percentDailyValue}% on a label of this kind: ${LABEL_EDITION_INFO[food.label.labelEdition ?? "current"].label})`
                  : ""}
                .
              </p>
              <div className="actions">
                <Link
                  className="button secondary"
                  href={`/foods/${encodeURIComponent(food.id)}/edit`}
                >
                  Edit this food
                </Link>
                <DeleteCustomFood foodId={food.id} name={food.name} />
              </div>
            </>
          )}
        </div>
      </section>
    </article>
  );
}

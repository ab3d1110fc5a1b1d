"use client";
/**
 * The ingredient lines of the recipe form: each line as written, the amount read from it,
 * its food (the best match, the alternatives, "keep as text" or a search for another
 * food) and its grams. A line without a food or grams is kept as text and says it is not
 * counted; nothing is dropped unless the person removes it.
 */
import { Fragment, useState } from "react";
import { AddFood } from "@/app/plans/[planId]/add-food";
import { type DraftLine, type FormErrors, gramsText } from "./recipe-form-values";
import styles from "./recipes.module.css";

const KEEP_AS_TEXT = "__text";
const SEARCH = "__search";

export function IngredientLines(props: {
  lines: DraftLine[];
  errors: FormErrors;
  idPrefix: string;
  onChange: (key: string, patch: Partial<DraftLine>) => void;
  onRemove: (key: string) => void;
}) {
  const [searching, setSearching] = useState<string | null>(null);
  if (props.lines.length === 0) {
    return (
      <p className="muted small">
        No ingredient lines yet: paste the list above and choose “Read the lines”.
      </p>
    );
  }
  return (
    <table className={styles.lines}>
      <caption className="sr-only">Ingredient lines and the foods they were matched with</caption>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Amount read</th>
          <th scope="col">Food</th>
          <th scope="col">Grams</th>
          <th scope="col">
            <span className="sr-only">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.lines.map((line, index) => {
          const id = `${props.idPrefix}-line-${line.key}`;
          const error = props.errors[`lines.${line.key}`];
          const counted = line.foodId !== null && line.grams.trim() !== "";
          const label = line.text || line.foodName || `Line ${index + 1}`;
          return (
            <Fragment key={line.key}>
              <tr className={counted ? undefined : styles.unmatched} data-line={index}>
                <td data-label="Line" className={styles.lineCell}>
                  <span className={styles.lineText}>{line.text || "(no text)"}</span>
                  {!counted && (
                    <span className={styles.lineFlag}>
                      {line.foodId === null
                        ? "Kept as text, not counted: B12 unknown"
                        : "No grams: not counted (B12 unknown) until you enter them"}
                    </span>
                  )}
                </td>
                <td data-label="Amount read" className={styles.amountCell}>
                  {line.amountRead || "—"}
                </td>
                <td data-label="Food" className={styles.foodCell}>
                  <label htmlFor={`${id}-food`} className="sr-only">
                    Food for “{label}”
                  </label>
                  <select
                    id={`${id}-food`}
                    value={line.foodId ?? KEEP_AS_TEXT}
                    onChange={(event) => {
                      const value = event.target.value;
                      if (value === SEARCH) {
                        setSearching(line.key);
                        return;
                      }
                      if (value === KEEP_AS_TEXT) {
                        props.onChange(line.key, { foodId: null, foodName: null, portion: null });
                        return;
                      }
                      const candidate = line.candidates.find((item) => item.id === value);
                      props.onChange(line.key, {
                        foodId: value,
                        foodName: candidate?.name ?? null,
                        // The line's amount weighed for this food ("2 eggs" of duck eggs
                        // are not the grams of hens' eggs), when the parser offered it.
                        ...(candidate?.grams !== undefined
                          ? { grams: gramsText(candidate.grams) }
                          : {}),
                        // A portion belongs to the food it came with.
                        portion: null,
                      });
                    }}
                  >
                    {line.candidates.map((candidate) => (
                      <option key={candidate.id} value={candidate.id}>
                        {candidate.name}
                      </option>
                    ))}
                    <option value={KEEP_AS_TEXT}>Keep as text (not counted)</option>
                    <option value={SEARCH}>Search another food…</option>
                  </select>
                </td>
                <td data-label="Grams" className={styles.gramsCell}>
                  <label htmlFor={`${id}-grams`} className="sr-only">
                    Grams of “{label}”
                  </label>
                  <input
                    id={`${id}-grams`}
                    className={styles.gramsInput}
                    type="text"
                    inputMode="decimal"
                    value={line.grams}
                    disabled={line.foodId === null}
                    onChange={(event) =>
                      props.onChange(line.key, { grams: event.target.value, portion: null })
                    }
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  />
                  {error && (
                    <p className="field-error" id={`${id}-error`}>
                      {error}
                    </p>
                  )}
                </td>
                <td className={styles.removeCell}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => props.onRemove(line.key)}
                  >
                    Remove<span className="sr-only"> “{label}”</span>
                  </button>
                </td>
              </tr>
              {searching === line.key && (
                <tr className={styles.searchRow}>
                  <td colSpan={5}>
                    <AddFood
                      mealLabel="the recipe"
                      diet="any"
                      busy={false}
                      onAdd={(food, amount) => {
                        const portion =
                          "portionId" in amount
                            ? food.portions.find((item) => item.id === amount.portionId)
                            : undefined;
                        const grams =
                          "grams" in amount
                            ? amount.grams
                            : portion
                              ? portion.grams * amount.quantity
                              : null;
                        props.onChange(line.key, {
                          foodId: food.id,
                          foodName: food.name,
                          candidates: [
                            { id: food.id, name: food.name },
                            ...line.candidates.filter((item) => item.id !== food.id),
                          ],
                          grams: grams === null ? "" : String(Number(grams.toFixed(1))),
                          portion: "portionId" in amount ? amount : null,
                        });
                        setSearching(null);
                      }}
                      onClose={() => setSearching(null)}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

"use client";
/**
 * The recipe form, new and edit: name, servings, a pasted ingredient list read into lines
 * (recipes.parseIngredients) to confirm or change, or a recipe page's JSON-LD
 * (recipes.importJsonLd); steps and notes. Saving goes to the recipe's page. Editing a
 * recipe that plans use says, before saving, that their totals will change.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { ImportJsonLd } from "./import-json-ld";
import { IngredientLines } from "./ingredient-lines";
import {
  EMPTY_VALUES,
  fieldOfServerError,
  lineCounts,
  lineFromParsed,
  MAX_LINES,
  toInput,
  valuesFromDraft,
  valuesFromRecipe,
} from "./recipe-form-values";
import type { Recipe } from "./recipe-types";
import styles from "./recipes.module.css";
import { useRecipeForm } from "./use-recipe-form";

/** The parser's caps (recipes.parseIngredients answers BAD_REQUEST beyond). */
const MAX_PASTE_CHARACTERS = 20_000;

type ServerError = { message: string; data?: { field?: string | null } | null };

export function RecipeForm(props: { recipe?: Recipe }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const ids = useId();
  const editing = props.recipe;
  const form = useRecipeForm(editing ? valuesFromRecipe(editing) : EMPTY_VALUES);
  const { values, errors } = form;
  const [paste, setPaste] = useState("");
  const [pasteError, setPasteError] = useState<string | null>(null);
  const [readNote, setReadNote] = useState<string | null>(null);

  const onSaved = (recipeId: string) => {
    void queryClient.invalidateQueries({ queryKey: trpc.recipes.pathKey() });
    // Plans that use the recipe now count its new ingredients.
    void queryClient.invalidateQueries({ queryKey: trpc.plans.pathKey() });
    router.push(`/recipes/${encodeURIComponent(recipeId)}`);
    router.refresh();
  };
  const onServerError = (failure: ServerError) =>
    form.setErrors({ [fieldOfServerError(failure.data?.field ?? null, values)]: failure.message });
  const create = useMutation(
    trpc.recipes.create.mutationOptions({
      onSuccess: (recipe) => onSaved(recipe.id),
      onError: onServerError,
    }),
  );
  const update = useMutation(
    trpc.recipes.update.mutationOptions({
      onSuccess: (result) => onSaved(result.recipe.id),
      onError: onServerError,
    }),
  );
  const parse = useMutation(
    trpc.recipes.parseIngredients.mutationOptions({
      onSuccess: (result) => {
        setPasteError(null);
        setPaste("");
        form.appendLines(result.lines.map(lineFromParsed));
        const unmatched = result.lines.filter((line) => line.food === null).length;
        setReadNote(
          `Read ${result.lines.length} ${result.lines.length === 1 ? "line" : "lines"}` +
            (unmatched > 0
              ? `; ${unmatched} matched no food and ${unmatched === 1 ? "is" : "are"} kept as text.`
              : "."),
        );
      },
      onError: (failure) => setPasteError(failure.message),
    }),
  );

  const readLines = () => {
    if (paste.trim() === "") {
      setPasteError("Paste the ingredient list first, one ingredient per line.");
      return;
    }
    if (paste.length > MAX_PASTE_CHARACTERS) {
      setPasteError(`At most ${MAX_PASTE_CHARACTERS.toLocaleString("en-US")} characters at once.`);
      return;
    }
    parse.mutate({ text: paste });
  };

  const submit = () => {
    const result = toInput(values);
    if (!result.ok) {
      form.setErrors(result.errors);
      return;
    }
    form.setErrors({});
    if (editing) update.mutate({ recipeId: editing.id, ...result.input });
    else create.mutate(result.input);
  };

  const fieldError = (field: string) =>
    errors[field] ? (
      <p className="field-error" id={`${ids}-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;
  const invalid = (field: string) =>
    errors[field]
      ? { "aria-invalid": true as const, "aria-describedby": `${ids}-${field}-error` }
      : {};
  const counted = values.lines.filter(lineCounts).length;
  const asText = values.lines.length - counted;
  const saving = create.isPending || update.isPending;
  const usedIn = editing?.usedIn ?? [];

  return (
    // Not a <form>: the food search inside a line has its own form (forms cannot nest).
    <div className="stack">
      {!editing && (
        <ImportJsonLd
          onImported={(draft) => {
            form.setValues(valuesFromDraft(draft));
            form.setErrors({});
            setReadNote(
              `Imported “${draft.name}”: ${draft.lines.length} ingredient lines. Check the matches, then save.`,
            );
          }}
        />
      )}
      <div className="card stack">
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${ids}-name`}>Name</label>
            <input
              id={`${ids}-name`}
              type="text"
              value={values.name}
              onChange={(event) => form.set({ name: event.target.value })}
              {...invalid("name")}
            />
            {fieldError("name")}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-servings`}>Servings (how many it makes)</label>
            <input
              id={`${ids}-servings`}
              className={styles.servingsInput}
              type="text"
              inputMode="decimal"
              value={values.servings}
              onChange={(event) => form.set({ servings: event.target.value })}
              {...invalid("servings")}
            />
            {fieldError("servings")}
          </div>
        </div>
      </div>

      <section className="card stack" aria-labelledby={`${ids}-ingredients`}>
        <h2 id={`${ids}-ingredients`} className="card-title">
          Ingredients
        </h2>
        <div className="field">
          <label htmlFor={`${ids}-paste`}>
            {editing ? "Paste more ingredient lines" : "Paste the ingredient list"}
          </label>
          <textarea
            id={`${ids}-paste`}
            className={styles.pasteArea}
            value={paste}
            onChange={(event) => setPaste(event.target.value)}
            placeholder={
              "2 cups unsweetened soy milk\n1 tbsp nutritional yeast\n200 g firm tofu\n½ onion, chopped\na pinch of salt"
            }
            aria-describedby={`${ids}-paste-hint${pasteError ? ` ${ids}-paste-error` : ""}`}
            aria-invalid={pasteError ? true : undefined}
          />
          <p className="field-hint" id={`${ids}-paste-hint`}>
            One ingredient per line. Fractions (½, 1 1/2), ranges (2-3), metric, US and British
            units are read. Each line is matched with a food for you to confirm.
          </p>
          {pasteError && (
            <p className="field-error" id={`${ids}-paste-error`} role="alert">
              {pasteError}
            </p>
          )}
        </div>
        <p className="actions">
          <button
            type="button"
            className="secondary"
            disabled={parse.isPending || values.lines.length >= MAX_LINES}
            onClick={readLines}
          >
            {parse.isPending ? "Reading…" : "Read the lines"}
          </button>
        </p>
        <p role="status" className="small">
          {readNote}
        </p>
        <IngredientLines
          lines={values.lines}
          errors={errors}
          idPrefix={ids}
          onChange={form.updateLine}
          onRemove={form.removeLine}
        />
        {values.lines.length > 0 && (
          <p className="small muted">
            {counted} {counted === 1 ? "line counts" : "lines count"} towards B12
            {asText > 0 &&
              `; ${asText} not counted (B12 unknown, so the total will be a lower bound)`}
            .
          </p>
        )}
      </section>

      <div className="card stack">
        <div className="field">
          <label htmlFor={`${ids}-steps`}>Steps (optional)</label>
          <textarea
            id={`${ids}-steps`}
            className={styles.textArea}
            value={values.steps}
            onChange={(event) => form.set({ steps: event.target.value })}
            {...invalid("steps")}
          />
          {fieldError("steps")}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-notes`}>Notes (optional)</label>
          <textarea
            id={`${ids}-notes`}
            className={styles.textArea}
            value={values.notes}
            onChange={(event) => form.set({ notes: event.target.value })}
            {...invalid("notes")}
          />
          {fieldError("notes")}
        </div>
      </div>

      {usedIn.length > 0 && (
        <div className="alert warn">
          This recipe is used in {usedIn.length} {usedIn.length === 1 ? "plan" : "plans"} (
          {usedIn.map((plan) => plan.planName).join(", ")});{" "}
          {usedIn.length === 1 ? "its totals" : "their totals"} will change when you save.
        </div>
      )}
      {errors.form && (
        <div className="alert error" role="alert">
          Not saved: {errors.form}
        </div>
      )}
      {Object.keys(errors).some((key) => key !== "form") && (
        <p className="field-error" role="alert">
          Not saved: see the messages next to the fields.
        </p>
      )}
      <div className="actions">
        <button type="button" disabled={saving} onClick={submit}>
          {saving ? "Saving…" : editing ? "Save changes" : "Save recipe"}
        </button>
        <Link
          href={editing ? `/recipes/${encodeURIComponent(editing.id)}` : "/recipes"}
          className="button secondary"
        >
          Cancel
        </Link>
      </div>
    </div>
  );
}

"use client";
/**
 * Add or edit a food from a product label: serving size, B12 per serving in µg or as a
 * percentage of the label's reference (US Daily Values for adults, older labels, infants,
 * young children, pregnancy; the EU/UK NRV or RI), diet and fortified
 * flags, and optional household portions. The server converts and stores; this form
 * only collects and shows the server's preview.
 */
import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useState } from "react";
import { DIET_LABEL, formatB12 } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/client";
import { LABEL_EDITION_INFO, type LabelEdition } from "@/server/domain/b12-amounts";
import type { RouterInputs } from "@/server/trpc/root";

type Diet = keyof typeof DIET_LABEL;
type Mode = "micrograms" | "percent";
type Edition = LabelEdition;
type PortionDraft = { key: number; label: string; grams: string };

export type CustomFoodInitial = {
  id: string;
  name: string;
  servingGrams: number;
  b12Micrograms: number | null;
  percentDailyValue: number | null;
  labelEdition: Edition | null;
  diet: Diet;
  fortified: boolean;
  group: string | null;
  portions: { label: string; grams: number }[];
};

const parseNumber = (text: string): number | null => {
  const value = Number(text.replace(",", ".").trim());
  return text.trim() === "" || !Number.isFinite(value) ? null : value;
};

let portionKey = 0;

export function CustomFoodForm({ initial }: { initial?: CustomFoodInitial }) {
  const trpc = useTRPC();
  const router = useRouter();
  const ids = useId();

  const [name, setName] = useState(initial?.name ?? "");
  const [servingGrams, setServingGrams] = useState(initial ? String(initial.servingGrams) : "");
  const [mode, setMode] = useState<Mode>(
    initial?.percentDailyValue != null ? "percent" : "micrograms",
  );
  const [micrograms, setMicrograms] = useState(
    initial?.b12Micrograms != null && initial.percentDailyValue == null
      ? String(initial.b12Micrograms)
      : "",
  );
  const [percent, setPercent] = useState(
    initial?.percentDailyValue != null ? String(initial.percentDailyValue) : "",
  );
  const [edition, setEdition] = useState<Edition>(initial?.labelEdition ?? "current");
  const [diet, setDiet] = useState<Diet>(initial?.diet ?? "vegan");
  const [fortified, setFortified] = useState(initial?.fortified ?? true);
  const [group, setGroup] = useState(initial?.group ?? "");
  const [portions, setPortions] = useState<PortionDraft[]>(
    (initial?.portions ?? []).map((portion) => ({
      key: ++portionKey,
      label: portion.label,
      grams: String(portion.grams),
    })),
  );
  const [submitted, setSubmitted] = useState(false);

  const groups = useQuery(trpc.foods.groups.queryOptions());

  const serving = parseNumber(servingGrams);
  const amount = parseNumber(mode === "micrograms" ? micrograms : percent);
  const errors: Partial<Record<"name" | "servingGrams" | "amount" | "portions", string>> = {};
  if (name.trim() === "") errors.name = "Enter the product’s name.";
  else if (name.trim().length > 200) errors.name = "Use at most 200 characters.";
  if (serving === null) errors.servingGrams = "Enter the serving size in grams, e.g. 240.";
  else if (serving <= 0) errors.servingGrams = "The serving size must be more than 0 g.";
  else if (serving > 5000) errors.servingGrams = "The serving size must be at most 5,000 g.";
  if (amount === null)
    errors.amount =
      mode === "micrograms"
        ? "Enter the µg of B12 per serving."
        : "Enter the %DV of B12 per serving.";
  else if (amount < 0) errors.amount = "The amount must not be negative.";
  else if (mode === "percent" && amount > 5000) errors.amount = "The %DV must be at most 5,000%.";
  else if (mode === "micrograms" && amount > 5000)
    errors.amount = "The amount must be at most 5,000 µg per serving.";
  const badPortion = portions.find((portion) => {
    const grams = parseNumber(portion.grams);
    return portion.label.trim() === "" || grams === null || grams <= 0 || grams > 5000;
  });
  if (badPortion)
    errors.portions = "Each extra portion needs a name and a weight between 0 and 5,000 g.";
  const valid = Object.keys(errors).length === 0;

  const b12 =
    mode === "micrograms"
      ? { micrograms: amount ?? 0 }
      : { percentDailyValue: amount ?? 0, labelEdition: edition };

  // The server does the arithmetic; debounce so typing does not flood it.
  const [previewInput, setPreviewInput] = useState<RouterInputs["foods"]["labelPreview"] | null>(
    null,
  );
  const previewKey = JSON.stringify({ serving, b12, ok: !errors.servingGrams && !errors.amount });
  // biome-ignore lint/correctness/useExhaustiveDependencies: previewKey captures serving and b12
  useEffect(() => {
    const timer = setTimeout(() => {
      setPreviewInput(
        serving !== null && !errors.servingGrams && !errors.amount
          ? { servingGrams: serving, b12 }
          : null,
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [previewKey]);
  const preview = useQuery({
    ...trpc.foods.labelPreview.queryOptions(previewInput ?? skipToken),
    placeholderData: keepPreviousData,
  });

  const queryClient = useQueryClient();
  const onSaved = (food: { id: string }) => {
    // Search results and plans that show this food now have stale values.
    void queryClient.invalidateQueries({ queryKey: trpc.foods.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.plans.pathKey() });
    router.push(`/foods/${encodeURIComponent(food.id)}`);
    router.refresh();
  };
  const create = useMutation(trpc.foods.createCustom.mutationOptions({ onSuccess: onSaved }));
  const update = useMutation(trpc.foods.updateCustom.mutationOptions({ onSuccess: onSaved }));
  const saving = create.isPending || update.isPending;
  const serverError = create.error ?? update.error;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!valid || serving === null) return;
    const fields = {
      name: name.trim(),
      servingGrams: serving,
      b12,
      diet,
      fortified,
      group: group || null,
      portions: portions.map((portion) => ({
        label: portion.label.trim(),
        grams: parseNumber(portion.grams) ?? 0,
      })),
    };
    if (initial) update.mutate({ id: initial.id, ...fields });
    else create.mutate(fields);
  }

  const showError = (field: keyof typeof errors) =>
    submitted && errors[field] ? (
      <p className="field-error" id={`${ids}-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;
  const invalidProps = (field: keyof typeof errors) =>
    submitted && errors[field]
      ? { "aria-invalid": true as const, "aria-describedby": `${ids}-${field}-error` }
      : {};

  return (
    <form className="card stack" onSubmit={handleSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${ids}-name`}>Name</label>
        <input
          id={`${ids}-name`}
          type="text"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Oatly Barista, fortified"
          {...invalidProps("name")}
        />
        {showError("name")}
      </div>

      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${ids}-serving`}>Serving size (g)</label>
          <input
            id={`${ids}-serving`}
            type="text"
            inputMode="decimal"
            value={servingGrams}
            onChange={(event) => setServingGrams(event.target.value)}
            placeholder="e.g. 240"
            {...invalidProps("servingGrams")}
          />
          <p className="field-hint">
            As printed on the label, in grams (1 ml of a drink is about 1 g).
          </p>
          {showError("servingGrams")}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-group`}>Food group (optional)</label>
          <select
            id={`${ids}-group`}
            value={group}
            onChange={(event) => setGroup(event.target.value)}
          >
            <option value="">None</option>
            {groups.data?.map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      <fieldset>
        <legend>Vitamin B12 per serving, as the label gives it</legend>
        <div className="actions">
          <label className="choice">
            <input
              type="radio"
              name={`${ids}-mode`}
              checked={mode === "micrograms"}
              onChange={() => setMode("micrograms")}
            />
            In micrograms (µg)
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${ids}-mode`}
              checked={mode === "percent"}
              onChange={() => setMode("percent")}
            />
            As a percentage (% DV, %NRV or %RI)
          </label>
        </div>
        {mode === "micrograms" ? (
          <div className="field">
            <label htmlFor={`${ids}-ug`}>B12 per serving (µg)</label>
            <input
              id={`${ids}-ug`}
              type="text"
              inputMode="decimal"
              value={micrograms}
              onChange={(event) => setMicrograms(event.target.value)}
              placeholder="e.g. 0.9"
              {...invalidProps("amount")}
            />
            {showError("amount")}
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${ids}-dv`}>B12 per serving (%)</label>
              <input
                id={`${ids}-dv`}
                type="text"
                inputMode="decimal"
                value={percent}
                onChange={(event) => setPercent(event.target.value)}
                placeholder="e.g. 25"
                {...invalidProps("amount")}
              />
              {showError("amount")}
            </div>
            <fieldset>
              <legend>What the percentage refers to</legend>
              <p className="field-hint">
                Pick the line that matches your label. “% DV” is a US label; “%NRV” or “%RI” is an
                EU or UK label. If a US label says who it is for (infants, children 1 through 3
                years, pregnant and lactating women), pick that one.
              </p>
              {(Object.keys(LABEL_EDITION_INFO) as Edition[]).map((option) => (
                <label key={option} className="choice">
                  <input
                    type="radio"
                    name={`${ids}-edition`}
                    checked={edition === option}
                    onChange={() => setEdition(option)}
                  />
                  <span>
                    {LABEL_EDITION_INFO[option].label}
                    <span className="field-hint"> {LABEL_EDITION_INFO[option].hint}</span>
                  </span>
                </label>
              ))}
              <p className="field-hint">
                Sources: FDA 2016 food labelling rule (21 CFR 101.9); Regulation (EU) No 1169/2011,
                Annex XIII.
              </p>
            </fieldset>
          </>
        )}
        <p className="small" role="status" aria-live="polite">
          {preview.data && previewInput
            ? `That is ${formatB12(preview.data.b12MicrogramsPerServing)} per serving, ${formatB12(preview.data.b12PerHundredGrams)} per 100 g.`
            : ""}
        </p>
      </fieldset>

      <div className="form-grid">
        <fieldset>
          <legend>Diet</legend>
          {(Object.keys(DIET_LABEL) as Diet[]).map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name={`${ids}-diet`}
                checked={diet === option}
                onChange={() => setDiet(option)}
              />
              {DIET_LABEL[option]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Fortification</legend>
          <label className="choice">
            <input
              type="checkbox"
              checked={fortified}
              onChange={(event) => setFortified(event.target.checked)}
            />
            B12 is added (listed as an ingredient, e.g. cyanocobalamin)
          </label>
        </fieldset>
      </div>

      <fieldset>
        <legend>Other portions (optional)</legend>
        <p className="field-hint">
          The label’s serving is always a portion. Add others you use, e.g. “1 glass” = 250 g.
        </p>
        {portions.map((portion, index) => (
          <div key={portion.key} className="form-grid">
            <div className="field">
              <label htmlFor={`${ids}-p${portion.key}-label`}>Portion {index + 1} name</label>
              <input
                id={`${ids}-p${portion.key}-label`}
                type="text"
                value={portion.label}
                onChange={(event) =>
                  setPortions((list) =>
                    list.map((p) =>
                      p.key === portion.key ? { ...p, label: event.target.value } : p,
                    ),
                  )
                }
              />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-p${portion.key}-grams`}>Portion {index + 1} weight (g)</label>
              <input
                id={`${ids}-p${portion.key}-grams`}
                type="text"
                inputMode="decimal"
                value={portion.grams}
                onChange={(event) =>
                  setPortions((list) =>
                    list.map((p) =>
                      p.key === portion.key ? { ...p, grams: event.target.value } : p,
                    ),
                  )
                }
              />
            </div>
            <div className="field actions">
              <button
                type="button"
                className="secondary"
                onClick={() => setPortions((list) => list.filter((p) => p.key !== portion.key))}
              >
                Remove portion {index + 1}
              </button>
            </div>
          </div>
        ))}
        {showError("portions")}
        <button
          type="button"
          className="secondary"
          disabled={portions.length >= 19}
          onClick={() =>
            setPortions((list) => [...list, { key: ++portionKey, label: "", grams: "" }])
          }
        >
          Add a portion
        </button>
      </fieldset>

      {serverError && (
        <div className="alert error" role="alert">
          Not saved: {serverError.message}
        </div>
      )}
      {submitted && !valid && (
        <div className="alert error" role="alert">
          Please fix the fields marked above.
        </div>
      )}
      <div className="actions">
        <button type="submit" disabled={saving}>
          {saving ? "Saving…" : initial ? "Save changes" : "Add food"}
        </button>
      </div>
    </form>
  );
}

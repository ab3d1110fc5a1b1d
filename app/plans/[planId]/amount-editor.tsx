"use client";
/**
 * Choose an amount: a number of one of the food's household portions ("1.5 × 1 cup")
 * or grams. Returns the API's amount shape; the server converts and checks it.
 */
import { useEffect, useId, useState } from "react";
import { formatGrams } from "@/app/_lib/format";

export type Portion = { id: string; label: string; grams: number };
export type AmountValue = { grams: number } | { portionId: string; quantity: number };
/** Units besides portions and grams (ml, fl oz for drinks; oz, lb otherwise). */
export type AmountUnitName = "ml" | "fl oz" | "oz" | "lb";
/** What the person chose: an API amount, or a number of a unit for the server to convert. */
export type AmountChoice = AmountValue | { unit: AmountUnitName; quantity: number };

const UNIT_LABELS: Record<AmountUnitName, string> = {
  ml: "millilitres (ml)",
  "fl oz": "fluid ounces (fl oz)",
  oz: "ounces (oz)",
  lb: "pounds (lb)",
};

function toChoice(unit: string, number: number): AmountChoice {
  if (unit === "grams") return { grams: number };
  if (unit.startsWith("unit:")) return { unit: unit.slice(5) as AmountUnitName, quantity: number };
  return { portionId: unit, quantity: number };
}

export function AmountEditor<Choice extends AmountChoice = AmountValue>(props: {
  portions: Portion[];
  /** Extra units to offer; with them, onSubmit may receive `{ unit, quantity }`. */
  units?: AmountUnitName[];
  /** Called with every valid amount as it is typed (for a preview), or null. */
  onDraftChange?: (amount: Choice | null) => void;
  /** Shown under the fields (e.g. the B12 of the amount). */
  preview?: React.ReactNode;
  initial?: { portionId: string | null; quantity: number | null; grams: number };
  submitLabel: string;
  busy?: boolean;
  onSubmit: (amount: Choice) => void;
  onCancel?: () => void;
  /** Focus the amount when the editor appears (it replaced what had focus). */
  autoFocus?: boolean;
}) {
  const ids = useId();
  const firstPortion = props.portions[0];
  const initialUnit =
    props.initial?.portionId && props.portions.some((p) => p.id === props.initial?.portionId)
      ? props.initial.portionId
      : props.initial
        ? "grams"
        : (firstPortion?.id ?? "grams");
  const [unit, setUnit] = useState(initialUnit);
  const [value, setValue] = useState(
    props.initial
      ? String(unit === "grams" ? props.initial.grams : (props.initial.quantity ?? 1))
      : unit === "grams"
        ? "100"
        : "1",
  );
  const [error, setError] = useState<string | null>(null);
  const portion = props.portions.find((p) => p.id === unit);
  const { onDraftChange } = props;
  useEffect(() => {
    if (!onDraftChange) return;
    const number = Number(value.replace(",", "."));
    const valid = value.trim() !== "" && Number.isFinite(number) && number > 0;
    onDraftChange(valid ? (toChoice(unit, number) as Choice) : null);
  }, [unit, value, onDraftChange]);

  return (
    <form
      className="amount-editor"
      onSubmit={(event) => {
        event.preventDefault();
        const number = Number(value.replace(",", "."));
        if (value.trim() === "" || !Number.isFinite(number) || number <= 0) {
          setError("Enter an amount greater than 0.");
          return;
        }
        setError(null);
        props.onSubmit(toChoice(unit, number) as Choice);
      }}
    >
      <div className="amount-fields">
        <div>
          <label htmlFor={`${ids}-value`}>{unit === "grams" ? "Grams" : "How many"}</label>
          <input
            id={`${ids}-value`}
            type="text"
            inputMode="decimal"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ids}-error` : undefined}
            // biome-ignore lint/a11y/noAutofocus: only when it replaces the focused search results
            autoFocus={props.autoFocus}
          />
        </div>
        <div>
          <label htmlFor={`${ids}-unit`}>Unit</label>
          <select id={`${ids}-unit`} value={unit} onChange={(event) => setUnit(event.target.value)}>
            {props.portions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label} ({formatGrams(option.grams)})
              </option>
            ))}
            <option value="grams">grams</option>
            {props.units?.map((name) => (
              <option key={name} value={`unit:${name}`}>
                {UNIT_LABELS[name]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {portion && (
        <p className="field-hint">
          One {portion.label} weighs {formatGrams(portion.grams)}.
        </p>
      )}
      {props.preview}
      {error && (
        <p className="field-error" id={`${ids}-error`}>
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={props.busy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

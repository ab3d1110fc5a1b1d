"use client";
/**
 * The list's range of days, extra guests (besides the plan's eaters) and units, saved
 * with shopping.setPreferences. A number of people set by hand (the `servings` override
 * of older lists and the API) is shown with a way back to counting the plan's eaters.
 */
import { planDayLabel } from "@/app/_lib/dates";
import type { RouterOutputs } from "@/server/trpc/root";
import styles from "./shopping.module.css";

type List = RouterOutputs["shopping"]["list"];
type Preferences = List["preferences"];
export type PreferenceChange = Partial<
  Pick<Preferences, "fromDay" | "toDay" | "servings" | "guests" | "unitSystem">
>;

const GUEST_CHOICES = Array.from({ length: 21 }, (_, index) => index);

export function ListSettings({
  idPrefix,
  days,
  preferences,
  onChange,
}: {
  idPrefix: string;
  days: List["days"];
  preferences: Preferences;
  onChange: (change: PreferenceChange) => void;
}) {
  const dayOptions = days.map((item) => (
    <option key={item.day} value={item.day}>
      {planDayLabel(item.day, item.date)}
    </option>
  ));
  return (
    <form
      className={`card ${styles.settings} ${styles.noPrint}`}
      aria-label="List settings"
      onSubmit={(event) => event.preventDefault()}
    >
      <div>
        <label htmlFor={`${idPrefix}-from`}>From</label>
        <select
          id={`${idPrefix}-from`}
          value={preferences.fromDay}
          onChange={(event) => {
            const fromDay = Number(event.target.value);
            onChange({ fromDay, toDay: Math.max(fromDay, preferences.toDay) });
          }}
        >
          {dayOptions}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-to`}>To</label>
        <select
          id={`${idPrefix}-to`}
          value={preferences.toDay}
          onChange={(event) => {
            const toDay = Number(event.target.value);
            onChange({ toDay, fromDay: Math.min(toDay, preferences.fromDay) });
          }}
        >
          {dayOptions}
        </select>
      </div>
      {preferences.servings === null ? (
        <div>
          <label htmlFor={`${idPrefix}-guests`}>Extra guests</label>
          <select
            id={`${idPrefix}-guests`}
            value={preferences.guests}
            onChange={(event) => onChange({ guests: Number(event.target.value) })}
          >
            {GUEST_CHOICES.map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div>
          <span>
            Set by hand: {preferences.servings} {preferences.servings === 1 ? "person" : "people"}
          </span>
          <button type="button" className="secondary" onClick={() => onChange({ servings: null })}>
            Count the plan&apos;s eaters
          </button>
        </div>
      )}
      <fieldset className={styles.units}>
        <legend>Units</legend>
        {(["metric", "imperial"] as const).map((system) => (
          <label key={system} className="choice">
            <input
              type="radio"
              name={`${idPrefix}-units`}
              value={system}
              checked={preferences.unitSystem === system}
              onChange={() => onChange({ unitSystem: system })}
            />
            {system === "metric" ? "Metric (g, kg, ml, L)" : "Imperial (oz, lb, fl oz, pints)"}
          </label>
        ))}
      </fieldset>
    </form>
  );
}

"use client";
/** Copy a day's foods to other days of the plan, adding to them or replacing them. */
import { useId, useState } from "react";

export function CopyDay(props: {
  day: number;
  dayCount: number;
  labelOf: (day: number) => string;
  busy: boolean;
  done: number | null;
  onCopy: (toDays: number[], replace: boolean) => void;
}) {
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<number[]>([]);
  const [replace, setReplace] = useState(false);
  if (props.dayCount === 1) return null;
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Copy this day to other days…
      </button>
    );
  }
  const others = Array.from({ length: props.dayCount }, (_, index) => index + 1).filter(
    (day) => day !== props.day,
  );
  return (
    <form
      className="stack copy-day"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.length === 0) return;
        props.onCopy(chosen, replace);
        setOpen(false);
        setChosen([]);
      }}
    >
      <fieldset>
        <legend>Copy {props.labelOf(props.day)} to</legend>
        <div className="copy-days">
          {others.map((day) => (
            <label key={day} className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(day)}
                onChange={(event) =>
                  setChosen((list) =>
                    event.target.checked ? [...list, day] : list.filter((item) => item !== day),
                  )
                }
              />
              {props.labelOf(day)}
            </label>
          ))}
        </div>
        <div className="actions">
          <button type="button" className="link-button" onClick={() => setChosen(others)}>
            Select all
          </button>
        </div>
        <label className="choice" htmlFor={`${ids}-replace`}>
          <input
            id={`${ids}-replace`}
            type="checkbox"
            checked={replace}
            onChange={(event) => setReplace(event.target.checked)}
          />
          Replace what those days already have (otherwise the foods are added)
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={props.busy || chosen.length === 0}>
          Copy to {chosen.length} day{chosen.length === 1 ? "" : "s"}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

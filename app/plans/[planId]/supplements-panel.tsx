"use client";
/**
 * The plan's supplement regimens: list, add, change, remove. The server checks every
 * field (dose, schedule against the plan's days and start date) and answers with the
 * plan and its totals, shown at once through `onApplied`.
 */
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { formatDecimal, formatMicrograms } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/client";
import {
  COMMON_DOSES_MICROGRAMS,
  SUPPLEMENT_COMPOUND_INFO,
  SUPPLEMENT_FORM_INFO,
  type SupplementFormKey,
} from "@/server/domain/supplements";
import type { RouterOutputs } from "@/server/trpc/root";

type Plan = RouterOutputs["plans"]["get"];
type Supplement = Plan["supplements"][number];
type EditResult = RouterOutputs["plans"]["addSupplement"];
type Meal = Supplement["withMeal"];
type Compound = Supplement["compound"];
type ScheduleKind = "daily" | "weekly" | "every" | "weekdays";
/** Someone who eats the plan (a supplement is one person's). */
type Eater = { personId: string; name: string };

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MEAL_CHOICES: { value: Exclude<Meal, null>; label: string }[] = [
  { value: "breakfast", label: "With breakfast" },
  { value: "lunch", label: "With lunch" },
  { value: "dinner", label: "With dinner" },
  { value: "snack", label: "With a snack" },
];

function takenWith(meal: Meal): string {
  return meal === null ? "on its own" : `with ${meal === "snack" ? "a snack" : meal}`;
}

export function SupplementsPanel({
  plan,
  eaters,
  shownPersonId,
  onApplied,
}: {
  plan: Plan;
  /** Who eats the plan, in the plan's order. */
  eaters: Eater[];
  /** The person whose totals the page shows: a new supplement is theirs by default. */
  shownPersonId: string;
  onApplied: (result: EditResult) => void;
}) {
  const forWhom =
    eaters.find((eater) => eater.personId === shownPersonId)?.personId ?? eaters[0]?.personId;
  const trpc = useTRPC();
  const headingId = useId();
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const options = {
    onSuccess: (result: EditResult) => {
      setError(null);
      setEditing(null);
      onApplied(result);
    },
    onError: (failure: { message: string; data?: unknown }) =>
      setError({
        message: failure.message,
        field: (failure.data as { field?: string | null } | undefined)?.field ?? null,
      }),
  };
  // A problem with whose supplement it is shows beside the "For" choice (when there is one).
  const personError = error?.field === "personId" && eaters.length > 1 ? error.message : null;
  const add = useMutation(trpc.plans.addSupplement.mutationOptions(options));
  const update = useMutation(trpc.plans.updateSupplement.mutationOptions(options));
  const remove = useMutation(trpc.plans.removeSupplement.mutationOptions(options));
  const busy = add.isPending || update.isPending || remove.isPending;

  return (
    <section className="card stack deferred-layout" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        Supplements
      </h2>
      {plan.supplements.length === 0 ? (
        <p className="muted small">No supplements in this plan.</p>
      ) : (
        <ul className="supplements">
          {plan.supplements.map((supplement) =>
            editing === supplement.id ? (
              <li key={supplement.id}>
                <SupplementForm
                  plan={plan}
                  eaters={eaters}
                  defaultPersonId={forWhom}
                  personError={personError}
                  initial={supplement}
                  busy={busy}
                  submitLabel="Save changes"
                  onCancel={() => setEditing(null)}
                  onSubmit={(values) => update.mutate({ supplementId: supplement.id, ...values })}
                />
              </li>
            ) : (
              <li key={supplement.id} className="supplement">
                <div>
                  <strong>{formatMicrograms(supplement.doseMicrograms)} µg</strong>{" "}
                  {supplement.compound} · {SUPPLEMENT_FORM_INFO[supplement.form].label}
                  <br />
                  <span className="muted small">
                    {supplement.personName ? `For ${supplement.personName} · ` : ""}
                    {supplement.scheduleLabel}, {takenWith(supplement.withMeal)}
                    {supplement.note ? ` · ${supplement.note}` : ""}
                  </span>
                </div>
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => setEditing(supplement.id)}
                    aria-label={`Change the ${formatMicrograms(supplement.doseMicrograms)} µg supplement`}
                  >
                    Change
                  </button>
                  <button
                    type="button"
                    className="secondary danger"
                    disabled={busy}
                    onClick={() => remove.mutate({ supplementId: supplement.id })}
                    aria-label={`Remove the ${formatMicrograms(supplement.doseMicrograms)} µg supplement`}
                  >
                    Remove
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {error && !personError && (
        <div className="alert error" role="alert">
          Not saved: {error.message}
        </div>
      )}
      {editing === "new" ? (
        <SupplementForm
          plan={plan}
          eaters={eaters}
          defaultPersonId={forWhom}
          personError={personError}
          busy={busy}
          submitLabel="Add supplement"
          onCancel={() => setEditing(null)}
          onSubmit={(values) => add.mutate({ planId: plan.id, ...values })}
        />
      ) : (
        <p>
          <button type="button" className="secondary" onClick={() => setEditing("new")}>
            Add a supplement
          </button>
        </p>
      )}
      <p className="small muted">
        Sublingual tablets and sprays have not been shown to work better than tablets you swallow
        (NIH ODS). Injections are prescribed by a clinician. High doses, or any condition that
        affects B12, are worth discussing with a healthcare professional.
      </p>
    </section>
  );
}

type FormValues = {
  doseMicrograms: number;
  form: SupplementFormKey;
  compound: Compound;
  everyNDays: number | null;
  weekdays: number[] | null;
  firstDay: number;
  withMeal: Meal;
  note: string | null;
  personId?: string;
};

function scheduleKindOf(supplement: Supplement | undefined): ScheduleKind {
  if (!supplement) return "daily";
  if (supplement.weekdays !== null) return "weekdays";
  if (supplement.everyNDays === 7) return "weekly";
  return supplement.everyNDays === 1 ? "daily" : "every";
}

function SupplementForm({
  plan,
  eaters,
  defaultPersonId,
  personError,
  initial,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  plan: Plan;
  eaters: Eater[];
  defaultPersonId: string | undefined;
  personError: string | null;
  initial?: Supplement;
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: FormValues) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const initialDose = initial?.doseMicrograms ?? 10;
  const common = (COMMON_DOSES_MICROGRAMS as readonly number[]).includes(initialDose);
  const [dosePreset, setDosePreset] = useState(common ? String(initialDose) : "other");
  const [otherDose, setOtherDose] = useState(common ? "" : String(initialDose));
  const [form, setForm] = useState<SupplementFormKey>(initial?.form ?? "tablet");
  const [compound, setCompound] = useState<Compound>(initial?.compound ?? "cyanocobalamin");
  const [kind, setKind] = useState<ScheduleKind>(scheduleKindOf(initial));
  const [everyN, setEveryN] = useState(String(initial?.everyNDays ?? 2));
  const [firstDay, setFirstDay] = useState(String(initial?.firstDay ?? 1));
  const [weekdays, setWeekdays] = useState<number[]>(initial?.weekdays ?? [1]);
  const [withMeal, setWithMeal] = useState<string>(initial?.withMeal ?? "");
  const [note, setNote] = useState(initial?.note ?? "");
  const [personId, setPersonId] = useState(initial?.personId ?? defaultPersonId ?? "");
  // The "for" choice only when more than one person eats the plan.
  const choosePerson = eaters.length > 1;
  const dated = plan.startDate !== null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const doseMicrograms = Number(dosePreset === "other" ? otherDose : dosePreset);
    onSubmit({
      doseMicrograms,
      form,
      compound,
      everyNDays:
        kind === "weekdays" ? null : kind === "daily" ? 1 : kind === "weekly" ? 7 : Number(everyN),
      weekdays: kind === "weekdays" ? weekdays : null,
      firstDay: kind === "daily" || kind === "weekdays" ? 1 : Number(firstDay),
      withMeal: withMeal === "" ? null : (withMeal as Exclude<Meal, null>),
      note: note.trim() === "" ? null : note.trim(),
      ...(choosePerson && personId !== "" ? { personId } : {}),
    });
  };

  return (
    <form className="supplement-form stack" onSubmit={submit} aria-label={submitLabel}>
      {choosePerson && (
        <div className="field-row">
          <label htmlFor={`${id}-person`} className="person-choice">
            For
            <select
              id={`${id}-person`}
              value={personId}
              onChange={(event) => setPersonId(event.target.value)}
            >
              {eaters.map((eater) => (
                <option key={eater.personId} value={eater.personId}>
                  {eater.name}
                </option>
              ))}
            </select>
            {personError && (
              <span className="field-error" role="alert">
                {personError}
              </span>
            )}
          </label>
        </div>
      )}
      <div className="field-row">
        <label htmlFor={`${id}-dose`}>
          Dose
          <select
            id={`${id}-dose`}
            value={dosePreset}
            onChange={(event) => setDosePreset(event.target.value)}
          >
            {COMMON_DOSES_MICROGRAMS.map((dose) => (
              <option key={dose} value={dose}>
                {formatDecimal(dose, 3)} µg
              </option>
            ))}
            <option value="other">Other amount…</option>
          </select>
        </label>
        {dosePreset === "other" && (
          <label htmlFor={`${id}-other`}>
            Amount (µg)
            <input
              id={`${id}-other`}
              type="number"
              inputMode="decimal"
              min={0.1}
              max={10000}
              step="any"
              required
              value={otherDose}
              onChange={(event) => setOtherDose(event.target.value)}
            />
          </label>
        )}
        <label htmlFor={`${id}-form`}>
          Form
          <select
            id={`${id}-form`}
            value={form}
            onChange={(event) => setForm(event.target.value as SupplementFormKey)}
          >
            {Object.entries(SUPPLEMENT_FORM_INFO).map(([value, info]) => (
              <option key={value} value={value}>
                {info.label}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-compound`}>
          Compound
          <select
            id={`${id}-compound`}
            value={compound}
            onChange={(event) => setCompound(event.target.value as Compound)}
          >
            {Object.entries(SUPPLEMENT_COMPOUND_INFO).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>How often</legend>
        <div className="choice-row">
          {(
            [
              ["daily", "Every day"],
              ["weekly", "Once a week"],
              ["every", "Every few days"],
              ...(dated ? [["weekdays", "On chosen weekdays"]] : []),
            ] as [ScheduleKind, string][]
          ).map(([value, label]) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${id}-kind`}
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {label}
            </label>
          ))}
        </div>
        {kind === "every" && (
          <label htmlFor={`${id}-every`}>
            Every how many days
            <input
              id={`${id}-every`}
              type="number"
              min={2}
              max={90}
              step={1}
              required
              value={everyN}
              onChange={(event) => setEveryN(event.target.value)}
            />
          </label>
        )}
        {(kind === "weekly" || kind === "every") && (
          <label htmlFor={`${id}-first`}>
            Starting on
            <select
              id={`${id}-first`}
              value={firstDay}
              onChange={(event) => setFirstDay(event.target.value)}
            >
              {plan.days.map((day) => (
                <option key={day.day} value={day.day}>
                  Day {day.day}
                  {day.date ? ` (${day.date})` : ""}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === "weekdays" && (
          <fieldset className="choice-row plain-fieldset">
            <legend className="sr-only">Weekdays</legend>
            {WEEKDAYS.map((name, index) => {
              const weekday = index + 1;
              return (
                <label key={name} className="choice">
                  <input
                    type="checkbox"
                    checked={weekdays.includes(weekday)}
                    onChange={(event) =>
                      setWeekdays((current) =>
                        event.target.checked
                          ? [...current, weekday]
                          : current.filter((day) => day !== weekday),
                      )
                    }
                  />
                  {name}
                </label>
              );
            })}
          </fieldset>
        )}
      </fieldset>
      <div className="field-row">
        <label htmlFor={`${id}-meal`}>
          Taken
          <select
            id={`${id}-meal`}
            value={withMeal}
            onChange={(event) => setWithMeal(event.target.value)}
          >
            <option value="">On its own, apart from meals</option>
            {MEAL_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-note`}>
          Note (optional)
          <input
            id={`${id}-note`}
            type="text"
            maxLength={200}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
      </div>
      {form === "injection" && (
        <p className="small warn-text">
          Injections are prescribed and scheduled by a clinician; record here what yours prescribed.
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

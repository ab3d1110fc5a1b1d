"use client";
/**
 * The household's people: everyone meals are planned for, with their own profile and
 * B12 target (people.*). Adds a child or a parent without a login and edits anyone's
 * profile; the server validates and works out each target. Viewers only look.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { DIET_LABEL, formatMicrograms } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/client";
import { CONDITION_TEXT, DIET_WORDS } from "@/server/domain/vocabulary";
import type { RouterOutputs } from "@/server/trpc/root";

type Person = RouterOutputs["people"]["list"][number];
type Profile = Person["profile"];
type Condition = Profile["conditions"][number];
type Draft = { name: string; age: string } & Omit<Profile, "ageYears">;

const EMPTY: Draft = {
  name: "",
  age: "",
  sex: "female",
  pregnant: false,
  breastfeeding: false,
  diet: "omnivore",
  standard: "nih",
  conditions: [],
};

function draftOf(person: Person): Draft {
  const { ageYears, ...rest } = person.profile;
  return { ...rest, name: person.name, age: String(ageYears) };
}

export function PeoplePanel({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const ids = useId();
  const people = useQuery(trpc.people.list.queryOptions());
  const [editing, setEditing] = useState<string | "new" | null>(null);

  return (
    <section className="card stack people-card" aria-labelledby={`${ids}-people`}>
      <h2 id={`${ids}-people`}>People</h2>
      <p className="small">
        Everyone you plan meals for, each with their own B12 target: people who sign in and people
        who don't (a child, a parent). Choose who eats each plan on the plan's page.
      </p>
      <ul className="people-list stack">
        {(people.data ?? []).map((person) => (
          <li key={person.id} data-person={person.name}>
            {editing === person.id ? (
              <PersonForm person={person} onDone={() => setEditing(null)} />
            ) : (
              <div className="field-row">
                <span>
                  <strong>{person.name}</strong>
                  {person.isYou ? " (you)" : person.hasLogin ? "" : " · no login"}
                  <br />
                  <span className="small">
                    {person.isDefault
                      ? "Profile not set yet"
                      : `${person.profile.ageYears} years, ${DIET_WORDS[person.profile.diet]}`}
                    {" · target "}
                    {person.target.micrograms === null
                      ? "none set"
                      : `${formatMicrograms(person.target.micrograms)} µg a day`}
                  </span>
                </span>
                {canEdit && (
                  <button type="button" className="secondary" onClick={() => setEditing(person.id)}>
                    Edit {person.name}
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {canEdit &&
        (editing === "new" ? (
          <PersonForm person={null} onDone={() => setEditing(null)} />
        ) : (
          <p>
            <button type="button" onClick={() => setEditing("new")}>
              Add a person
            </button>
          </p>
        ))}
    </section>
  );
}

function PersonForm({ person, onDone }: { person: Person | null; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const [draft, setDraft] = useState<Draft>(person ? draftOf(person) : EMPTY);
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const options = {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.people.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.plans.totals.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.profile.get.queryKey() });
      onDone();
    },
    onError: (failure: { message: string; data?: unknown }) =>
      setError({
        message: failure.message,
        field: (failure.data as { field?: string | null } | undefined)?.field ?? null,
      }),
  };
  const create = useMutation(trpc.people.create.mutationOptions(options));
  const update = useMutation(trpc.people.update.mutationOptions(options));
  const remove = useMutation(trpc.people.delete.mutationOptions(options));
  const set = (next: Partial<Draft>) => setDraft((current) => ({ ...current, ...next }));
  const problem = (field: string) =>
    error?.field === field ? (
      <p className="field-error" role="alert">
        {error.message}
      </p>
    ) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { name, age, ...profile } = draft;
    const female = profile.sex === "female";
    const values = {
      ...profile,
      name,
      ageYears: age.trim() === "" ? Number.NaN : Number(age),
      pregnant: female && profile.pregnant,
      breastfeeding: female && profile.breastfeeding,
    };
    if (person) update.mutate({ personId: person.id, ...values });
    else create.mutate(values);
  };
  const toggleCondition = (condition: Condition, on: boolean) =>
    set({
      conditions: on
        ? [...draft.conditions, condition]
        : draft.conditions.filter((item) => item !== condition),
    });

  return (
    <form
      className="stack"
      onSubmit={submit}
      aria-label={person ? `Edit ${person.name}` : "Add a person"}
    >
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${ids}-name`}>Name</label>
          <input
            id={`${ids}-name`}
            value={draft.name}
            maxLength={60}
            onChange={(event) => set({ name: event.target.value })}
          />
          {problem("name")}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-age`}>Age in years</label>
          <input
            id={`${ids}-age`}
            type="number"
            inputMode="decimal"
            min={0}
            max={120}
            step="any"
            value={draft.age}
            onChange={(event) => set({ age: event.target.value })}
          />
          <p className="field-hint">For a baby, use fractions: 0.5 is six months.</p>
          {problem("ageYears")}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-sex`}>Sex</label>
          <select
            id={`${ids}-sex`}
            value={draft.sex}
            onChange={(event) => set({ sex: event.target.value as Draft["sex"] })}
          >
            <option value="female">Female</option>
            <option value="male">Male</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-diet`}>Diet</label>
          <select
            id={`${ids}-diet`}
            value={draft.diet}
            onChange={(event) => set({ diet: event.target.value as Draft["diet"] })}
          >
            {(["omnivore", "vegetarian", "vegan"] as const).map((diet) => (
              <option key={diet} value={diet}>
                {DIET_LABEL[diet]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-standard`}>Reference standard</label>
          <select
            id={`${ids}-standard`}
            value={draft.standard}
            onChange={(event) => set({ standard: event.target.value as Draft["standard"] })}
          >
            <option value="nih">US (NIH/IOM)</option>
            <option value="efsa">EU (EFSA)</option>
            <option value="uk">UK (COMA)</option>
            <option value="who">WHO/FAO</option>
          </select>
        </div>
      </div>
      {draft.sex === "female" && (
        <div className="field-row">
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.pregnant}
              onChange={(event) => set({ pregnant: event.target.checked })}
            />
            Pregnant
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.breastfeeding}
              onChange={(event) => set({ breastfeeding: event.target.checked })}
            />
            Breastfeeding
          </label>
          {problem("pregnant")}
          {problem("breastfeeding")}
        </div>
      )}
      <fieldset>
        <legend>Anything that affects B12 absorption</legend>
        {(Object.keys(CONDITION_TEXT) as Condition[]).map((condition) => (
          <label key={condition} className="choice choice-block">
            <input
              type="checkbox"
              checked={draft.conditions.includes(condition)}
              onChange={(event) => toggleCondition(condition, event.target.checked)}
            />
            {CONDITION_TEXT[condition].label}
          </label>
        ))}
        <p className="field-hint">
          With any of these, talking to a doctor about B12 is worthwhile.
        </p>
      </fieldset>
      {error && !["name", "ageYears", "pregnant", "breastfeeding"].includes(error.field ?? "") && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <p className="actions">
        <button type="submit" disabled={create.isPending || update.isPending}>
          {person ? "Save" : "Add"}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
        {person && !person.hasLogin && (
          <button
            type="button"
            className="secondary"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ personId: person.id })}
          >
            Remove {person.name}
          </button>
        )}
      </p>
    </form>
  );
}

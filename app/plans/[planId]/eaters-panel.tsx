"use client";
/**
 * "Who eats this plan": one column per person with their own status against their own
 * target (plans.totals → people, computed on the server), a person switcher on phones,
 * and a form to choose the people and their portion factors (plans.setEaters).
 * Display and input only: every number comes from the server.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { formatMicrograms } from "@/app/_lib/format";
import { STATUS_SHORT, statusClass } from "@/app/_lib/status";
import { useTRPC } from "@/app/_trpc/client";
import type { Totals } from "./use-plan-editor";

type Choice = { eats: boolean; portionFactor: string };

export function EatersPanel({
  planId,
  totals,
  onSelect,
}: {
  planId: string;
  totals: Totals;
  onSelect: (personId: string) => void;
}) {
  const ids = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const people = useQuery({ ...trpc.people.list.queryOptions(), enabled: editing });
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const setEaters = useMutation(
    trpc.plans.setEaters.mutationOptions({
      onSuccess: () => {
        setError(null);
        setEditing(false);
        void queryClient.invalidateQueries({ queryKey: trpc.plans.totals.queryKey({ planId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.plans.suggestions.queryKey() });
      },
      onError: (failure) =>
        setError({
          message: failure.message,
          field: (failure.data as { field?: string | null } | undefined)?.field ?? null,
        }),
    }),
  );
  const eating = new Map(totals.people.map((person) => [person.personId, person]));
  const choiceOf = (personId: string): Choice =>
    choices[personId] ?? {
      eats: eating.has(personId),
      portionFactor: String(eating.get(personId)?.portionFactor ?? 1),
    };
  const save = () => {
    const list = (people.data ?? []).filter((person) => choiceOf(person.id).eats);
    setEaters.mutate({
      planId,
      eaters: list.map((person) => ({
        personId: person.id,
        portionFactor: Number(choiceOf(person.id).portionFactor),
      })),
    });
  };
  const fieldError = (index: number) =>
    error?.field?.startsWith(`eaters.${index}.`) ? error.message : null;

  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Who eats this plan</h2>
      <label className="person-switcher">
        Show the plan for{" "}
        <select value={totals.personId} onChange={(event) => onSelect(event.target.value)}>
          {totals.people.map((person) => (
            <option key={person.personId} value={person.personId}>
              {person.name}
            </option>
          ))}
          {!eating.has(totals.personId) && (
            <option value={totals.personId}>{totals.personName}</option>
          )}
        </select>
      </label>
      <ul className="people-columns" aria-label="Each person's B12">
        {totals.people.map((person) => {
          const selected = person.personId === totals.personId;
          return (
            <li
              key={person.personId}
              className={`person-column${statusClass(person.status)}${selected ? " selected" : ""}`}
              data-person={person.name}
            >
              <button
                type="button"
                className="link-button"
                aria-pressed={selected}
                onClick={() => onSelect(person.personId)}
              >
                <strong>{person.name}</strong>
              </button>
              <span className="small">
                {person.portionFactor === 1
                  ? "the plan's amounts"
                  : `× ${person.portionFactor} of each meal`}
              </span>
              <span className="person-status">{STATUS_SHORT[person.status]}</span>
              <span className="small">
                {formatMicrograms(person.averageB12Micrograms)} µg a day
                {person.averageComplete ? "" : " or more"}
                {person.target.micrograms !== null &&
                  ` of ${formatMicrograms(person.target.micrograms)} µg`}
              </span>
            </li>
          );
        })}
      </ul>
      {!editing ? (
        <p>
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            Change who eats this plan
          </button>
        </p>
      ) : (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          {people.isPending && <p className="small">Loading the household's people…</p>}
          <ul className="eater-choices">
            {(people.data ?? []).map((person) => {
              const choice = choiceOf(person.id);
              const index = (people.data ?? [])
                .filter((other) => choiceOf(other.id).eats)
                .findIndex((other) => other.id === person.id);
              const problem = index >= 0 ? fieldError(index) : null;
              const update = (next: Partial<Choice>) =>
                setChoices((all) => ({ ...all, [person.id]: { ...choice, ...next } }));
              return (
                <li key={person.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={choice.eats}
                      onChange={(event) => update({ eats: event.target.checked })}
                    />{" "}
                    {person.name}
                  </label>{" "}
                  <label>
                    portion{" "}
                    <input
                      type="number"
                      inputMode="decimal"
                      min={0.1}
                      max={3}
                      step={0.1}
                      value={choice.portionFactor}
                      disabled={!choice.eats}
                      aria-invalid={problem ? true : undefined}
                      aria-label={`${person.name}'s portion factor`}
                      onChange={(event) => update({ portionFactor: event.target.value })}
                    />
                  </label>
                  {problem && (
                    <span className="field-error" role="alert">
                      {problem}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          <p className="small">
            A portion factor of 0.5 means half of every amount in the plan (a young child, say). Add
            people without a login on the{" "}
            <Link prefetch={false} href="/household">
              household page
            </Link>
            .
          </p>
          {error && !error.field?.startsWith("eaters.") && (
            <p className="field-error" role="alert">
              {error.message}
            </p>
          )}
          <p className="actions">
            <button type="submit" disabled={setEaters.isPending}>
              Save
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

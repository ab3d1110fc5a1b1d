"use client";
import { useMutation } from "@tanstack/react-query";
import { type RefObject, useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
/**
 * Tools under one meal of the plan editor: the undo of a removal (plans.restoreEntry)
 * and copying the meal to other days or meals (plans.copyMeal). Kept apart from the
 * editor so it only wires them in.
 *
 * Focus: after "Remove", the row (and its button) is gone, so focus moves to "Undo" in
 * the same meal; when the notice goes (Undo, ×, or after UNDO_SECONDS), focus moves to the
 * meal's "Add food" button, never to the top of the page.
 */
import { MEAL_LABELS } from "@/server/domain/vocabulary";
import type { RouterOutputs } from "@/server/trpc/root";

type Meal = "breakfast" | "lunch" | "dinner" | "snack";
type EditResult = Pick<RouterOutputs["plans"]["removeEntry"], "plan" | "totals">;

/** How long the Undo stays on screen. The server keeps a removal for 10 minutes. */
export const UNDO_SECONDS = 8;

export type RemovedEntry = { entryId: string; foodName: string; day: number; meal: Meal };

/** Removal with undo: `remove` deletes at once and remembers what went; `undo` puts it back. */
export function useUndoableRemoval(
  onEdit: (result: EditResult) => void,
  onError: (failure: { message: string }) => void,
) {
  const trpc = useTRPC();
  const [removed, setRemoved] = useState<RemovedEntry | null>(null);
  const removeEntry = useMutation(
    trpc.plans.removeEntry.mutationOptions({
      onSuccess: onEdit,
      onError: (failure) => {
        setRemoved(null);
        onError(failure);
      },
    }),
  );
  const restoreEntry = useMutation(
    trpc.plans.restoreEntry.mutationOptions({
      onSuccess: (result) => {
        setRemoved(null);
        onEdit(result);
      },
      onError: (failure) => {
        setRemoved(null);
        onError(failure);
      },
    }),
  );
  return {
    removed,
    busy: removeEntry.isPending || restoreEntry.isPending,
    remove: (entry: RemovedEntry) => {
      setRemoved(entry);
      removeEntry.mutate({ entryId: entry.entryId });
    },
    undo: () => {
      if (removed) restoreEntry.mutate({ entryId: removed.entryId });
    },
    dismiss: () => setRemoved(null),
  };
}

/** Moves focus to the meal's "Add food" button if it was inside `box`. */
function handFocusToMeal(box: RefObject<HTMLElement | null>): void {
  const element = box.current;
  if (!element?.contains(document.activeElement)) return;
  element.closest("section")?.querySelector<HTMLElement>("button[data-add-food]")?.focus();
}

export function UndoRemoval(props: {
  removed: RemovedEntry;
  busy: boolean;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const { onDismiss } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new removal restarts the timer and takes focus
  useEffect(() => {
    undoButton.current?.focus();
    const timer = setTimeout(() => {
      handFocusToMeal(box);
      onDismiss();
    }, UNDO_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [props.removed.entryId]);
  return (
    <div className="undo-notice" ref={box} role="status">
      <span>Removed {props.removed.foodName}.</span>
      <button
        ref={undoButton}
        type="button"
        className="link-button"
        // Not `disabled` while the removal is still on its way: a disabled button cannot
        // take focus, and focus would fall to the top of the page.
        aria-disabled={props.busy || undefined}
        onClick={() => {
          if (props.busy) return;
          handFocusToMeal(box);
          props.onUndo();
        }}
      >
        Undo<span className="sr-only"> removing {props.removed.foodName}</span>
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          handFocusToMeal(box);
          props.onDismiss();
        }}
      >
        <span aria-hidden="true">×</span>
        <span className="sr-only">Dismiss</span>
      </button>
    </div>
  );
}

/** "Copy this meal…": to other days (and optionally into another meal). */
export function CopyMeal(props: {
  planId: string;
  day: number;
  meal: Meal;
  dayCount: number;
  labelOf: (day: number) => string;
  onApplied: (result: EditResult) => void;
}) {
  const trpc = useTRPC();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<number[]>([]);
  const [toMeal, setToMeal] = useState<Meal>(props.meal);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const copyMeal = useMutation(
    trpc.plans.copyMeal.mutationOptions({
      onSuccess: (result) => {
        props.onApplied(result);
        setMessage(`Copied ${result.copiedEntries} food${result.copiedEntries === 1 ? "" : "s"}.`);
        setError(null);
        setOpen(false);
        setChosen([]);
      },
      onError: (failure) => setError(failure.message),
    }),
  );
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) openButton.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <p className="actions">
        <button
          ref={openButton}
          type="button"
          className="link-button"
          onClick={() => {
            setMessage(null);
            setOpen(true);
          }}
        >
          Copy this meal…<span className="sr-only"> ({MEAL_LABELS[props.meal]})</span>
        </button>
        <span role="status" className="small muted">
          {message}
        </span>
      </p>
    );
  }
  const days = Array.from({ length: props.dayCount }, (_, index) => index + 1);
  const sameMeal = toMeal === props.meal;
  return (
    <form
      className="stack copy-day"
      onSubmit={(event) => {
        event.preventDefault();
        const toDays = chosen.filter((day) => !(sameMeal && day === props.day));
        if (toDays.length === 0) {
          setError("Choose at least one day to copy to.");
          return;
        }
        copyMeal.mutate({
          planId: props.planId,
          fromDay: props.day,
          meal: props.meal,
          toDays,
          toMeal,
        });
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") setOpen(false);
      }}
    >
      <div className="field">
        <label htmlFor={`${ids}-meal`}>Copy {MEAL_LABELS[props.meal].toLowerCase()} into</label>
        <select
          id={`${ids}-meal`}
          value={toMeal}
          onChange={(event) => setToMeal(event.target.value as Meal)}
        >
          {(Object.keys(MEAL_LABELS) as Meal[]).map((meal) => (
            <option key={meal} value={meal}>
              {MEAL_LABELS[meal]}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>of these days</legend>
        <div className="copy-days">
          {days.map((day) => {
            const disabled = sameMeal && day === props.day;
            return (
              <label key={day} className="choice">
                <input
                  type="checkbox"
                  disabled={disabled}
                  checked={!disabled && chosen.includes(day)}
                  onChange={(event) =>
                    setChosen((list) =>
                      event.target.checked ? [...list, day] : list.filter((item) => item !== day),
                    )
                  }
                />
                {props.labelOf(day)}
              </label>
            );
          })}
        </div>
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={copyMeal.isPending}>
          Copy
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

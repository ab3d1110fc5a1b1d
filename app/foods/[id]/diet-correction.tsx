"use client";
/** Lets a person correct a food's diet; the correction is kept apart from the USDA data. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { DIET_LABEL } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/client";

type Diet = keyof typeof DIET_LABEL;

export function DietCorrection(props: {
  foodId: string;
  diet: Diet;
  classifiedDiet: Diet;
  corrected: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [diet, setDiet] = useState<Diet>(props.diet);
  const [note, setNote] = useState("");
  const mutation = useMutation(
    trpc.foods.setDietOverride.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.foods.pathKey() });
        setOpen(false);
        router.refresh();
      },
    }),
  );

  if (!open) {
    return (
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Correct the diet
        </button>
        {props.corrected && (
          <button
            type="button"
            className="secondary"
            disabled={mutation.isPending}
            onClick={() => mutation.mutate({ foodId: props.foodId, diet: null })}
          >
            Undo my correction (back to {DIET_LABEL[props.classifiedDiet].toLowerCase()})
          </button>
        )}
      </div>
    );
  }

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate({ foodId: props.foodId, diet, note: note.trim() || undefined });
      }}
    >
      <fieldset>
        <legend>This food is</legend>
        {(Object.keys(DIET_LABEL) as Diet[]).map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name={`${id}-diet`}
              value={option}
              checked={diet === option}
              onChange={() => setDiet(option)}
            />
            {DIET_LABEL[option]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>Why (optional)</label>
        <input
          id={`${id}-note`}
          type="text"
          value={note}
          maxLength={500}
          onChange={(event) => setNote(event.target.value)}
          placeholder="e.g. contains gelatin"
        />
        <p className="field-hint">Your correction is kept when the USDA data is imported again.</p>
      </div>
      {mutation.isError && (
        <div className="alert error" role="alert">
          {mutation.error.message}
        </div>
      )}
      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          Save correction
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

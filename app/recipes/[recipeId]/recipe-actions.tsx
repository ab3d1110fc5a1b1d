"use client";
/**
 * A recipe's actions: Edit, Duplicate, Delete (a recipe that plans use is deleted only
 * after a confirmation naming those plans, and then leaves them), and "Save as a scaled
 * copy" beside the servings control.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { formatServings } from "../recipe-format";
import type { Recipe } from "../recipe-types";

function useOpenCopy() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return (copy: { id: string }) => {
    void queryClient.invalidateQueries({ queryKey: trpc.recipes.list.queryKey() });
    router.push(`/recipes/${encodeURIComponent(copy.id)}`);
  };
}

export function RecipeActions({ recipe }: { recipe: Recipe }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const ids = useId();
  const openCopy = useOpenCopy();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const duplicate = useMutation(
    trpc.recipes.duplicate.mutationOptions({
      onSuccess: openCopy,
      onError: (failure) => setError(failure.message),
    }),
  );
  const remove = useMutation(
    trpc.recipes.delete.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.recipes.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.plans.pathKey() });
        router.push("/recipes");
        router.refresh();
      },
      onError: (failure) => setError(failure.message),
    }),
  );
  const inUse = recipe.usedIn.length > 0;

  return (
    <div className="stack">
      <p className="actions">
        <Link href={`/recipes/${encodeURIComponent(recipe.id)}/edit`} className="button secondary">
          Edit<span className="sr-only"> {recipe.name}</span>
        </Link>
        <button
          type="button"
          className="secondary"
          disabled={duplicate.isPending}
          onClick={() => duplicate.mutate({ recipeId: recipe.id })}
        >
          Duplicate<span className="sr-only"> {recipe.name}</span>
        </button>
        <button
          type="button"
          className="secondary danger"
          aria-expanded={confirming}
          aria-controls={`${ids}-confirm`}
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
        >
          Delete<span className="sr-only"> {recipe.name}</span>
        </button>
      </p>
      {inUse && (
        <p className="small muted">
          Used in{" "}
          {recipe.usedIn.map((plan, index) => (
            <span key={plan.planId}>
              {index > 0 && ", "}
              <Link href={`/plans/${encodeURIComponent(plan.planId)}`}>{plan.planName}</Link>
              {plan.dishCount > 1 && ` (${plan.dishCount} times)`}
            </span>
          ))}
          .
        </p>
      )}
      {confirming && (
        <div
          id={`${ids}-confirm`}
          className="alert warn stack"
          role="alertdialog"
          aria-labelledby={`${ids}-confirm-text`}
        >
          <p id={`${ids}-confirm-text`}>
            {inUse ? (
              <>
                <strong>{recipe.name}</strong> is used in {recipe.usedIn.length}{" "}
                {recipe.usedIn.length === 1 ? "plan" : "plans"}:{" "}
                {recipe.usedIn.map((plan) => plan.planName).join(", ")}. Deleting it also removes it
                from{" "}
                {recipe.usedIn.length === 1
                  ? "that plan, and its totals"
                  : "those plans, and their totals"}{" "}
                will change.
              </>
            ) : (
              <>
                Delete <strong>{recipe.name}</strong>? This cannot be undone.
              </>
            )}
          </p>
          <p className="actions">
            <button
              type="button"
              className="danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ recipeId: recipe.id, removeFromPlans: inUse })}
            >
              {inUse ? "Delete and remove from plans" : "Delete recipe"}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </p>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** "Save as a scaled copy": a new recipe with every amount scaled to the shown servings. */
export function ScaledCopy({ recipe, servings }: { recipe: Recipe; servings: number }) {
  const trpc = useTRPC();
  const openCopy = useOpenCopy();
  const [error, setError] = useState<string | null>(null);
  const duplicate = useMutation(
    trpc.recipes.duplicate.mutationOptions({
      onSuccess: openCopy,
      onError: (failure) => setError(failure.message),
    }),
  );
  return (
    <div>
      <button
        type="button"
        className="secondary"
        disabled={duplicate.isPending}
        onClick={() => duplicate.mutate({ recipeId: recipe.id, servings })}
      >
        Save as a scaled copy ({formatServings(servings)})
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

"use client";
/** Deletes one of the person's own foods, after an explicit confirmation. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";

export function DeleteCustomFood({ foodId, name }: { foodId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation(
    trpc.foods.deleteCustom.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.foods.pathKey() });
        router.push("/foods");
        router.refresh();
      },
    }),
  );

  if (!confirming) {
    return (
      <button type="button" className="secondary" onClick={() => setConfirming(true)}>
        Delete…
      </button>
    );
  }
  return (
    <div className="alert warn" role="alertdialog" aria-label="Confirm deletion">
      <p>Delete “{name}”? This cannot be undone.</p>
      {mutation.isError && <p className="field-error">{mutation.error.message}</p>}
      <div className="actions">
        <button
          type="button"
          className="danger"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate({ id: foodId })}
        >
          Yes, delete it
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </div>
    </div>
  );
}

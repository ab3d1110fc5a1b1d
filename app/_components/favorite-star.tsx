"use client";
/**
 * A star that marks a food as a favourite (foods.setFavorite). Favourites fill the
 * add-food panel while its search box is empty. The star answers at once and goes back
 * if the server refuses, saying why.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";

export function FavoriteStar(props: { foodId: string; foodName: string; favorite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [on, setOn] = useState(props.favorite);
  const [error, setError] = useState<string | null>(null);
  const setFavorite = useMutation(
    trpc.foods.setFavorite.mutationOptions({
      onSuccess: () => {
        setError(null);
        void queryClient.invalidateQueries({ queryKey: trpc.foods.favorites.queryKey() });
      },
      onError: (failure, input) => {
        setOn(!input.favorite);
        setError(failure.message);
      },
    }),
  );
  return (
    <>
      <button
        type="button"
        className={`star-button${on ? " on" : ""}`}
        aria-pressed={on}
        title={on ? "Remove from favourites" : "Add to favourites"}
        onClick={() => {
          setOn(!on);
          setFavorite.mutate({ foodId: props.foodId, favorite: !on });
        }}
      >
        <span aria-hidden="true">{on ? "★" : "☆"}</span>
        <span className="sr-only">Favourite: {props.foodName}</span>
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

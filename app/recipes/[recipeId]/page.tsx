import type { Metadata } from "next";
import { callOrNotFound, serverCaller } from "@/app/_trpc/server";
import { RecipeView } from "./recipe-view";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ recipeId: string }> };

async function loadRecipe(recipeId: string) {
  return callOrNotFound(() =>
    serverCaller().recipes.get({ recipeId: decodeURIComponent(recipeId) }),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const recipe = await loadRecipe((await params).recipeId);
  return { title: recipe.name };
}

export default async function RecipePage({ params }: Props) {
  const recipe = await loadRecipe((await params).recipeId);
  return <RecipeView initialRecipe={recipe} />;
}

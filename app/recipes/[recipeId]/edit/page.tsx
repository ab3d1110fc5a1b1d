import type { Metadata } from "next";
import Link from "next/link";
import { callOrNotFound, serverCaller } from "@/app/_trpc/server";
import { RecipeForm } from "../../recipe-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit recipe" };

export default async function EditRecipePage({
  params,
}: {
  params: Promise<{ recipeId: string }>;
}) {
  const recipeId = decodeURIComponent((await params).recipeId);
  const recipe = await callOrNotFound(() => serverCaller().recipes.get({ recipeId }));
  return (
    <>
      <p className="small">
        <Link href={`/recipes/${encodeURIComponent(recipe.id)}`}>← Back to {recipe.name}</Link>
      </p>
      <h1>Edit {recipe.name}</h1>
      <RecipeForm recipe={recipe} />
    </>
  );
}

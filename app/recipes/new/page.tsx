import type { Metadata } from "next";
import Link from "next/link";
import { RecipeForm } from "../recipe-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New recipe" };

export default function NewRecipePage() {
  return (
    <>
      <p className="small">
        <Link href="/recipes">← All recipes</Link>
      </p>
      <h1>New recipe</h1>
      <p className="lede">
        Paste the ingredient list as you have it. Each line is matched with a food; check the
        matches, change any that are wrong, and save.
      </p>
      <RecipeForm />
    </>
  );
}

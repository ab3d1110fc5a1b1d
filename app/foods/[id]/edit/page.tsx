import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { callOrNotFound, serverCaller } from "@/app/_trpc/server";
import { CustomFoodForm } from "../../custom-food-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit your food" };

export default async function EditFoodPage({ params }: { params: Promise<{ id: string }> }) {
  const id = decodeURIComponent((await params).id);
  const food = await callOrNotFound(() => serverCaller().foods.get({ id }));
  if (food.source !== "custom" || !food.label) notFound();
  return (
    <>
      <p className="small">
        <Link href={`/foods/${encodeURIComponent(food.id)}`}>← Back to {food.name}</Link>
      </p>
      <h1>Edit your food</h1>
      <CustomFoodForm
        initial={{
          id: food.id,
          name: food.name,
          servingGrams: food.label.servingGrams,
          b12Micrograms: food.label.b12Micrograms,
          percentDailyValue: food.label.percentDailyValue,
          labelEdition: food.label.labelEdition,
          diet: food.classifiedDiet,
          fortified: food.b12Fortified,
          group: food.group?.code ?? null,
          portions: food.portions
            .slice(1)
            .map((portion) => ({ label: portion.label, grams: portion.grams })),
        }}
      />
    </>
  );
}

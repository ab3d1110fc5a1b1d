import type { Metadata } from "next";
import { CustomFoodForm } from "../custom-food-form";

export const metadata: Metadata = { title: "Add a food from its label" };

export default function NewFoodPage() {
  return (
    <>
      <h1>Add a food from its label</h1>
      <p className="lede">
        For your own brand of fortified plant drink, breakfast cereal or nutritional yeast: copy the
        serving size and the vitamin B12 line from the nutrition label. The food is yours alone and
        shows up in search like any other.
      </p>
      <CustomFoodForm />
    </>
  );
}

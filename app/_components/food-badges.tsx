/** The badges a food carries everywhere it is listed: diet, fortified, B12 unknown, origin. */
import type { RouterOutputs } from "@/server/trpc/root";

type Food = Pick<
  RouterOutputs["foods"]["get"],
  "diet" | "b12Fortified" | "b12PerHundredGrams" | "source" | "dietCorrected"
>;

export function FoodBadges({ food }: { food: Food }) {
  return (
    <div className="badges">
      {food.diet === "vegan" && <span className="badge vegan">Vegan</span>}
      {food.diet === "vegetarian" && <span className="badge vegetarian">Vegetarian</span>}
      {food.diet === "omnivore" && <span className="badge omnivore">Meat or fish</span>}
      {food.b12Fortified && <span className="badge fortified">B12 fortified</span>}
      {food.b12PerHundredGrams === null && <span className="badge unknown">B12 unknown</span>}
      {food.source === "custom" && <span className="badge custom">Your food</span>}
      {food.source === "curated" && <span className="badge curated">Typical label value</span>}
      {food.dietCorrected && <span className="badge custom">Diet corrected by you</span>}
    </div>
  );
}

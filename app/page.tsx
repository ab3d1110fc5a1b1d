import Link from "next/link";

export default function HomePage() {
  return (
    <div className="hero">
      <h1>Plan your vitamin B12, meal by meal</h1>
      <p className="lede">
        B12 Planner checks how much vitamin B12 your meals give, using the full USDA food database,
        fortified foods and the products you enter from their labels. It is honest about what it
        does not know: a food without a B12 value is marked unknown, never counted as zero.
      </p>
      <div className="tiles">
        <section className="card tile" aria-labelledby="tile-foods">
          <h2 id="tile-foods">Find foods</h2>
          <p>
            Search 8,789 USDA foods and see their B12 per 100 g and per cup, slice or egg. Filter to
            vegan, vegetarian or fortified foods.
          </p>
          <Link className="button" href="/foods">
            Search foods
          </Link>
        </section>
        <section className="card tile" aria-labelledby="tile-label">
          <h2 id="tile-label">Add your own product</h2>
          <p>
            Your fortified plant drink or nutritional yeast is missing? Enter it from the nutrition
            label, in µg or as % Daily Value.
          </p>
          <Link className="button secondary" href="/foods/new">
            Add a food from a label
          </Link>
        </section>
        <section className="card tile" aria-labelledby="tile-plans">
          <h2 id="tile-plans">Meal plans</h2>
          <p className="muted">
            Coming next: build a plan, check each day against the B12 recommended for you, and turn
            it into a shopping list.
          </p>
        </section>
      </div>
    </div>
  );
}

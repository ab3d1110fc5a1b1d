/** schema.org Recipe JSON-LD as recipe pages publish it, read into name, servings, lines, steps. */
import { describe, expect, it } from "vitest";
import { parseRecipeJsonLd, plainText, servingsFromYield } from "@/server/domain/recipe-jsonld";

const LENTIL_SOUP = {
  "@context": "https://schema.org",
  "@type": "Recipe",
  name: "Red Lentil Soup",
  recipeYield: ["4", "4 servings"],
  recipeIngredient: ["1 cup red lentils", "1 onion, chopped", "4 cups vegetable broth"],
  recipeInstructions: [
    { "@type": "HowToStep", text: "Rinse the lentils." },
    { "@type": "HowToStep", text: "Simmer everything for 20 minutes." },
  ],
};

describe("parseRecipeJsonLd", () => {
  it("reads a plain Recipe object with HowToSteps", () => {
    const result = parseRecipeJsonLd(JSON.stringify(LENTIL_SOUP));
    expect(result).toEqual({
      ok: true,
      recipe: {
        name: "Red Lentil Soup",
        servings: 4,
        yieldText: "4",
        ingredients: ["1 cup red lentils", "1 onion, chopped", "4 cups vegetable broth"],
        steps: ["Rinse the lentils.", "Simmer everything for 20 minutes."],
      },
    });
  });

  it("finds the Recipe inside a @graph with other nodes, @type as a list", () => {
    const page = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebSite", name: "A food blog" },
        { "@type": "BreadcrumbList", itemListElement: [] },
        {
          "@type": ["Recipe", "NewsArticle"],
          name: "Tofu Stir-Fry &amp; Greens",
          recipeYield: "Serves 2-3",
          recipeIngredient: ["200 g firm tofu", "2 tbsp soy sauce"],
          recipeInstructions: [
            {
              "@type": "HowToSection",
              name: "Tofu",
              itemListElement: [{ "@type": "HowToStep", text: "<p>Press the tofu.</p>" }],
            },
            { "@type": "HowToSection", name: "Sauce", itemListElement: ["Mix the sauce."] },
          ],
        },
      ],
    };
    const result = parseRecipeJsonLd(JSON.stringify(page));
    expect(result.ok && result.recipe).toEqual({
      name: "Tofu Stir-Fry & Greens",
      servings: 2,
      yieldText: "Serves 2-3",
      ingredients: ["200 g firm tofu", "2 tbsp soy sauce"],
      steps: ["Press the tofu.", "Mix the sauce."],
    });
  });

  it("reads an array of nodes, instructions as one text and the older 'ingredients' key", () => {
    const result = parseRecipeJsonLd(
      JSON.stringify([
        { "@type": "Organization", name: "x" },
        {
          "@type": "http://schema.org/Recipe",
          name: "Overnight oats",
          recipeYield: 1,
          ingredients: ["½ cup rolled oats", "½ cup soy milk"],
          recipeInstructions: "Mix.\nLeave overnight.",
        },
      ]),
    );
    expect(result.ok && result.recipe).toEqual({
      name: "Overnight oats",
      servings: 1,
      yieldText: "1",
      ingredients: ["½ cup rolled oats", "½ cup soy milk"],
      steps: ["Mix.", "Leave overnight."],
    });
  });

  it("explains what is wrong, naming the json field", () => {
    expect(parseRecipeJsonLd("{not json")).toEqual({
      ok: false,
      reason: "json: this is not valid JSON",
    });
    expect(parseRecipeJsonLd(JSON.stringify({ "@type": "WebPage" }))).toEqual({
      ok: false,
      reason: 'json: no schema.org "Recipe" found in this JSON-LD',
    });
    expect(parseRecipeJsonLd(JSON.stringify({ "@type": "Recipe", name: "Empty" }))).toEqual({
      ok: false,
      reason: "json: the recipe has no recipeIngredient list",
    });
  });

  it("survives deep or circular-looking input without recursing forever", () => {
    let deep: unknown = { "@type": "Recipe", name: "Deep", recipeIngredient: ["1 egg"] };
    for (let level = 0; level < 50; level++) deep = { "@graph": [deep] };
    expect(parseRecipeJsonLd(JSON.stringify(deep)).ok).toBe(false);
  });
});

describe("helpers", () => {
  it("reads servings from yields as pages write them", () => {
    expect(servingsFromYield("4 servings")).toBe(4);
    expect(servingsFromYield("Makes 12 muffins")).toBe(12);
    expect(servingsFromYield(["", "6"])).toBe(6);
    expect(servingsFromYield(undefined)).toBeNull();
    expect(servingsFromYield("a big pot")).toBeNull();
  });

  it("strips tags and decodes entities", () => {
    expect(plainText("<b>Salt</b> &amp; pepper&nbsp;to taste &#189; &#x2013;")).toBe(
      "Salt & pepper to taste ½ –",
    );
  });
});

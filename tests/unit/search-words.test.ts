import { describe, expect, it } from "vitest";
import { respellWord, singularWord, wordPrefixes } from "@/server/domain/search-words";

describe("singular forms", () => {
  it("drops a plain -s", () => {
    expect(singularWord("eggs")).toBe("egg");
    expect(singularWord("sardines")).toBe("sardine");
    expect(singularWord("clams")).toBe("clam");
    expect(singularWord("apples")).toBe("apple");
  });

  it("drops -es after ch, sh, x, s, z and o", () => {
    expect(singularWord("peaches")).toBe("peach");
    expect(singularWord("radishes")).toBe("radish");
    expect(singularWord("tomatoes")).toBe("tomato");
    expect(singularWord("potatoes")).toBe("potato");
  });

  it("turns -ies into -y, except for -ie words", () => {
    expect(singularWord("berries")).toBe("berry");
    expect(singularWord("cherries")).toBe("cherry");
    expect(singularWord("cookies")).toBe("cookie");
    expect(singularWord("pies")).toBe("pie");
  });

  it("knows irregular plurals and words that only look plural", () => {
    expect(singularWord("leaves")).toBe("leaf");
    expect(singularWord("loaves")).toBe("loaf");
    expect(singularWord("asparagus")).toBe("asparagus");
    expect(singularWord("hummus")).toBe("hummus");
    expect(singularWord("swiss")).toBe("swiss");
    expect(singularWord("oats")).toBe("oat");
  });

  it("leaves short words, numbers and singular words alone", () => {
    expect(singularWord("gas")).toBe("gas");
    expect(singularWord("2s")).toBe("2s");
    expect(singularWord("milk")).toBe("milk");
    expect(singularWord("egg")).toBe("egg");
  });
});

describe("index prefixes", () => {
  it("uses the singular as the prefix when it also finds the plural", () => {
    expect(wordPrefixes("eggs")).toEqual(["egg"]);
    expect(wordPrefixes("egg")).toEqual(["egg"]);
    expect(wordPrefixes("potatoes")).toEqual(["potato"]);
  });

  it("adds the -ies plural, which the singular does not begin", () => {
    expect(wordPrefixes("strawberry")).toEqual(["strawberry", "strawberries"]);
    expect(wordPrefixes("blueberries")).toEqual(["blueberries", "blueberry"]);
  });

  it("adds irregular plurals", () => {
    expect(wordPrefixes("leaf")).toEqual(["leaf", "leaves"]);
  });
});

describe("spellings", () => {
  it("folds British and variant spellings to SR28's", () => {
    expect(respellWord("yoghurt")).toBe("yogurt");
    expect(respellWord("soya")).toBe("soy");
    expect(respellWord("fibre")).toBe("fiber");
    expect(respellWord("wholemeal")).toBe("wholemeal");
    expect(respellWord("milk")).toBe("milk");
  });
});

import { describe, expect, it } from "vitest";
import { Vocabulary, tokenize } from "~/directory/search-text";

describe("tokenize", () => {
  it("lower-cases, drops accents, apostrophes, stopwords and single letters", () => {
    expect(tokenize("Children's Café: help with the NHS App & a CV")).toEqual(["childrens", "cafe", "help", "nhs", "app", "cv"]);
  });
});

describe("Vocabulary.match", () => {
  const vocabulary = new Vocabulary();
  for (const word of ["laptop", "laptops", "universal", "credit", "accredited", "english", "engineering", "cv", "cvs", "computing", "tablet", "establish"]) {
    vocabulary.add(word);
  }
  const words = (term: string) => vocabulary.match(term).map((m) => m.word).sort();

  it("reads one typo in a short word and two in a long one", () => {
    expect(words("labtop")).toEqual(["laptop", "laptops"]);
    expect(words("univeral")).toEqual(["universal"]);
    expect(words("unversl")).toEqual([]);
    expect(words("univrsl")).toEqual([]);
    expect(words("engish")).toEqual(["english"]);
  });

  it("does not match a word hidden inside a longer one", () => {
    expect(words("credit")).toEqual(["credit"]);
    expect(words("tab")).toEqual(["tablet"]);
  });

  it("scores the word itself above a plural, a completion and a typo", () => {
    const score = (term: string, word: string) => vocabulary.match(term).find((m) => m.word === word)!.similarity;
    expect(score("laptop", "laptop")).toBe(1);
    expect(score("laptop", "laptops")).toBeLessThan(1);
    expect(score("comp", "computing")).toBeLessThan(score("laptop", "laptops"));
    expect(score("labtop", "laptop")).toBeLessThan(score("comp", "computing"));
    expect(words("cv")).toEqual(["cv", "cvs"]);
  });
});

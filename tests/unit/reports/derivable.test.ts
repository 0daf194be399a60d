import { describe, expect, it } from "vitest";
import { Derivable } from "~/reports/derivable";

describe("Derivable", () => {
  it("works out sums by adding and subtracting what is known", () => {
    const known = new Derivable([]);
    known.addUnlessRevealing([{ a: 1, b: 1, c: 1 }]);
    known.addUnlessRevealing([{ a: 1 }]);
    expect(known.knows({ b: 1, c: 1 })).toBe(true);
    expect(known.knows({ b: 1 })).toBe(false);
    known.addUnlessRevealing([{ b: 1, c: -1 }]);
    expect(known.knows({ b: 1 })).toBe(true);
  });

  it("refuses a number that would give a secret away, and keeps what it knew", () => {
    // Total 22 known; 20 with consent would give away the 2 signposts.
    const known = new Derivable([{ signposts: 1 }]);
    expect(known.addUnlessRevealing([{ live: 1, signposts: 1 }])).toBe(true);
    expect(known.addUnlessRevealing([{ live: 1 }])).toBe(false);
    expect(known.knows({ live: 1 })).toBe(false);
    // Numbers that say nothing new about the secret are fine, however many.
    expect(known.addUnlessRevealing([{ other: 1 }, { live: 2, signposts: 2, other: 1 }])).toBe(true);
  });

  it("treats a share as tying its part to its whole", () => {
    const known = new Derivable([{ reached: 1 }]);
    expect(known.addUnlessRevealing([{ reached: 1, other: 1 }])).toBe(true);
    // 15% reached: reached − 0.15 × (reached + other) = 0, which with the whole known gives 'reached'.
    expect(known.addUnlessRevealing([{ reached: 0.85, other: -0.15 }])).toBe(false);
  });

  it("will not protect a secret with no terms", () => {
    expect(() => new Derivable([{}])).toThrow(/no terms/);
  });
});

import { describe, expect, it } from "vitest";
import { selectSmallest } from "~/directory/search-select";

describe("selectSmallest", () => {
  it("puts the k smallest first for random, sorted, reversed and repetitive input", () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const inputs = [
      Array.from({ length: 500 }, () => Math.floor(random() * 1000)),
      Array.from({ length: 300 }, (_, i) => i),
      Array.from({ length: 300 }, (_, i) => 300 - i),
      Array.from({ length: 200 }, (_, i) => i % 3),
      [5],
    ];
    for (const input of inputs) {
      const sorted = [...input].sort((a, b) => a - b);
      for (const k of [0, 1, 20, 40, Math.floor(input.length / 2), input.length]) {
        const keys = Float64Array.from(input);
        selectSmallest(keys, k);
        const head = [...keys.subarray(0, k)].sort((a, b) => a - b);
        expect(head, `k=${k} of ${input.length}`).toEqual(sorted.slice(0, k));
        expect([...keys].sort((a, b) => a - b)).toEqual(sorted);
      }
    }
  });
});

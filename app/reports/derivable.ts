/**
 * What a reader can work out by adding and subtracting published numbers. Every published number
 * is a sum of underlying counts (its Terms); a hidden count is safe only while its terms are not
 * a combination of what is published. The published sums are kept in echelon form as they are
 * added (Gaussian elimination), and each hidden count's remainder against them is kept up to
 * date, so checking one more number costs one elimination step per hidden count.
 */
import type { Terms } from "./figure";

type Vector = Map<string, number>;

// Coefficients are small whole numbers and shares (ratios); anything this close to 0 is 0.
const EPSILON = 1e-9;

function toVector(terms: Terms): Vector {
  return new Map(Object.entries(terms).filter(([, value]) => Math.abs(value) > EPSILON));
}

/** Subtracts each basis vector's share of `vector`, leaving it 0 at every pivot. */
function reduce(vector: Vector, basis: readonly { pivot: string; vector: Vector }[]): void {
  for (const row of basis) {
    const factor = vector.get(row.pivot);
    if (factor === undefined) continue;
    for (const [name, value] of row.vector) {
      const next = (vector.get(name) ?? 0) - factor * value;
      if (Math.abs(next) < EPSILON) vector.delete(name);
      else vector.set(name, next);
    }
  }
}

export class Derivable {
  private readonly basis: { pivot: string; vector: Vector }[] = [];
  private remainders: Vector[];

  /** `secrets`: the sums that must never follow from what is published, such as each count under 5. */
  constructor(secrets: readonly Terms[]) {
    this.remainders = secrets.map(toVector);
    if (this.remainders.some((r) => r.size === 0)) throw new Error("A hidden count has no terms, so nothing could keep it hidden");
  }

  /** Whether the sum `terms` follows from what has been added. */
  knows(terms: Terms): boolean {
    const vector = toVector(terms);
    reduce(vector, this.basis);
    return vector.size === 0;
  }

  /**
   * Adds `equations` (published together, or not at all) unless, with what is already known, they
   * would give a secret away. Returns whether they were added.
   */
  addUnlessRevealing(equations: readonly Terms[]): boolean {
    const added: { pivot: string; vector: Vector }[] = [];
    for (const equation of equations) {
      const vector = toVector(equation);
      reduce(vector, this.basis);
      reduce(vector, added);
      if (vector.size === 0) continue;
      let pivot = "";
      let largest = 0;
      for (const [name, value] of vector) {
        if (Math.abs(value) > largest) [pivot, largest] = [name, Math.abs(value)];
      }
      const scale = vector.get(pivot)!;
      for (const [name, value] of vector) vector.set(name, value / scale);
      added.push({ pivot, vector });
    }
    if (added.length === 0) return true;
    const remainders = this.remainders.map((r) => {
      const copy = new Map(r);
      reduce(copy, added);
      return copy;
    });
    if (remainders.some((r) => r.size === 0)) return false;
    this.basis.push(...added);
    this.remainders = remainders;
    return true;
  }
}

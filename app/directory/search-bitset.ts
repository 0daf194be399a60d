/**
 * A growable set of small integers (index slots) packed 32 to a word, so combining filters for
 * 50,000 services is a few thousand AND operations rather than set look-ups per service.
 */
export class Bitset {
  words: Uint32Array;

  constructor(capacity = 0) {
    this.words = new Uint32Array(Math.ceil(capacity / 32));
  }

  private ensure(slot: number): void {
    const needed = (slot >>> 5) + 1;
    if (needed <= this.words.length) return;
    const grown = new Uint32Array(Math.max(needed, this.words.length * 2));
    grown.set(this.words);
    this.words = grown;
  }

  add(slot: number): void {
    this.ensure(slot);
    this.words[slot >>> 5] |= 1 << (slot & 31);
  }

  delete(slot: number): void {
    if (slot >>> 5 < this.words.length) this.words[slot >>> 5] &= ~(1 << (slot & 31));
  }

  has(slot: number): boolean {
    return ((this.words[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0;
  }

  copy(): Bitset {
    const result = new Bitset();
    result.words = this.words.slice();
    return result;
  }

  /** Keeps only members also in `other`, in place. */
  intersect(other: Bitset): this {
    const { words } = this;
    for (let i = 0; i < words.length; i++) words[i] &= other.words[i] ?? 0;
    return this;
  }

  toArray(): number[] {
    const result: number[] = [];
    const { words } = this;
    for (let i = 0; i < words.length; i++) {
      let bits = words[i];
      while (bits !== 0) {
        const low = bits & -bits;
        result.push(i * 32 + 31 - Math.clz32(low));
        bits ^= low;
      }
    }
    return result;
  }
}

/**
 * Words for directory search: how text is split into words, and how a typed word is matched,
 * typos and all, against every distinct word in the directory (the vocabulary).
 *
 * Running fuse.js over whole records costs hundreds of milliseconds a query at 10,000 services,
 * and even over the vocabulary alone it is tens of milliseconds a word once the vocabulary
 * holds tens of thousands of words. So a cheap filter comes first: a word within one or two
 * typos of the query shares most of its pairs of letters (bigrams), so only words sharing
 * enough of them, and of a near enough length, are handed to fuse.js to score.
 */
import Fuse from "fuse.js";

// Words too common in descriptions to tell services apart; "it" goes too, as "IT" is rarely what people type.
const STOPWORDS = new Set(
  "a an and are as at be by can do for from has have how i if in into is it its me my of on or our so that the their them they this to up us we what when where who will with you your".split(" "),
);

/** Lower case, accents and apostrophes dropped, split on anything else, stopwords removed. */
export function tokenize(text: string): string[] {
  // Decomposing accents is slow and only needed for text that has some; most listings are ASCII.
  const plain = /[^ -~\s]/.test(text) ? text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : text;
  return plain
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 2 && !STOPWORDS.has(word));
}

export interface WordMatch {
  word: string;
  /** 1 for the word itself, less for plurals, longer forms and typos. */
  similarity: number;
}

const FUSE_OPTIONS = { includeScore: true, threshold: 0.34, location: 0, distance: 8 };

/** Typos allowed in a word of this length: none in short words, where a typo makes another word. */
function typosAllowed(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** Pairs of letters, with the start and end marked ("^l", "p$") so short words share fewer by chance. */
function bigramsOf(word: string): string[] {
  const marked = `^${word}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < marked.length; i++) grams.add(marked.slice(i, i + 2));
  return [...grams];
}

export class Vocabulary {
  private readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byBigram = new Map<string, number[]>();
  private shared = new Uint16Array(1024);

  get size(): number {
    return this.words.length;
  }

  has(word: string): boolean {
    return this.ids.has(word);
  }

  add(word: string): void {
    if (this.ids.has(word)) return;
    const id = this.words.length;
    this.words.push(word);
    this.ids.set(word, id);
    for (const gram of bigramsOf(word)) {
      const list = this.byBigram.get(gram);
      if (list) list.push(id);
      else this.byBigram.set(gram, [id]);
    }
    if (id >= this.shared.length) {
      const grown = new Uint16Array(this.shared.length * 2);
      grown.set(this.shared);
      this.shared = grown;
    }
  }

  /**
   * Vocabulary words a typed word may mean: itself, words it begins or that begin it
   * ("laptop"/"laptops", "comput"/"computers"), and, from four letters, words within a typo or
   * two ("labtop" → "laptop", "univeral" → "universal").
   */
  match(term: string): WordMatch[] {
    const grams = bigramsOf(term);
    const typos = typosAllowed(term.length);
    // Each typo spoils at most two bigrams; a prefix keeps all but the end marker.
    const needed = Math.max(1, grams.length - 2 * typos - 1);
    const candidates: string[] = [];
    const touched: number[] = [];
    for (const gram of grams) {
      for (const id of this.byBigram.get(gram) ?? []) {
        if (this.shared[id]++ === 0) touched.push(id);
      }
    }
    for (const id of touched) {
      if (this.shared[id] >= needed) candidates.push(this.words[id]);
      this.shared[id] = 0;
    }
    const matches = new Map<string, number>();
    for (const word of candidates) {
      const similarity = affixSimilarity(term, word);
      if (similarity > 0) matches.set(word, similarity);
    }
    if (typos > 0) {
      const close = candidates.filter((w) => !matches.has(w) && Math.abs(w.length - term.length) <= typos);
      for (const result of new Fuse(close, FUSE_OPTIONS).search(term)) {
        matches.set(result.item, 0.8 * (1 - (result.score ?? 0)));
      }
    }
    return [...matches].map(([word, similarity]) => ({ word, similarity }));
  }
}

/**
 * Exact 1; a plural or other short ending either way 0.9 ("cv"/"cvs", "laptops"/"laptop"); a
 * longer completion of what was typed 0.7 ("comput" → "computing").
 */
function affixSimilarity(term: string, word: string): number {
  if (term === word) return 1;
  const [short, long] = term.length < word.length ? [term, word] : [word, term];
  if (!long.startsWith(short)) return 0;
  const extra = long.length - short.length;
  if (extra <= (short.length < 3 ? 1 : 2)) return 0.9;
  return long === word && short.length >= 3 ? 0.7 : 0;
}

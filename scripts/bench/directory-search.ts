/**
 * Directory search benchmark: index build time, the heap the index holds, and query times at
 * 1,000, 10,000 and 50,000 generated services. Target: p95 at or under 25 ms at 10,000 for text
 * with filters and distance. Run: npx tsx scripts/bench/directory-search.ts
 */
import os from "node:os";
import v8 from "node:v8";
import vm from "node:vm";
import { type SearchQuery, buildSearchIndex, searchServices, updateDocument } from "~/directory/search-index";
import { GENERATED_AT, KENT_TOWNS, generateServices } from "./generate-services";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const SIZES = [1_000, 10_000, 50_000];
const ROUNDS = 30;
const point = (town: keyof typeof KENT_TOWNS) => ({ lat: KENT_TOWNS[town][0], lon: KENT_TOWNS[town][1] });

/** Each text query has a typo, filters and a distance, as a search from the /services page would. */
const QUERIES: Record<string, SearchQuery[]> = {
  "text + filters + distance": [
    { q: "labtop loan", categoryIds: ["device-loan"], free: true, day: "tuesday", origin: point("Maidstone") },
    { q: "univeral credit", free: true, origin: point("Margate") },
    { q: "engish conversation", categoryIds: ["esol-literacy"], day: "wednesday", origin: point("Tunbridge Wells") },
    { q: "free sim data", free: true, attending: "in-person", origin: point("Ramsgate") },
    { q: "digital skils course beginers", day: "monday", origin: point("Ashford") },
    { q: "scams safty", categoryIds: ["online-safety"], origin: point("Canterbury") },
    { q: "job serch cv", free: true, day: "thursday", origin: point("Dover") },
    { q: "broadbnd tariff", attending: "phone", origin: point("Folkestone") },
    { q: "help computer", origin: point("Maidstone"), page: 2 },
    { q: "dyslexia screen reader", categoryIds: ["assistive-tech"], origin: point("Sevenoaks") },
  ],
  "filters only": [
    { categoryIds: ["drop-in-help"], free: true, day: "monday" },
    { categoryIds: ["money-advice", "universal-credit-help"] },
    { attending: "home-visit", day: "friday", page: 3 },
  ],
  "distance only": [{ origin: point("Canterbury") }, { origin: point("Chatham"), page: 5 }, { origin: point("Deal"), free: true }],
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
};

const rows: string[][] = [["services", "build ms", "update ms", "index heap MB", "queries", "median ms", "p95 ms", "max ms"]];
const loadBefore = os.loadavg()[0];
// Listings are dated relative to GENERATED_AT, so "not verified for 12 months" is measured from it.
const at = (query: SearchQuery): SearchQuery => ({ ...query, now: GENERATED_AT });

for (const size of SIZES) {
  const docs = generateServices(size);
  const before = heapMb();
  const started = performance.now();
  const index = buildSearchIndex(docs);
  const buildMs = performance.now() - started;
  const indexMb = heapMb() - before;
  // A saved listing replaces its old version in place; the median of 50 edits to random listings.
  const updates: number[] = [];
  for (let i = 0; i < 50; i++) {
    const doc = docs[(i * 7919) % docs.length];
    const t = performance.now();
    updateDocument(index, { ...doc, name: `${doc.name} (changed)`, description: `${doc.description} Now also on Saturdays.` });
    updates.push(performance.now() - t);
  }
  const updateMs = updates.sort((a, b) => a - b)[25];
  // Warm up: the first queries pay for compiling the code paths and the alphabetical order.
  for (const query of Object.values(QUERIES).flat()) searchServices(index, at(query));
  for (const [kind, queries] of Object.entries(QUERIES)) {
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of queries.map(at)) {
        const t = performance.now();
        searchServices(index, query);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    rows.push([
      size.toLocaleString("en-GB"),
      buildMs.toFixed(0),
      updateMs.toFixed(2),
      indexMb.toFixed(1),
      `${kind} (${times.length})`,
      percentile(times, 50).toFixed(2),
      percentile(times, 95).toFixed(2),
      times[times.length - 1].toFixed(2),
    ]);
  }
}

console.log(`Directory search — ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.availableParallelism()} cores, Node ${process.version}`);
// The machine is shared; a load above the core count stretches wall-clock times, so say what it was.
console.log(`Load average (1 min): ${loadBefore.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end\n`);
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
const format = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
console.log(format(rows[0]));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of rows.slice(1)) console.log(format(row));

/**
 * Rebuilds Waymark's embedded postcode data (content/postcodes/) from OS Code-Point Open, so
 * that the partnership's postcodes and every outward code in Great Britain are found without
 * postcodes.io. See docs/decisions/006-12-embedded-postcodes.md for the source, licence and when
 * to run this.
 *
 * Run: npx tsx scripts/build-postcodes.ts <folder of Code-Point Open CSV files (Data/CSV)>
 *
 * Writes two files:
 * - outward-codes.csv: every outward code and the centre of its postcodes;
 * - partnership-postcodes.csv: every postcode in an outward code that reaches into one of the
 *   partnership's districts, so a postcode just over a district boundary is found too.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { PARTNERSHIP_DISTRICT_CODES } from "~/directory/postcode-data.server";
import { osgb36GridToWgs84 } from "./osgb36";

const source = process.argv[2];
if (!source || !fs.existsSync(source)) {
  console.error("Give the folder of Code-Point Open CSV files, for example: npx tsx scripts/build-postcodes.ts ~/codepo_gb/Data/CSV");
  process.exit(1);
}
const out = fileURLToPath(new URL("../content/postcodes", import.meta.url));

interface Row {
  postcode: string;
  outward: string;
  easting: number;
  northing: number;
  district: string;
}

/** Code-Point Open writes "ME1 1AA", "ME141LE" or "ME14 1LE"; Waymark keeps one space before the last three. */
const tidy = (raw: string) => {
  const compact = raw.replace(/\s+/g, "").toUpperCase();
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
};

const rows: Row[] = [];
for (const file of fs.readdirSync(source).filter((f) => f.endsWith(".csv")).sort()) {
  const records = parse(fs.readFileSync(path.join(source, file)), { relax_quotes: true }) as string[][];
  for (const [postcode, quality, easting, northing, , , , , district] of records) {
    // Quality 90 means Code-Point has no position for the postcode.
    if (quality === "90" || !Number(easting) || !Number(northing)) continue;
    const tidied = tidy(postcode);
    rows.push({ postcode: tidied, outward: tidied.split(" ")[0], easting: Number(easting), northing: Number(northing), district });
  }
}

const fixed = (n: number) => n.toFixed(5);
const point = (easting: number, northing: number) => {
  const { lat, lon } = osgb36GridToWgs84(easting, northing);
  return `${fixed(lat)},${fixed(lon)}`;
};

const byOutward = new Map<string, Row[]>();
for (const row of rows) {
  const list = byOutward.get(row.outward) ?? [];
  list.push(row);
  byOutward.set(row.outward, list);
}

const districts = new Set<string>(Object.values(PARTNERSHIP_DISTRICT_CODES));
const outwardLines: string[] = [];
const postcodeLines: string[] = [];
for (const [outward, list] of [...byOutward].sort(([a], [b]) => a.localeCompare(b))) {
  const mean = (pick: (r: Row) => number) => list.reduce((sum, r) => sum + pick(r), 0) / list.length;
  outwardLines.push(`${outward},${point(mean((r) => r.easting), mean((r) => r.northing))}`);
  if (list.some((r) => districts.has(r.district))) {
    for (const r of [...list].sort((a, b) => a.postcode.localeCompare(b.postcode))) postcodeLines.push(`${r.postcode},${point(r.easting, r.northing)}`);
  }
}

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "outward-codes.csv"), `outward_code,latitude,longitude\n${outwardLines.join("\n")}\n`);
fs.writeFileSync(path.join(out, "partnership-postcodes.csv"), `postcode,latitude,longitude\n${postcodeLines.join("\n")}\n`);
console.log(`${outwardLines.length} outward codes and ${postcodeLines.length} partnership postcodes written to ${out}`);

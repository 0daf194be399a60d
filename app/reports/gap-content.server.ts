/**
 * Content for the gap analysis (content/reports/): which kinds of help deal directly with each
 * barrier, and approximate district centroids. Checked when loaded: a broken file names the
 * file, the item and the field.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { describeIssues, throwContentErrors } from "~/directory/content-error";
import { getCategoryTaxonomy, type CategoryTerm } from "~/directory/taxonomy.server";
import { contentPath } from "~/lib/content-path.server";
import { BARRIER_IDS, type BarrierId, CATEGORY_IDS, type CategoryId } from "~/lib/frameworks";
import type { LatLon } from "~/directory/geo";
import { parsePostcodeInput } from "~/directory/postcodes";

export const REPORTS_CONTENT_DIR = contentPath("reports");

const rulesSchema = z
  .object({
    barriers: z.array(z.object({ id: z.enum(BARRIER_IDS), help: z.array(z.enum(CATEGORY_IDS)).min(1) }).strict()),
  })
  .strict();

const centroidsSchema = z
  .object({
    districts: z.array(
      z
        .object({
          id: z.string().refine((v) => parsePostcodeInput(v).kind === "outcode", "not a UK outward code (such as ME14)"),
          latitude: z.number().min(49).max(61),
          longitude: z.number().min(-9).max(2.5),
        })
        .strict(),
    ),
  })
  .strict();

export type GapRules = Record<BarrierId, CategoryId[]>;

function readYaml(dir: string, name: string): { file: string; data: unknown } {
  const file = path.relative(process.cwd(), path.join(dir, name));
  try {
    return { file, data: parse(fs.readFileSync(path.join(dir, name), "utf8")) };
  } catch (error) {
    throwContentErrors("reports content", [`${file}: not readable YAML: ${(error as Error).message}`]);
  }
}

/** Checks the rules against the taxonomy: each kind of help named for a barrier must list it. */
export function loadGapRules(dir: string = REPORTS_CONTENT_DIR, terms: readonly CategoryTerm[] = getCategoryTaxonomy().terms): GapRules {
  const { file, data } = readYaml(dir, "gap-analysis.yaml");
  const result = rulesSchema.safeParse(data);
  if (!result.success) throwContentErrors("reports content", describeIssues(file, data, result.error));
  const problems: string[] = [];
  const rules = {} as GapRules;
  for (const entry of result.data.barriers) {
    if (rules[entry.id]) problems.push(`${file}: barriers "${entry.id}", field id: appears more than once`);
    rules[entry.id] = entry.help;
    for (const category of entry.help) {
      const term = terms.find((t) => t.id === category);
      if (!term?.barriers.includes(entry.id)) problems.push(`${file}: barriers "${entry.id}", field help: "${category}" does not list this barrier in the taxonomy`);
    }
  }
  for (const id of BARRIER_IDS) if (!rules[id]) problems.push(`${file}: barriers "${id}", field id: missing; every barrier needs its kinds of help`);
  if (problems.length > 0) throwContentErrors("reports content", problems);
  return rules;
}

export function loadDistrictCentroids(dir: string = REPORTS_CONTENT_DIR): Map<string, LatLon> {
  const { file, data } = readYaml(dir, "district-centroids.yaml");
  const result = centroidsSchema.safeParse(data);
  if (!result.success) throwContentErrors("reports content", describeIssues(file, data, result.error));
  const map = new Map<string, LatLon>();
  const problems: string[] = [];
  for (const d of result.data.districts) {
    if (map.has(d.id)) problems.push(`${file}: districts "${d.id}", field id: appears more than once`);
    map.set(d.id, { lat: d.latitude, lon: d.longitude });
  }
  if (problems.length > 0) throwContentErrors("reports content", problems);
  return map;
}

let cached: { rules: GapRules; centroids: Map<string, LatLon> } | undefined;

export function getGapContent(): { rules: GapRules; centroids: Map<string, LatLon> } {
  cached ??= { rules: loadGapRules(), centroids: loadDistrictCentroids() };
  return cached;
}

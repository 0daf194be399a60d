/**
 * Loads the directory's taxonomy from content/taxonomy/*.yaml once and checks it: every term of
 * Waymark's own taxonomy is a known category, each category appears exactly once, and barriers
 * and goals use the shared vocabulary, so triage results always map onto directory filters.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { BARRIER_IDS, CATEGORY_IDS, GOAL_IDS, type BarrierId, type CategoryId, type GoalId } from "~/lib/frameworks";
import { contentPath } from "~/lib/content-path.server";
import { describeIssues, throwContentErrors } from "./content-error";

export const TAXONOMY_DIR = contentPath("taxonomy");
export const CATEGORY_TAXONOMY_ID = "waymark-digital-inclusion";

const text = z.string().trim().min(1);

const termSchema = z
  .object({
    id: z.enum(CATEGORY_IDS),
    name: text,
    description: text,
    barriers: z.array(z.enum(BARRIER_IDS)).min(1),
    goals: z.array(z.enum(GOAL_IDS)).min(1),
  })
  .strict();

const taxonomySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not a slug"),
    name: text,
    description: text,
    version: text,
    uri: z.string().url().optional(),
    terms: z.array(termSchema).min(1),
  })
  .strict();

export interface CategoryTerm {
  id: CategoryId;
  name: string;
  description: string;
  barriers: BarrierId[];
  goals: GoalId[];
}

export interface ContentTaxonomy {
  /** Slug from the file; the database id is stableId("taxonomy", id). */
  id: string;
  name: string;
  description: string;
  version: string;
  uri?: string;
  terms: CategoryTerm[];
  file: string;
}

export function loadTaxonomies(dir: string = TAXONOMY_DIR): ContentTaxonomy[] {
  const problems: string[] = [];
  const taxonomies: ContentTaxonomy[] = [];
  const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  for (const name of files) {
    const file = path.relative(process.cwd(), path.join(dir, name));
    let data: unknown;
    try {
      data = parse(fs.readFileSync(path.join(dir, name), "utf8"));
    } catch (error) {
      problems.push(`${file}: not valid YAML: ${(error as Error).message}`);
      continue;
    }
    const result = taxonomySchema.safeParse(data);
    if (!result.success) {
      problems.push(...describeIssues(file, data, result.error));
      continue;
    }
    if (result.data.id === CATEGORY_TAXONOMY_ID) problems.push(...checkTerms(file, result.data.terms));
    taxonomies.push({ ...result.data, file });
  }
  if (!taxonomies.some((t) => t.id === CATEGORY_TAXONOMY_ID) && problems.length === 0) {
    problems.push(`${path.relative(process.cwd(), dir)}: no file defines the taxonomy "${CATEGORY_TAXONOMY_ID}"`);
  }
  if (problems.length > 0) throwContentErrors("taxonomy content", problems);
  return taxonomies;
}

function checkTerms(file: string, terms: CategoryTerm[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    if (seen.has(term.id)) problems.push(`${file}: terms "${term.id}", field id: appears more than once`);
    seen.add(term.id);
  }
  for (const id of CATEGORY_IDS) {
    if (!seen.has(id)) problems.push(`${file}: terms "${id}", field id: category missing; every category in frameworks.ts needs a term`);
  }
  return problems;
}

let cached: ContentTaxonomy | undefined;

/** Waymark's category taxonomy, loaded and checked on first use. */
export function getCategoryTaxonomy(): ContentTaxonomy {
  cached ??= loadTaxonomies().find((t) => t.id === CATEGORY_TAXONOMY_ID)!;
  return cached;
}

export function getCategory(id: CategoryId): CategoryTerm {
  return getCategoryTaxonomy().terms.find((t) => t.id === id)!;
}

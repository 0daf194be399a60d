import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { type ContentFile, TriageContentError, parseTriageContent } from "./parse-content";
import { type Scenario, scenarioFileSchema } from "./scenario";
import type { QuestionBank, Rule, TriageContent } from "./types";

export const TRIAGE_CONTENT_DIR = path.resolve("content/triage");

let cached: TriageContent | undefined;

/**
 * Reads and checks the question bank and rules once. Call it at start-up so a broken file stops
 * the server with a message naming the file, the question and the field, rather than failing on
 * the first resident to reach that question.
 */
export function loadTriageContent(dir: string = TRIAGE_CONTENT_DIR): TriageContent {
  if (dir === TRIAGE_CONTENT_DIR && cached) return cached;
  const content = readTriageContent(dir);
  if (dir === TRIAGE_CONTENT_DIR) cached = content;
  return content;
}

export function loadQuestionBank(): QuestionBank {
  return loadTriageContent().bank;
}

export function loadTriageRules(): Rule[] {
  return loadTriageContent().rules;
}

function readTriageContent(dir: string): TriageContent {
  const relative = (file: string) => path.relative(process.cwd(), file) || file;
  const read = (file: string): ContentFile => {
    if (!fs.existsSync(file)) throw new TriageContentError(relative(file), null, null, "file is missing");
    return { path: relative(file), text: fs.readFileSync(file, "utf8") };
  };

  const bank = read(path.join(dir, "bank.yaml"));
  const rules = read(path.join(dir, "rules.yaml"));
  const questionsDir = path.join(dir, "questions");
  // about-you.cy.yaml and the like are translations, read by app/i18n, not sections of their own.
  const sectionFiles = fs.existsSync(questionsDir) ? fs.readdirSync(questionsDir).filter((f) => /^[a-z0-9-]+\.yaml$/.test(f)).sort() : [];
  const sections: Record<string, ContentFile> = {};
  for (const name of sectionFiles) sections[name.replace(/\.yaml$/, "")] = read(path.join(questionsDir, name));

  // Hashed by name within the content folder, so the same content gives the same version anywhere.
  const hash = createHash("sha256");
  for (const file of [bank, rules, ...Object.values(sections)]) {
    hash.update(path.relative(dir, path.resolve(file.path))).update("\0").update(file.text).update("\0");
  }
  const declared = declaredVersion(bank);
  const content = parseTriageContent({ bank, sections, rules }, `${declared}+${hash.digest("hex").slice(0, 8)}`);

  const listed = new Set(content.bank.sections.map((s) => s.id));
  for (const id of Object.keys(sections)) {
    if (!listed.has(id)) throw new TriageContentError(sections[id].path, null, null, `section "${id}" is not listed in bank.yaml`);
  }
  return content;
}

function declaredVersion(bank: ContentFile): string {
  try {
    const raw = parseYaml(bank.text) as { version?: unknown } | null;
    return typeof raw?.version === "string" ? raw.version : "unversioned";
  } catch {
    return "unversioned";
  }
}

/** Persona scenarios, used as tests and as worked examples in champion training. */
export function loadScenarios(dir: string = path.join(TRIAGE_CONTENT_DIR, "scenarios")): Scenario[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const parsed = scenarioFileSchema.safeParse(parseYaml(fs.readFileSync(file, "utf8")));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new TriageContentError(path.relative(process.cwd(), file), name.replace(/\.yaml$/, ""), issue.path.join("."), issue.message);
      }
      return parsed.data;
    });
}

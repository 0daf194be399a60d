import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { SKILL_AREA_IDS } from "~/lib/frameworks";
import {
  type AnswerCondition,
  type Rule,
  SKILL_ANSWERS,
  bankFileSchema,
  rulesFileSchema,
  sectionFileSchema,
} from "./content-schema";
import type { Question, TriageContent } from "./types";

export interface ContentFile {
  path: string;
  text: string;
}

export interface TriageContentFiles {
  bank: ContentFile;
  /** One file per section, in the order bank.yaml lists the sections. */
  sections: Record<string, ContentFile | undefined>;
  rules: ContentFile;
}

/** Names the file, the item (question, section or rule id) and the field, so an editor can fix it. */
export class TriageContentError extends Error {
  constructor(
    readonly file: string,
    readonly itemId: string | null,
    readonly field: string | null,
    readonly detail: string,
  ) {
    const where = [itemId ? `"${itemId}"` : null, field ? `field "${field}"` : null].filter(Boolean).join(", ");
    super(`Triage content error in ${file}${where ? ` at ${where}` : ""}: ${detail}`);
    this.name = "TriageContentError";
  }
}

const FOUNDATION_TASKS = 8;

export function parseTriageContent(files: TriageContentFiles, version: string): TriageContent {
  const bankFile = validate(files.bank, bankFileSchema, "sections");
  const questions: Question[] = [];
  const fileOf = new Map<string, string>();

  for (const section of bankFile.sections) {
    const file = files.sections[section.id];
    if (!file) throw new TriageContentError(files.bank.path, section.id, "id", `there is no questions file for section "${section.id}"`);
    for (const input of validate(file, sectionFileSchema, "questions").questions) {
      if (fileOf.has(input.id)) {
        throw new TriageContentError(file.path, input.id, "id", `question id is already used in ${fileOf.get(input.id)}`);
      }
      fileOf.set(input.id, file.path);
      questions.push(
        input.kind === "skill"
          ? { ...input, sectionId: section.id, options: SKILL_ANSWERS.map((id) => ({ id, label: bankFile.skillOptions[id].label })) }
          : { ...input, sectionId: section.id },
      );
    }
  }

  questions.forEach((q, index) => checkQuestion(q, questions.slice(0, index), fileOf.get(q.id)!));
  checkSkillCoverage(questions, fileOf);

  const rules = validate(files.rules, rulesFileSchema, "rules").rules;
  checkRules(rules, files.rules.path);

  return { bank: { version, sections: bankFile.sections, questions }, rules };
}

function validate<T extends z.ZodTypeAny>(file: ContentFile, schema: T, listKey: string): z.infer<T> {
  let raw: unknown;
  try {
    raw = parseYaml(file.text);
  } catch (error) {
    throw new TriageContentError(file.path, null, null, `is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = deepestIssue(parsed.error.issues[0]);
  const path = issue.path;
  let itemId: string | null = null;
  let fieldPath = path;
  if (path[0] === listKey && typeof path[1] === "number") {
    const item = (raw as Record<string, unknown[]>)[listKey]?.[path[1]] as { id?: unknown } | undefined;
    itemId = typeof item?.id === "string" ? item.id : `${listKey} item ${path[1] + 1}`;
    fieldPath = path.slice(2);
  }
  throw new TriageContentError(file.path, itemId, formatPath(fieldPath) || null, issue.message);
}

/** A failed union reports "Invalid input"; the branch that got furthest says what is really wrong. */
function deepestIssue(issue: z.ZodIssue): z.ZodIssue {
  if (issue.code !== "invalid_union") return issue;
  // Branches that fail on a missing or extra key are the shapes the author did not mean.
  const wrongShape = (i: z.ZodIssue) =>
    i.code === "unrecognized_keys" || (i.code === "invalid_type" && i.received === "undefined") ? 1 : 0;
  const score = (i: z.ZodIssue) => i.path.length - wrongShape(i);
  return issue.unionErrors.map((e) => deepestIssue(e.issues[0])).reduce((best, c) => (score(c) > score(best) ? c : best));
}

function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function checkQuestion(question: Question, earlier: Question[], file: string): void {
  const fail = (field: string, detail: string) => {
    throw new TriageContentError(file, question.id, field, detail);
  };
  const options = question.kind === "scale" ? [] : question.options;
  const seen = new Set<string>();
  options.forEach((option, i) => {
    if (seen.has(option.id)) fail(`options[${i}].id`, `option id "${option.id}" is used twice`);
    seen.add(option.id);
    if (option.exclusive && question.kind !== "multiple") fail(`options[${i}].exclusive`, "only multiple-choice options can be exclusive");
  });
  if (question.kind === "scale" && question.min >= question.max) fail("max", "must be more than min");

  if (question.showIf) checkCondition(question.showIf, earlier, "showIf", fail);
  question.signalsWhen?.forEach((s, i) => checkCondition(s.when, [...earlier, question], `signalsWhen[${i}].when`, fail));
  if (question.kind === "single") {
    question.infer?.forEach((inference, i) => {
      checkCondition(inference.when, earlier, `infer[${i}].when`, fail);
      if (!seen.has(inference.answer)) fail(`infer[${i}].answer`, `"${inference.answer}" is not one of this question's options`);
    });
  }
}

function checkCondition(
  condition: AnswerCondition,
  allowed: Question[],
  field: string,
  fail: (field: string, detail: string) => never,
): void {
  if ("all" in condition || "any" in condition) {
    const parts = "all" in condition ? condition.all : condition.any;
    const key = "all" in condition ? "all" : "any";
    parts.forEach((part, i) => checkCondition(part, allowed, `${field}.${key}[${i}]`, fail));
    return;
  }
  const target = allowed.find((q) => q.id === condition.question);
  if (!target) return fail(`${field}.question`, `"${condition.question}" must be the id of a question asked before this one`);
  const isChoice = "anyOf" in condition || "noneOf" in condition;
  if (target.kind === "scale") {
    if (isChoice) fail(field, `"${condition.question}" is a scale question; use atLeast or atMost`);
    return;
  }
  if (!isChoice) return fail(field, `"${condition.question}" is not a scale question; use anyOf or noneOf`);
  const known = new Set(target.options.map((o) => o.id));
  for (const id of "anyOf" in condition ? condition.anyOf : condition.noneOf) {
    if (!known.has(id)) fail(field, `"${id}" is not an option of question "${condition.question}"`);
  }
}

/** The national Essential Digital Skills rule needs all 8 Foundation tasks and every area covered. */
function checkSkillCoverage(questions: Question[], fileOf: Map<string, string>): void {
  const skills = questions.filter((q) => q.kind === "skill");
  const fileFor = (group: Question[]) => fileOf.get((group[0] ?? skills[0] ?? questions[0]).id)!;
  const foundation = skills.filter((q) => q.skill.area === "foundation");
  if (foundation.length !== FOUNDATION_TASKS) {
    throw new TriageContentError(fileFor(foundation), null, "skill.area", `needs exactly ${FOUNDATION_TASKS} Foundation tasks; found ${foundation.length}`);
  }
  for (const context of ["life", "work"] as const) {
    const inContext = skills.filter((q) => q.skill.area !== "foundation" && q.skill.context === context);
    if (context === "work" && inContext.length === 0) continue;
    for (const area of SKILL_AREA_IDS.filter((a) => a !== "foundation")) {
      if (!inContext.some((q) => q.skill.area === area)) {
        throw new TriageContentError(fileFor(inContext), null, "skill.area", `needs at least one ${context} task in the "${area}" area`);
      }
    }
  }
}

/** Words that speak about the person rather than to them: fine for a champion, wrong on a resident's own plan. */
export const ABOUT_THE_PERSON = /\b(they|them|their|theirs|themselves|the person)\b/i;

function checkRules(rules: Rule[], file: string): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new TriageContentError(file, rule.id, "id", "rule id is used twice");
    seen.add(rule.id);
    const residentTitle = rule.residentTitle ?? rule.title;
    if (ABOUT_THE_PERSON.test(residentTitle)) {
      const detail = rule.residentTitle
        ? "is shown to residents, so speak to them as \"you\" rather than about them"
        : "the title speaks about the person, so add a residentTitle that speaks to them as \"you\"";
      throw new TriageContentError(file, rule.id, "residentTitle", detail);
    }
    if (ABOUT_THE_PERSON.test(rule.resident)) {
      throw new TriageContentError(file, rule.id, "resident", 'is shown to residents, so speak to them as "you" rather than about them');
    }
  }
}

import { fill } from "~/i18n/catalogue";
import type { AnswerCondition } from "./content-schema";
import {
  type AnswerValue,
  type Answers,
  type Question,
  type QuestionBank,
  type Section,
  type TriageMode,
  findQuestion,
  isSkipped,
} from "./types";

/**
 * Which questions a person sees, in what order, and which answers count. Pure functions over the
 * bank and a plain answers object, so the same code serves the resident check and assisted triage.
 */

export function meetsCondition(condition: AnswerCondition, answers: Answers): boolean {
  if ("all" in condition) return condition.all.every((c) => meetsCondition(c, answers));
  if ("any" in condition) return condition.any.some((c) => meetsCondition(c, answers));
  const value = answers[condition.question];
  if (value === undefined || isSkipped(value)) return false;
  if ("anyOf" in condition || "noneOf" in condition) {
    const chosen = Array.isArray(value) ? value : [String(value)];
    return "anyOf" in condition
      ? condition.anyOf.some((id) => chosen.includes(id))
      : condition.noneOf.every((id) => !chosen.includes(id));
  }
  if (typeof value !== "number") return false;
  return (condition.atLeast === undefined || value >= condition.atLeast) && (condition.atMost === undefined || value <= condition.atMost);
}

export interface FlowState {
  /** Questions to put to the person, in order: shown by their conditions and not already known. */
  asked: Question[];
  /** Questions answered for the person from earlier answers, with the answer used. */
  inferred: Record<string, string>;
  /** The answers that count: given to questions still shown, plus inferred ones. */
  effective: Answers;
}

/** Walks the bank in order; a question's conditions only ever look at questions before it. */
export function walkQuestions(bank: QuestionBank, answers: Answers): FlowState {
  const state: FlowState = { asked: [], inferred: {}, effective: {} };
  for (const question of bank.questions) {
    if (question.showIf && !meetsCondition(question.showIf, state.effective)) continue;
    if (question.kind === "single" && question.infer) {
      const inference = question.infer.find((i) => meetsCondition(i.when, state.effective));
      if (inference) {
        state.inferred[question.id] = inference.answer;
        state.effective[question.id] = inference.answer;
        continue;
      }
    }
    state.asked.push(question);
    const value = answers[question.id];
    if (value !== undefined && isStoredAnswerValid(question, value)) state.effective[question.id] = value;
  }
  return state;
}

/** Answers kept from an older bank version may name options that no longer exist; those are asked again. */
function isStoredAnswerValid(question: Question, value: AnswerValue): boolean {
  if (isSkipped(value)) return true;
  if (question.kind === "scale") return typeof value === "number" && value >= question.min && value <= question.max;
  const ids = new Set(question.options.map((o) => o.id));
  if (question.kind === "multiple") return Array.isArray(value) && value.length > 0 && value.every((v) => ids.has(v));
  return typeof value === "string" && ids.has(value);
}

export function visibleQuestions(bank: QuestionBank, answers: Answers): Question[] {
  return walkQuestions(bank, answers).asked;
}

/** Answers that still count after branching, ready to score or store. */
export function effectiveAnswers(bank: QuestionBank, answers: Answers): Answers {
  return walkQuestions(bank, answers).effective;
}

function isOpen(value: AnswerValue | undefined, mode: TriageMode): boolean {
  // A champion may skip and come back; a resident on their own has no skip button, so a stray
  // "skipped" from a forged request is just an unanswered question.
  return value === undefined || (mode === "self" && isSkipped(value));
}

/** The next question to ask, or null when there is nothing left (skipped ones aside, in assisted mode). */
export function nextQuestion(
  bank: QuestionBank,
  answers: Answers,
  mode: TriageMode,
  options: { sectionId?: string } = {},
): Question | null {
  const { asked, effective } = walkQuestions(bank, answers);
  return asked.find((q) => (!options.sectionId || q.sectionId === options.sectionId) && isOpen(effective[q.id], mode)) ?? null;
}

export function skippedQuestions(bank: QuestionBank, answers: Answers): Question[] {
  const { asked, effective } = walkQuestions(bank, answers);
  return asked.filter((q) => isSkipped(effective[q.id]));
}

export function isComplete(bank: QuestionBank, answers: Answers, mode: TriageMode): boolean {
  return nextQuestion(bank, answers, mode) === null;
}

export type SectionStatus = "not-started" | "in-progress" | "completed" | "not-needed";

export interface SectionProgress {
  section: Section;
  status: SectionStatus;
  questions: number;
  answered: number;
  skipped: number;
}

/** For a task-list page: a champion can jump to a section and come back to skipped questions. */
export function sectionProgress(bank: QuestionBank, answers: Answers): SectionProgress[] {
  const { asked, effective } = walkQuestions(bank, answers);
  return bank.sections.map((section) => {
    const inSection = asked.filter((q) => q.sectionId === section.id);
    const skipped = inSection.filter((q) => isSkipped(effective[q.id])).length;
    const answered = inSection.filter((q) => effective[q.id] !== undefined).length - skipped;
    const status: SectionStatus =
      inSection.length === 0
        ? "not-needed"
        : answered === inSection.length
          ? "completed"
          : answered + skipped === 0
            ? "not-started"
            : "in-progress";
    return { section, status, questions: inSection.length, answered, skipped };
  });
}

export type ValidationResult = { ok: true; value: AnswerValue } | AnswerRefused;
export interface AnswerRefused {
  ok: false;
  /** In English, for champions and logs. */
  error: string;
  code: AnswerErrorCode;
  values: AnswerErrorValues;
}

/**
 * Checks one submitted answer (straight from a form) against the question and the answers so far.
 * Never throws: tampered input gets a message a route can show next to the question.
 */
export function validateAnswer(
  bank: QuestionBank,
  answers: Answers,
  questionId: string,
  rawValue: unknown,
  mode: TriageMode,
): ValidationResult {
  const question = findQuestion(bank, questionId);
  if (!question) return fail("not-in-check");
  const state = walkQuestions(bank, answers);
  if (questionId in state.inferred) return fail("already-known");
  if (!state.asked.includes(question)) return fail("not-asked");

  if (isSkipRequest(rawValue)) {
    return mode === "assisted" ? { ok: true, value: { skipped: true } } : fail("cannot-skip");
  }

  if (question.kind === "scale") {
    const text = typeof rawValue === "number" ? String(rawValue) : typeof rawValue === "string" ? rawValue.trim() : "";
    const bounds = { min: question.min, max: question.max };
    if (!/^\d{1,3}$/.test(text)) return fail(text === "" ? "scale-range" : "scale-whole", bounds);
    const value = Number(text);
    return value < question.min || value > question.max ? fail("scale-range", bounds) : { ok: true, value };
  }

  const known = new Map(question.options.map((o) => [o.id, o]));
  const values = Array.isArray(rawValue) ? rawValue : rawValue === undefined || rawValue === null || rawValue === "" ? [] : [rawValue];
  if (values.some((v) => typeof v !== "string" || !known.has(v))) return fail("unknown-option");
  const chosen = new Set(values as string[]);

  if (question.kind === "multiple") {
    if (chosen.size === 0) return fail("choose-at-least-one");
    const exclusive = question.options.find((o) => o.exclusive && chosen.has(o.id));
    if (exclusive && chosen.size > 1) return fail("exclusive-alone", { option: exclusive.label });
    return { ok: true, value: question.options.filter((o) => chosen.has(o.id)).map((o) => o.id) };
  }
  if (chosen.size === 0) return fail("choose-one");
  if (chosen.size > 1) return fail("only-one");
  return { ok: true, value: [...chosen][0] };
}

/** Validates and records one answer, returning the new answers object. */
export function answerQuestion(
  bank: QuestionBank,
  answers: Answers,
  questionId: string,
  rawValue: unknown,
  mode: TriageMode,
): { ok: true; answers: Answers } | AnswerRefused {
  const result = validateAnswer(bank, answers, questionId, rawValue, mode);
  return result.ok ? { ok: true, answers: { ...answers, [questionId]: result.value } } : result;
}

function isSkipRequest(raw: unknown): boolean {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) && (raw as { skipped?: unknown }).skipped === true;
}

/**
 * What a refused answer is told, by code, so the resident check can show it in their language;
 * this English is also the source the translations are checked against.
 */
export const ANSWER_ERRORS = {
  "not-in-check": "That question is not part of this check.",
  "already-known": "We already know the answer to this question from an earlier answer.",
  "not-asked": "That question does not apply to the answers given so far.",
  "cannot-skip": "Choose an answer to carry on.",
  "scale-range": "Choose a number from {{min}} to {{max}}.",
  "scale-whole": "Choose a whole number from {{min}} to {{max}}.",
  "unknown-option": "Choose from the answers shown.",
  "choose-at-least-one": "Choose at least one answer.",
  "exclusive-alone": "Choose \"{{option}}\" on its own, or untick it.",
  "choose-one": "Choose an answer.",
  "only-one": "Choose one answer only.",
} as const;
export type AnswerErrorCode = keyof typeof ANSWER_ERRORS;
export type AnswerErrorValues = Record<string, string | number>;

function fail(code: AnswerErrorCode, values: AnswerErrorValues = {}): ValidationResult {
  return { ok: false, error: fill(ANSWER_ERRORS[code], values), code, values };
}

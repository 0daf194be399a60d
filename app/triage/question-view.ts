import { fill } from "~/i18n/catalogue";
import { nextQuestion, walkQuestions } from "./flow";
import { type Answers, type Question, type QuestionBank, type TriageMode, findQuestion, isSkipped } from "./types";

/**
 * What the question pages and check-answers pages show, worked out from the bank and the answers
 * so far. The resident check lives under /check and assisted triage under /triage; both walk the
 * same questions, so the page-to-page navigation is decided here once.
 */

export type TriageBase = "/check" | "/triage";

export interface OptionView {
  value: string;
  label: string;
  hint: string | null;
  /** "None of these" style answers, which cannot be combined with others. */
  exclusive: boolean;
}

export interface QuestionView {
  id: string;
  control: "radios" | "checkboxes" | "scale";
  /** The resident's plain question, or the champion's conversational prompt. */
  heading: string;
  hint: string | null;
  sectionTitle: string;
  options: OptionView[];
  scale: { min: number; max: number; minLabel: string; maxLabel: string } | null;
  /** What is already chosen, as form values, so going back shows the earlier answer. */
  chosen: string[];
  skipped: boolean;
  why: string;
  lookOutFor: string[];
}

export type QuestionStatus = "unknown" | "not-shown" | "shown";

/** "not-shown" covers questions hidden by branching and questions answered from earlier answers. */
export function questionStatus(bank: QuestionBank, answers: Answers, questionId: string): QuestionStatus {
  const question = findQuestion(bank, questionId);
  if (!question) return "unknown";
  return walkQuestions(bank, answers).asked.includes(question) ? "shown" : "not-shown";
}

export function questionView(bank: QuestionBank, answers: Answers, question: Question, mode: TriageMode): QuestionView {
  const section = bank.sections.find((s) => s.id === question.sectionId);
  const value = walkQuestions(bank, answers).effective[question.id];
  const chosen = value === undefined || isSkipped(value) ? [] : Array.isArray(value) ? value : [String(value)];
  const hint = mode === "self" ? (question.residentHint ?? null) : question.kind === "multiple" ? "Choose all that apply." : null;
  return {
    id: question.id,
    control: question.kind === "multiple" ? "checkboxes" : question.kind === "scale" ? "scale" : "radios",
    heading: mode === "self" ? question.resident : question.champion,
    hint,
    sectionTitle: section ? (mode === "self" ? section.residentTitle : section.title) : question.sectionId,
    options:
      question.kind === "scale"
        ? []
        : question.options.map((o) => ({ value: o.id, label: o.label, hint: o.hint ?? null, exclusive: o.exclusive === true })),
    scale: question.kind === "scale" ? { min: question.min, max: question.max, minLabel: question.minLabel, maxLabel: question.maxLabel } : null,
    chosen,
    skipped: isSkipped(value),
    why: question.why,
    lookOutFor: question.lookOutFor,
  };
}

export interface NavigationOptions {
  /** Came from check-your-answers, so go back there once nothing new needs asking. */
  returnToAnswers?: boolean;
  /** A champion working through one section from the section list. */
  sectionId?: string;
}

export function questionHref(base: TriageBase, questionId: string, options: NavigationOptions = {}): string {
  const params = new URLSearchParams();
  if (options.returnToAnswers) params.set("return", "answers");
  else if (options.sectionId) params.set("section", options.sectionId);
  const search = params.toString();
  return `${base}/q/${questionId}${search ? `?${search}` : ""}`;
}

/**
 * Where to go after an answer: the next open question (in the section being worked through, if
 * any), else the section list for a champion inside a section, else check-your-answers.
 */
export function nextHref(base: TriageBase, bank: QuestionBank, answers: Answers, mode: TriageMode, options: NavigationOptions = {}): string {
  if (options.sectionId && !options.returnToAnswers) {
    const inSection = nextQuestion(bank, answers, mode, { sectionId: options.sectionId });
    return inSection ? questionHref(base, inSection.id, options) : `${base}/sections`;
  }
  const next = nextQuestion(bank, answers, mode);
  return next ? questionHref(base, next.id, options) : `${base}/answers`;
}

/**
 * The back link: the closest earlier question that has an answer (or was skipped), so the link
 * never lands on a question that branching has since hidden. The first question goes back to
 * the start page; a change from check-your-answers goes back there.
 */
export function backHref(base: TriageBase, bank: QuestionBank, answers: Answers, questionId: string, options: NavigationOptions = {}): string {
  if (options.returnToAnswers) return `${base}/answers`;
  const { asked, effective } = walkQuestions(bank, answers);
  const index = asked.findIndex((q) => q.id === questionId);
  for (let i = index - 1; i >= 0; i--) {
    const earlier = asked[i];
    if (options.sectionId && earlier.sectionId !== options.sectionId) continue;
    if (effective[earlier.id] !== undefined) return questionHref(base, earlier.id, options);
  }
  return options.sectionId ? `${base}/sections` : base;
}

export interface AnswerRow {
  questionId: string;
  /** The short summary of the question, used as the row's key. */
  summary: string;
  answer: string[];
  skipped: boolean;
  /** Worked out from an earlier answer, so there is nothing to change here. */
  inferred: boolean;
  changeHref: string | null;
}

export interface AnswerSection {
  id: string;
  title: string;
  rows: AnswerRow[];
}

/** Check-your-answers: every question still shown, grouped by section, with links to change each. */
export function answerSections(
  base: TriageBase,
  bank: QuestionBank,
  answers: Answers,
  mode: TriageMode,
  /** How a number on a scale reads, in the page's language. */
  outOf: string = "{{value}} out of {{max}}",
): AnswerSection[] {
  const { asked, effective, inferred } = walkQuestions(bank, answers);
  const shown = new Set(asked.map((q) => q.id));
  return bank.sections
    .map((section) => ({
      id: section.id,
      title: mode === "self" ? section.residentTitle : section.title,
      rows: bank.questions
        .filter((q) => q.sectionId === section.id && effective[q.id] !== undefined)
        .map((q): AnswerRow => {
          const value = effective[q.id];
          const skipped = isSkipped(value);
          return {
            questionId: q.id,
            summary: q.summary,
            answer: skipped ? [] : answerLabels(q, value, outOf),
            skipped,
            inferred: q.id in inferred,
            changeHref: shown.has(q.id) ? questionHref(base, q.id, { returnToAnswers: true }) : null,
          };
        }),
    }))
    .filter((section) => section.rows.length > 0);
}

function answerLabels(question: Question, value: Answers[string], outOf: string): string[] {
  if (question.kind === "scale") return [fill(outOf, { value: String(value), max: question.max })];
  const chosen = Array.isArray(value) ? value : [String(value)];
  return question.options.filter((o) => chosen.includes(o.id)).map((o) => o.label);
}

/**
 * A posted answer as validateAnswer expects it: nothing, one value, or several (checkboxes).
 * A skip button stands in for an answer; the engine refuses it outside assisted triage.
 */
export function postedAnswer(form: FormData): unknown {
  if (form.get("intent") === "skip") return { skipped: true };
  const values = form.getAll("answer");
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}

/**
 * The posted values that are real choices on this question, to tick again when the answer is
 * refused: someone who ticked two boxes that cannot go together sees what they ticked, not what
 * was saved before. Made-up ids and stray text are left out, so nothing forged is shown back.
 */
export function postedChoices(question: Question, form: FormData): string[] {
  const real = new Set(
    question.kind === "scale"
      ? Array.from({ length: question.max - question.min + 1 }, (_, i) => String(question.min + i))
      : question.options.map((o) => o.id),
  );
  const posted = form.getAll("answer").filter((v): v is string => typeof v === "string" && real.has(v));
  return [...new Set(posted)];
}

/** The question as shown again after a refused answer: with what was just posted, when there is any to show. */
export function withPostedChoices(view: QuestionView, posted: string[] | null | undefined): QuestionView {
  return posted ? { ...view, chosen: posted } : view;
}

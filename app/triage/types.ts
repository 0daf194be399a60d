import type { BankFile, QuestionInput, Rule, Signals } from "./content-schema";

export type { AnswerCondition, ResultCondition, Rule, Signals, SkillAnswer, SkillContext, TriageFlag, KnowledgeTopic } from "./content-schema";

export interface Option {
  id: string;
  label: string;
  hint?: string;
  exclusive?: true;
  signals?: Signals;
}

type WithSection<Q> = Q & { sectionId: string };
export type SingleQuestion = WithSection<Extract<QuestionInput, { kind: "single" }>>;
export type MultipleQuestion = WithSection<Extract<QuestionInput, { kind: "multiple" }>>;
export type ScaleQuestion = WithSection<Extract<QuestionInput, { kind: "scale" }>>;
/** Skill questions carry the four standard options, copied from bank.yaml when the bank loads. */
export type SkillQuestion = WithSection<Extract<QuestionInput, { kind: "skill" }>> & { options: Option[] };
export type Question = SingleQuestion | MultipleQuestion | ScaleQuestion | SkillQuestion;
export type ChoiceQuestion = SingleQuestion | MultipleQuestion | SkillQuestion;

export type Section = BankFile["sections"][number];

export interface QuestionBank {
  /** The version written in bank.yaml plus a hash of every content file, so any edit is a new version. */
  version: string;
  sections: Section[];
  /** In the order they are asked; a question's conditions only look at questions before it. */
  questions: Question[];
}

export interface TriageContent {
  bank: QuestionBank;
  rules: Rule[];
}

export type TriageMode = "self" | "assisted";

/** Only champions can skip; the question stays open to come back to. */
export interface Skipped {
  skipped: true;
}

/** An option id (single or skill), option ids (multiple), or a number (scale). */
export type AnswerValue = string | string[] | number | Skipped;

/** Plain JSON, keyed by question id, safe to keep in a session between pages. */
export type Answers = Record<string, AnswerValue>;

export function isSkipped(value: AnswerValue | undefined): value is Skipped {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.skipped === true;
}

export function findQuestion(bank: QuestionBank, id: string): Question | undefined {
  return bank.questions.find((q) => q.id === id);
}

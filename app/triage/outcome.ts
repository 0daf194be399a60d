import { isComplete, nextQuestion, walkQuestions } from "./flow";
import { type PlanStep, buildPlan } from "./plan";
import { type TriageResult, scoreTriage } from "./scoring";
import { type Answers, type TriageContent, type TriageMode, isSkipped } from "./types";

/** One answer as the person saw it, kept with a stored result so it reads the same after the bank changes. */
export interface AnswerSnapshot {
  questionId: string;
  sectionTitle: string;
  summary: string;
  question: string;
  /** Option labels, or the number on the scale; empty when skipped. */
  answer: string[];
  skipped: boolean;
  /** Worked out from an earlier answer rather than asked. */
  inferred: boolean;
}

/** Everything needed to show a finished triage later, whatever happens to the content since. */
export interface TriageOutcome {
  bankVersion: string;
  mode: TriageMode;
  answers: Answers;
  snapshot: AnswerSnapshot[];
  result: TriageResult;
  plan: PlanStep[];
}

export function snapshotAnswers(content: TriageContent, answers: Answers): AnswerSnapshot[] {
  const { bank } = content;
  const { effective, inferred } = walkQuestions(bank, answers);
  return bank.questions
    .filter((q) => effective[q.id] !== undefined)
    .map((q) => {
      const value = effective[q.id];
      const skipped = isSkipped(value);
      let answer: string[] = [];
      if (!skipped) {
        if (q.kind === "scale") answer = [`${String(value)} out of ${q.max}`];
        else {
          const chosen = Array.isArray(value) ? value : [String(value)];
          answer = q.options.filter((o) => chosen.includes(o.id)).map((o) => o.label);
        }
      }
      return {
        questionId: q.id,
        sectionTitle: bank.sections.find((s) => s.id === q.sectionId)?.title ?? q.sectionId,
        summary: q.summary,
        question: q.resident,
        answer,
        skipped,
        inferred: q.id in inferred,
      };
    });
}

/**
 * Scores a finished triage and builds its plan. Refuses (without throwing) while a question is
 * still open, naming it so the route can send the person back to it.
 */
export function completeTriage(
  content: TriageContent,
  answers: Answers,
  mode: TriageMode,
): { ok: true; outcome: TriageOutcome } | { ok: false; error: string; questionId: string } {
  if (!isComplete(content.bank, answers, mode)) {
    const open = nextQuestion(content.bank, answers, mode)!;
    return { ok: false, error: "Answer every question before seeing the results.", questionId: open.id };
  }
  const result = scoreTriage(content.bank, answers);
  return {
    ok: true,
    outcome: {
      bankVersion: content.bank.version,
      mode,
      answers: walkQuestions(content.bank, answers).effective,
      snapshot: snapshotAnswers(content, answers),
      result,
      plan: buildPlan(content.rules, result),
    },
  };
}

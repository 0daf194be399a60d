import { answerQuestion, nextQuestion } from "~/triage/flow";
import type { AnswerValue, Answers, QuestionBank, TriageMode } from "~/triage/types";

/**
 * Goes through the check the way a page would: ask the next question, take the answer from the
 * script, validate it, repeat. Fails loudly if a question is asked twice, if the script has no
 * answer for a question that is asked, or if an answer is rejected.
 */
export function walkThrough(
  bank: QuestionBank,
  script: Record<string, unknown>,
  mode: TriageMode,
): { asked: string[]; answers: Answers } {
  let answers: Answers = {};
  const asked: string[] = [];
  for (let question = nextQuestion(bank, answers, mode); question; question = nextQuestion(bank, answers, mode)) {
    if (asked.includes(question.id)) throw new Error(`"${question.id}" was asked twice`);
    asked.push(question.id);
    if (!(question.id in script)) throw new Error(`the script has no answer for "${question.id}"`);
    const result = answerQuestion(bank, answers, question.id, script[question.id], mode);
    if (!result.ok) throw new Error(`"${question.id}" rejected ${JSON.stringify(script[question.id])}: ${result.error}`);
    answers = result.answers;
  }
  return { asked, answers };
}

const FOUNDATION = ["f-turn-on", "f-controls", "f-settings", "f-apps", "f-wifi", "f-browser", "f-passwords", "f-change-password"];
const LIFE = ["l-message", "l-video-call", "l-search", "l-buy-pay", "l-forms", "l-solve-problem", "l-spot-scams", "l-privacy"];
const WORK = ["w-email-employer", "w-save-documents", "w-apply-online", "w-learn-online", "w-job-scams"];

const fill = (ids: string[], value: string) => Object.fromEntries(ids.map((id) => [id, value]));

/** A confident, well-connected person who can do every task on their own; tests change one thing at a time. */
export function confidentAnswers(overrides: Record<string, AnswerValue> = {}): Answers {
  return {
    goals: ["hobbies"],
    "work-status": "not-looking",
    "internet-use": "daily",
    feelings: "keen",
    devices: ["smartphone", "computer"],
    "device-problems": ["works"],
    "home-internet": "broadband",
    "cost-worry": "no",
    benefits: "no",
    "access-needs": ["none"],
    english: "easy",
    confidence: 9,
    worries: ["none"],
    support: "most-days",
    ...fill(FOUNDATION, "own"),
    ...fill(LIFE, "own"),
    ...fill(WORK, "own"),
    ...overrides,
  };
}

export const SKILL_IDS = { FOUNDATION, LIFE, WORK };

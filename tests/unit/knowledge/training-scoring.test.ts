import { describe, expect, it } from "vitest";
import { answerFieldName, quizFormSchema, readQuizSubmission, scoreQuiz, type TrainingModule } from "~/knowledge/training";

/** A quiz of `count` questions whose right answer is always "right". */
function quizOf(count: number): Pick<TrainingModule, "quiz"> {
  return {
    quiz: {
      questions: Array.from({ length: count }, (_, index) => ({
        id: `q${index + 1}`,
        text: `Question ${index + 1}`,
        options: [
          { id: "wrong", text: "Wrong", correct: false, feedback: "Wrong because…" },
          { id: "right", text: "Right", correct: true, feedback: "Right because…" },
          { id: "other", text: "Other", correct: false, feedback: "Other because…" },
        ],
      })),
    },
  };
}

function answering(count: number, rightCount: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`q${index + 1}`, index < rightCount ? "right" : "wrong"]));
}

describe("scoreQuiz", () => {
  it("passes at exactly 80%", () => {
    const result = scoreQuiz(quizOf(10), answering(10, 8));
    expect(result).toMatchObject({ correct: 8, total: 10, percent: 80, passed: true });
  });

  it("passes 12 out of 15", () => {
    expect(scoreQuiz(quizOf(15), answering(15, 12))).toMatchObject({ percent: 80, passed: true });
  });

  it("fails at 79%, even when the exact score would round up to 80", () => {
    // 39 of 49 is 79.59%: rounding to the nearest whole number would wrongly show a pass mark.
    expect(scoreQuiz(quizOf(49), answering(49, 39))).toMatchObject({ correct: 39, percent: 79, passed: false });
    expect(scoreQuiz(quizOf(100), answering(100, 79))).toMatchObject({ percent: 79, passed: false });
  });

  it("fails 11 out of 15", () => {
    expect(scoreQuiz(quizOf(15), answering(15, 11))).toMatchObject({ percent: 73, passed: false });
  });

  it("gives feedback on the option chosen for every question", () => {
    const result = scoreQuiz(quizOf(3), { q1: "right", q2: "other", q3: "wrong" });
    expect(result.perQuestion).toEqual([
      { questionId: "q1", chosen: "right", correctOptionId: "right", correct: true, feedback: "Right because…" },
      { questionId: "q2", chosen: "other", correctOptionId: "right", correct: false, feedback: "Other because…" },
      { questionId: "q3", chosen: "wrong", correctOptionId: "right", correct: false, feedback: "Wrong because…" },
    ]);
  });

  it("counts an unanswered or forged answer as wrong and explains the right option", () => {
    const result = scoreQuiz(quizOf(2), { q1: "not-an-option" });
    expect(result.correct).toBe(0);
    expect(result.perQuestion[0]).toMatchObject({ chosen: null, correct: false, feedback: "Right because…" });
    expect(result.perQuestion[1]).toMatchObject({ chosen: null, correct: false });
  });

  it("ignores inherited object keys posing as answers", () => {
    const answers = Object.create({ q1: "right" }) as Record<string, string>;
    expect(scoreQuiz(quizOf(1), answers).correct).toBe(0);
  });
});

describe("readQuizSubmission", () => {
  const module = quizOf(4);

  it("accepts a complete form post", () => {
    const form = new FormData();
    for (const id of ["q1", "q2", "q3", "q4"]) form.append(answerFieldName(id), "right");
    form.append("intent", "submit");
    expect(readQuizSubmission(module, form)).toEqual({ ok: true, answers: { q1: "right", q2: "right", q3: "right", q4: "right" } });
  });

  it("names each missing question by its number, and keeps the answers given", () => {
    const form = new URLSearchParams([[answerFieldName("q1"), "wrong"], [answerFieldName("q3"), ""]]);
    const result = readQuizSubmission(module, form);
    expect(result.ok).toBe(false);
    expect(result.answers).toEqual({ q1: "wrong" });
    if (!result.ok) {
      expect(result.errors).toEqual([
        { questionId: "q2", field: "answer-q2", message: "Answer question 2" },
        { questionId: "q3", field: "answer-q3", message: "Answer question 3" },
        { questionId: "q4", field: "answer-q4", message: "Answer question 4" },
      ]);
    }
  });

  it("reports forged option ids, several answers to one question, and non-text values without throwing", () => {
    const form = new FormData();
    form.append(answerFieldName("q1"), "right");
    form.append(answerFieldName("q2"), "right' OR 1=1");
    form.append(answerFieldName("q3"), "right");
    form.append(answerFieldName("q3"), "wrong");
    form.append(answerFieldName("q4"), new Blob(["right"]));
    const result = readQuizSubmission(module, form);
    expect(result.answers).toEqual({ q1: "right" });
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      "Choose one of the answers given for question 2",
      "Choose one of the answers given for question 3",
      "Choose one of the answers given for question 4",
    ]);
  });

  it("takes a plain object, ignoring unknown questions and prototype keys", () => {
    const result = readQuizSubmission(quizOf(2), {
      "answer-q1": "right",
      "answer-q2": ["other"],
      "answer-q99": "right",
      ["__proto__"]: { "answer-q1": "wrong" },
    });
    expect(result).toEqual({ ok: true, answers: { q1: "right", q2: "other" } });
  });

  it("rejects an option that belongs to another question", () => {
    const mixed: Pick<TrainingModule, "quiz"> = {
      quiz: {
        questions: [
          { ...quizOf(1).quiz.questions[0] },
          {
            id: "q2",
            text: "Second",
            options: [
              { id: "yes", text: "Yes", correct: true, feedback: "…" },
              { id: "no", text: "No", correct: false, feedback: "…" },
              { id: "maybe", text: "Maybe", correct: false, feedback: "…" },
            ],
          },
        ],
      },
    };
    const result = readQuizSubmission(mixed, { "answer-q1": "right", "answer-q2": "right" });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.errors[0].message).toBe("Choose one of the answers given for question 2");
  });
});

describe("quizFormSchema", () => {
  const schema = quizFormSchema(quizOf(2));

  it("has one field per question that takes one of that question's option ids", () => {
    expect(Object.keys(schema.shape)).toEqual(["answer-q1", "answer-q2"]);
    expect(schema.parse({ "answer-q1": ["right"], "answer-q2": "other", intent: "submit" })).toEqual({ "answer-q1": "right", "answer-q2": "other" });
  });

  it("words each refusal as the quiz page does", () => {
    const messages = (posted: Record<string, unknown>) => {
      const result = schema.safeParse(posted);
      return result.success ? [] : result.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    };
    expect(messages({ "answer-q2": [""] })).toEqual(["answer-q1: Answer question 1", "answer-q2: Answer question 2"]);
    expect(messages({ "answer-q1": ["right", "wrong"], "answer-q2": ["made-up"] })).toEqual([
      "answer-q1: Choose one of the answers given for question 1",
      "answer-q2: Choose one of the answers given for question 2",
    ]);
    expect(messages({ "answer-q1": [42], "answer-q2": "right" })).toEqual(["answer-q1: Choose one of the answers given for question 1"]);
  });
});

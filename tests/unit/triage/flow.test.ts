import { describe, expect, it } from "vitest";
import {
  answerQuestion,
  effectiveAnswers,
  isComplete,
  nextQuestion,
  sectionProgress,
  skippedQuestions,
  validateAnswer,
  visibleQuestions,
} from "~/triage/flow";
import { completeTriage } from "~/triage/outcome";
import { loadQuestionBank, loadTriageContent } from "~/triage/question-bank.server";
import type { Answers } from "~/triage/types";
import { SKILL_IDS, confidentAnswers, walkThrough } from "./helpers";

const bank = loadQuestionBank();
const ids = (answers: Answers) => visibleQuestions(bank, answers).map((q) => q.id);

describe("branching", () => {
  it("starts with the person's goals", () => {
    expect(nextQuestion(bank, {}, "self")?.id).toBe("goals");
  });

  it("asks about device problems only of people with a smartphone, tablet or computer", () => {
    expect(ids({ devices: ["basic-phone"] })).not.toContain("device-problems");
    expect(ids({ devices: ["none"] })).not.toContain("device-problems");
    expect(ids({ devices: ["basic-phone", "tablet"] })).toContain("device-problems");
  });

  it("asks about data running out only of people who rely on phone data", () => {
    expect(ids({ "home-internet": "mobile-prepay" })).toContain("data-runs-out");
    expect(ids({ "home-internet": "mobile-contract" })).toContain("data-runs-out");
    expect(ids({ "home-internet": "broadband" })).not.toContain("data-runs-out");
  });

  it("asks whether needs vary only when there is a need", () => {
    expect(ids({ "access-needs": ["none"] })).not.toContain("needs-vary");
    expect(ids({ "access-needs": ["hearing"] })).toContain("needs-vary");
    expect(ids({})).not.toContain("needs-vary");
  });

  it("shows work skills only to people looking for work who have been online", () => {
    const looking = ids({ "work-status": "looking", "internet-use": "daily" });
    expect(looking.filter((id) => id.startsWith("w-"))).toEqual(SKILL_IDS.WORK);
    expect(ids({ "work-status": "want-change", "internet-use": "sometimes" })).toContain("w-apply-online");
    expect(ids({ "work-status": "not-looking", "internet-use": "daily" })).not.toContain("w-apply-online");
    expect(ids({ "work-status": "cannot-work", "internet-use": "daily" })).not.toContain("w-apply-online");
    expect(ids({ "work-status": "looking", "internet-use": "never" })).not.toContain("w-apply-online");
  });

  it("does not ask life skills of someone who has never been online, but still asks the Foundation tasks", () => {
    const never = ids({ "internet-use": "never" });
    expect(never.filter((id) => id.startsWith("l-"))).toEqual([]);
    expect(never.filter((id) => id.startsWith("f-"))).toEqual(SKILL_IDS.FOUNDATION);
    expect(ids({ "internet-use": "stopped" }).filter((id) => id.startsWith("l-"))).toEqual(SKILL_IDS.LIFE);
  });

  it("ignores answers to questions that a changed answer has hidden, and keeps them if it is changed back", () => {
    const answers = confidentAnswers({ "work-status": "looking" });
    expect(effectiveAnswers(bank, answers)["w-apply-online"]).toBe("own");
    const changed = { ...answers, "work-status": "not-looking" };
    expect(effectiveAnswers(bank, changed)).not.toHaveProperty("w-apply-online");
    expect(effectiveAnswers(bank, { ...changed, "work-status": "looking" })["w-apply-online"]).toBe("own");
  });
});

describe("never asking twice", () => {
  it("moves past a question once it is answered", () => {
    const first = nextQuestion(bank, {}, "self")!;
    const after = answerQuestion(bank, {}, first.id, ["hobbies"], "self");
    expect(after.ok && nextQuestion(bank, after.answers, "self")?.id).toBe("work-status");
  });

  it("does not ask whether someone is looking for work when their goals already say so", () => {
    const answers = { goals: ["job-search"] };
    expect(ids(answers)).not.toContain("work-status");
    expect(nextQuestion(bank, answers, "self")?.id).toBe("internet-use");
    expect(effectiveAnswers(bank, answers)["work-status"]).toBe("looking");
    expect(ids({ ...answers, "internet-use": "daily" })).toContain("w-apply-online");
  });

  it("refuses an answer to a question already answered from an earlier answer", () => {
    const result = validateAnswer(bank, { goals: ["job-search"] }, "work-status", "not-looking", "self");
    expect(result).toMatchObject({ ok: false, error: "We already know the answer to this question from an earlier answer." });
  });

  it("asks each question at most once in a full walk-through, and ends when all are answered", () => {
    const script = confidentAnswers({ "work-status": "looking" });
    const { asked, answers } = walkThrough(bank, script, "self");
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked).toHaveLength(bank.questions.length - 2); // no data-runs-out or needs-vary on this path
    expect(isComplete(bank, answers, "self")).toBe(true);
    expect(nextQuestion(bank, answers, "self")).toBeNull();
  });

  it("asks a question again if a kept answer no longer fits the bank", () => {
    const answers = confidentAnswers({ english: "fluent-ish" });
    expect(nextQuestion(bank, answers, "self")?.id).toBe("english");
  });
});

describe("skipping in assisted mode", () => {
  const upToBenefits: Answers = {
    goals: ["banking"],
    "work-status": "not-looking",
    "internet-use": "daily",
    feelings: "keen",
    devices: ["smartphone"],
    "device-problems": ["works"],
    "home-internet": "broadband",
    "cost-worry": "no",
  };

  it("lets a champion skip a question and come back to it", () => {
    const skip = validateAnswer(bank, upToBenefits, "benefits", { skipped: true }, "assisted");
    expect(skip).toEqual({ ok: true, value: { skipped: true } });
    const answers = { ...upToBenefits, benefits: { skipped: true as const } };
    expect(nextQuestion(bank, answers, "assisted")?.id).toBe("access-needs");
    expect(skippedQuestions(bank, answers).map((q) => q.id)).toEqual(["benefits"]);
    const all = { ...confidentAnswers(), benefits: { skipped: true as const } };
    expect(isComplete(bank, all, "assisted")).toBe(true);
  });

  it("does not let a resident skip on their own, and asks again if a skip is forged", () => {
    expect(validateAnswer(bank, upToBenefits, "benefits", { skipped: true }, "self")).toMatchObject({ ok: false, error: "Choose an answer to carry on." });
    const forged = { ...upToBenefits, benefits: { skipped: true as const } };
    expect(nextQuestion(bank, forged, "self")?.id).toBe("benefits");
  });

  it("lets a champion jump to a section and shows progress for each", () => {
    expect(nextQuestion(bank, {}, "assisted", { sectionId: "confidence-and-support" })?.id).toBe("confidence");
    const progress = sectionProgress(bank, { ...upToBenefits, benefits: { skipped: true } });
    const byId = Object.fromEntries(progress.map((p) => [p.section.id, p]));
    expect(byId["about-you"]).toMatchObject({ status: "completed", questions: 4, answered: 4 });
    expect(byId["devices-and-connection"]).toMatchObject({ status: "in-progress", questions: 5, answered: 4, skipped: 1 });
    expect(byId["confidence-and-support"].status).toBe("not-started");
    expect(byId["skills-for-work"].status).toBe("not-needed");
  });
});

describe("validating submitted answers", () => {
  const start: Answers = {};

  it("accepts a valid single, multiple and scale answer", () => {
    expect(validateAnswer(bank, start, "goals", ["save-money", "health"], "self")).toEqual({ ok: true, value: ["save-money", "health"] });
    expect(validateAnswer(bank, start, "goals", "health", "self")).toEqual({ ok: true, value: ["health"] });
    const before = { goals: ["hobbies"], "work-status": "not-looking" };
    expect(validateAnswer(bank, before, "internet-use", "never", "self")).toEqual({ ok: true, value: "never" });
    expect(validateAnswer(bank, start, "confidence", "0", "self")).toEqual({ ok: true, value: 0 });
    expect(validateAnswer(bank, start, "confidence", " 10 ", "self")).toEqual({ ok: true, value: 10 });
  });

  it("gives choices in the order they are listed, without repeats", () => {
    expect(validateAnswer(bank, start, "goals", ["health", "save-money", "health"], "self")).toEqual({ ok: true, value: ["save-money", "health"] });
  });

  it("rejects an unknown option id", () => {
    expect(validateAnswer(bank, start, "goals", ["health", "crypto"], "self")).toMatchObject({ ok: false, error: "Choose from the answers shown." });
    expect(validateAnswer(bank, start, "internet-use", "hourly", "self")).toMatchObject({ ok: false, error: "Choose from the answers shown." });
    expect(validateAnswer(bank, start, "f-wifi", "expert", "self")).toMatchObject({ ok: false, error: "Choose from the answers shown." });
  });

  it("rejects a forged question id", () => {
    expect(validateAnswer(bank, start, "bank-details", "x", "self")).toMatchObject({ ok: false, error: "That question is not part of this check." });
    expect(validateAnswer(bank, start, "__proto__", "x", "self")).toMatchObject({ ok: false, error: "That question is not part of this check." });
  });

  it("rejects an answer to a question that is not currently shown", () => {
    const noDevices = { devices: ["none"] };
    expect(validateAnswer(bank, noDevices, "device-problems", ["works"], "self")).toEqual({
      ok: false,
      error: "That question does not apply to the answers given so far.",
      code: "not-asked",
      values: {},
    });
    expect(validateAnswer(bank, { "work-status": "not-looking" }, "w-apply-online", "own", "self").ok).toBe(false);
  });

  it("rejects empty, doubled, mixed and malformed answers with a message", () => {
    expect(validateAnswer(bank, start, "internet-use", undefined, "self")).toMatchObject({ ok: false, error: "Choose an answer." });
    expect(validateAnswer(bank, start, "internet-use", ["daily", "never"], "self")).toMatchObject({ ok: false, error: "Choose one answer only." });
    expect(validateAnswer(bank, start, "goals", [], "self")).toMatchObject({ ok: false, error: "Choose at least one answer." });
    expect(validateAnswer(bank, start, "goals", ["nothing", "health"], "self")).toEqual({
      ok: false,
      error: 'Choose "Nothing at the moment" on its own, or untick it.',
      code: "exclusive-alone",
      values: { option: "Nothing at the moment" },
    });
    expect(validateAnswer(bank, start, "goals", { health: true }, "self")).toMatchObject({ ok: false, error: "Choose from the answers shown." });
    expect(validateAnswer(bank, start, "confidence", "", "self")).toMatchObject({ ok: false, error: "Choose a number from 0 to 10." });
    expect(validateAnswer(bank, start, "confidence", "11", "self")).toMatchObject({ ok: false, error: "Choose a number from 0 to 10." });
    expect(validateAnswer(bank, start, "confidence", "7.5", "self")).toMatchObject({ ok: false, error: "Choose a whole number from 0 to 10." });
    expect(validateAnswer(bank, start, "confidence", ["3", "4"], "self").ok).toBe(false);
  });
});

describe("finishing a triage", () => {
  const content = loadTriageContent();

  it("refuses to finish while a question is open, naming it", () => {
    const answers = { ...confidentAnswers() };
    delete answers.support;
    expect(completeTriage(content, answers, "self")).toEqual({ ok: false, error: "Answer every question before seeing the results.", questionId: "support" });
  });

  it("keeps a copy of the wording, marking inferred and skipped answers", () => {
    const answers = confidentAnswers({ goals: ["job-search"], benefits: { skipped: true }, "work-status": "not-looking" });
    const completed = completeTriage(content, answers, "assisted");
    if (!completed.ok) throw new Error(completed.error);
    const byId = Object.fromEntries(completed.outcome.snapshot.map((s) => [s.questionId, s]));
    expect(byId["work-status"]).toMatchObject({ answer: ["Yes, I'm looking for work"], inferred: true });
    expect(byId.benefits).toMatchObject({ answer: [], skipped: true, sectionTitle: "Devices and connection" });
    expect(byId.confidence.answer).toEqual(["9 out of 10"]);
    expect(byId["data-runs-out"]).toBeUndefined();
    expect(completed.outcome.answers["work-status"]).toBe("looking");
  });
});

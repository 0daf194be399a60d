import { describe, expect, it } from "vitest";
import { loadQuestionBank } from "~/triage/question-bank.server";
import { answerSections, backHref, nextHref, postedAnswer, questionHref, questionStatus, questionView } from "~/triage/question-view";
import { findQuestion } from "~/triage/types";
import { confidentAnswers } from "./helpers";

const bank = loadQuestionBank();
const question = (id: string) => findQuestion(bank, id)!;

describe("questionView", () => {
  it("uses the resident's wording and hint in the self-check, and the champion's prompt in assisted triage", () => {
    const self = questionView(bank, {}, question("goals"), "self");
    expect(self).toMatchObject({ heading: "What would you like to do online?", hint: "Choose all that you would like to do.", control: "checkboxes", sectionTitle: "About you" });
    const assisted = questionView(bank, {}, question("goals"), "assisted");
    expect(assisted.heading).toBe(question("goals").champion);
    expect(assisted.sectionTitle).toBe("About you and your goals");
    expect(assisted.lookOutFor.length).toBeGreaterThan(0);
  });

  it("marks the exclusive option, shows the scale's range and the answer already given", () => {
    const goals = questionView(bank, { goals: ["health", "banking"] }, question("goals"), "self");
    expect(goals.options.filter((o) => o.exclusive).map((o) => o.value)).toEqual(["nothing"]);
    expect(goals.chosen).toEqual(["health", "banking"]);
    const answers = confidentAnswers({ confidence: 4 });
    const scale = questionView(bank, answers, question("confidence"), "assisted");
    expect(scale).toMatchObject({ control: "scale", scale: { min: 0, max: 10 }, chosen: ["4"], options: [] });
    expect(questionView(bank, answers, question("f-wifi"), "self").control).toBe("radios");
  });

  it("shows a skipped question as unanswered and says it was skipped", () => {
    const view = questionView(bank, { goals: { skipped: true } }, question("goals"), "assisted");
    expect(view).toMatchObject({ chosen: [], skipped: true });
  });
});

describe("questionStatus", () => {
  it("tells unknown questions from ones branching or an earlier answer has taken away", () => {
    expect(questionStatus(bank, {}, "favourite-colour")).toBe("unknown");
    expect(questionStatus(bank, {}, "goals")).toBe("shown");
    expect(questionStatus(bank, { devices: ["none"] }, "device-problems")).toBe("not-shown");
    // Choosing job search as a goal answers "are you looking for work?".
    expect(questionStatus(bank, { goals: ["job-search"] }, "work-status")).toBe("not-shown");
  });
});

describe("navigation", () => {
  it("goes to the next open question, then to check your answers", () => {
    expect(nextHref("/check", bank, {}, "self")).toBe("/check/q/goals");
    expect(nextHref("/check", bank, { goals: ["health"] }, "self")).toBe("/check/q/work-status");
    expect(nextHref("/check", bank, confidentAnswers(), "self")).toBe("/check/answers");
  });

  it("keeps a change from check-your-answers pointed back there, through any question it opens up", () => {
    const answers = confidentAnswers({ "work-status": "looking" });
    expect(nextHref("/check", bank, confidentAnswers(), "self", { returnToAnswers: true })).toBe("/check/answers");
    const { "w-email-employer": _removed, ...withoutOne } = answers;
    expect(nextHref("/check", bank, withoutOne, "self", { returnToAnswers: true })).toBe("/check/q/w-email-employer?return=answers");
  });

  it("moves a champion on past a skipped question, and within a section back to the section list", () => {
    expect(nextHref("/triage", bank, { goals: { skipped: true } }, "assisted")).toBe("/triage/q/work-status");
    expect(nextHref("/check", bank, { goals: { skipped: true } }, "self")).toBe("/check/q/goals");
    expect(nextHref("/triage", bank, {}, "assisted", { sectionId: "health-and-language" })).toBe("/triage/q/access-needs?section=health-and-language");
    const doneHealth = { "access-needs": ["none"], english: "easy" };
    expect(nextHref("/triage", bank, doneHealth, "assisted", { sectionId: "health-and-language" })).toBe("/triage/sections");
  });

  it("links back to the closest earlier answered question, skipping ones branching has hidden", () => {
    expect(backHref("/check", bank, {}, "goals")).toBe("/check");
    const answers = { goals: ["health"], "work-status": "not-looking", "internet-use": "daily", feelings: "keen", devices: ["none"] };
    // device-problems is hidden for someone with no device, so the back link skips over it.
    expect(backHref("/check", bank, answers, "home-internet")).toBe("/check/q/devices");
    expect(backHref("/check", bank, answers, "home-internet", { returnToAnswers: true })).toBe("/check/answers");
    expect(backHref("/triage", bank, answers, "home-internet", { sectionId: "devices-and-connection" })).toBe("/triage/q/devices?section=devices-and-connection");
    expect(backHref("/triage", bank, answers, "devices", { sectionId: "devices-and-connection" })).toBe("/triage/sections");
  });

  it("builds question addresses with at most one way back", () => {
    expect(questionHref("/check", "goals")).toBe("/check/q/goals");
    expect(questionHref("/triage", "goals", { returnToAnswers: true, sectionId: "about-you" })).toBe("/triage/q/goals?return=answers");
  });
});

describe("answerSections", () => {
  it("groups answers by section with labels, and no change link for an answer worked out from another", () => {
    const sections = answerSections("/check", bank, confidentAnswers({ goals: ["job-search"], "work-status": "looking" }), "self");
    expect(sections[0].title).toBe("About you");
    const rows = sections[0].rows;
    expect(rows[0]).toMatchObject({ questionId: "goals", answer: ["Look for work and apply for jobs"], changeHref: "/check/q/goals?return=answers", inferred: false });
    expect(rows[1]).toMatchObject({ questionId: "work-status", answer: ["Yes, I'm looking for work"], inferred: true, changeHref: null });
    const confidence = sections.flatMap((s) => s.rows).find((r) => r.questionId === "confidence");
    expect(confidence?.answer).toEqual(["9 out of 10"]);
  });

  it("lists skipped questions for a champion to come back to", () => {
    const rows = answerSections("/triage", bank, { goals: { skipped: true } }, "assisted").flatMap((s) => s.rows);
    expect(rows).toEqual([expect.objectContaining({ questionId: "goals", skipped: true, answer: [], changeHref: "/triage/q/goals?return=answers" })]);
  });
});

describe("postedAnswer", () => {
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [k, v] of entries) data.append(k, v);
    return data;
  };
  it("reads nothing, one value or several, and a skip button", () => {
    expect(postedAnswer(form([]))).toBeUndefined();
    expect(postedAnswer(form([["answer", "daily"]]))).toBe("daily");
    expect(postedAnswer(form([["answer", "a"], ["answer", "b"]]))).toEqual(["a", "b"]);
    expect(postedAnswer(form([["intent", "skip"], ["answer", "a"]]))).toEqual({ skipped: true });
  });
});

import { describe, expect, it } from "vitest";
import { buildPlan } from "~/triage/plan";
import { loadTriageContent } from "~/triage/question-bank.server";
import { scoreTriage } from "~/triage/scoring";
import { SKILL_IDS, confidentAnswers } from "./helpers";

const { bank, rules } = loadTriageContent();
const score = (overrides: Parameters<typeof confidentAnswers>[0] = {}) => scoreTriage(bank, confidentAnswers(overrides));

describe("Essential Digital Skills level, by the national rule", () => {
  it("gives Foundation for exactly 8 of 8 Foundation tasks on one's own", () => {
    const result = score({ "l-search": "help" });
    expect(result.skills).toMatchObject({ foundation: true, foundationOnOwn: 8, foundationTotal: 8, level: "foundation" });
  });

  it("gives below Foundation for 7 of 8, whichever task is missing", () => {
    for (const missing of SKILL_IDS.FOUNDATION) {
      const result = score({ [missing]: "help" });
      expect(result.skills, missing).toMatchObject({ foundation: false, foundationOnOwn: 7, level: "below-foundation" });
      expect(result.barriers.skills.severity).toBe("high");
    }
  });

  it("does not count 'with help', 'I can't' or 'I don't know' as done on one's own", () => {
    for (const answer of ["help", "cannot", "unknown"]) {
      expect(score({ "f-wifi": answer }).skills.foundation).toBe(false);
    }
  });

  it("gives Life when every one of the five areas has one task done on one's own", () => {
    const oneEach = score({ "l-video-call": "cannot", "l-forms": "help", "l-privacy": "unknown" });
    expect(oneEach.skills).toMatchObject({ life: true, level: "life" });
    expect(oneEach.barriers.skills.severity).toBe("none");
  });

  it("misses Life when one area has nothing done on one's own", () => {
    const result = score({ "l-spot-scams": "help", "l-privacy": "cannot" });
    expect(result.skills).toMatchObject({ foundation: true, life: false, level: "foundation" });
    expect(result.skills.areas.find((a) => a.set === "life" && a.area === "being-safe")?.met).toBe(false);
    expect(result.skills.areas.filter((a) => !a.met)).toHaveLength(1);
    expect(result.barriers.skills).toEqual({ severity: "some", because: ["l-spot-scams", "l-privacy"] });
  });

  it("reports Life skills even below Foundation, but the level needs every rung below it", () => {
    const result = score({ "f-settings": "help" });
    expect(result.skills).toMatchObject({ foundation: false, life: true, level: "below-foundation" });
  });

  it("assesses Work only for people looking for work, by the same rule", () => {
    expect(score().skills.work).toBeNull();
    expect(score({ "work-status": "looking" }).skills).toMatchObject({ work: true, level: "work" });
    const missingOne = score({ "work-status": "looking", "w-job-scams": "help" });
    expect(missingOne.skills).toMatchObject({ work: false, level: "life" });
    expect(missingOne.barriers.skills.severity).toBe("some");
  });

  it("counts unasked life tasks as not done, for someone who has never been online", () => {
    const result = score({ "internet-use": "never" });
    expect(result.skills.tasks.filter((t) => t.set === "life").every((t) => t.answer === "not-asked")).toBe(true);
    expect(result.skills).toMatchObject({ foundation: true, life: false });
  });
});

describe("barriers", () => {
  it("finds no barriers for a confident, connected person", () => {
    const result = score();
    for (const [id, barrier] of Object.entries(result.barriers)) expect(barrier.severity, id).toBe("none");
  });

  it("takes the strongest signal when several answers raise the same barrier", () => {
    const result = score({ "home-internet": "mobile-prepay", "data-runs-out": "sometimes", "cost-worry": "hard" });
    expect(result.barriers.connectivity).toEqual({ severity: "some", because: ["data-runs-out"] });
    expect(result.barriers.affordability).toEqual({ severity: "high", because: ["cost-worry"] });
  });

  it("reads a device barrier from the combination of devices, not from one option", () => {
    expect(score({ devices: ["basic-phone"] }).barriers.device.severity).toBe("high");
    expect(score({ devices: ["basic-phone", "computer"] }).barriers.device.severity).toBe("none");
    expect(score({ devices: ["smartphone"] }).barriers.device.severity).toBe("none");
    expect(score({ devices: ["smartphone"], "work-status": "looking" }).barriers.device.severity).toBe("some");
    expect(score({ devices: ["smartphone"] }).flags).toContain("phone-only");
  });

  it("bands the 0–10 confidence scale at its edges", () => {
    const at = (n: number) => score({ confidence: n }).barriers.confidence.severity;
    expect([0, 3, 4, 6, 7, 10].map(at)).toEqual(["high", "high", "some", "some", "none", "none"]);
  });

  it("records goals and skipped questions", () => {
    const result = scoreTriage(bank, confidentAnswers({ goals: ["health", "job-search"], benefits: { skipped: true } }));
    expect(result.goals).toEqual(["job-search", "health"]);
    expect(result.skipped).toEqual(["benefits"]);
    expect(result.flags).toContain("looking-for-work");
  });
});

describe("digital inclusion scale", () => {
  const point = (overrides: Parameters<typeof confidentAnswers>[0]) => score(overrides).inclusion.point;

  it("places people on the Home Office 9-point scale", () => {
    expect(point({ "internet-use": "never", feelings: "not-for-me" })).toBe(1);
    expect(point({ "internet-use": "stopped" })).toBe(2);
    expect(point({ "internet-use": "never", feelings: "unsure" })).toBe(3);
    expect(point({ feelings: "have-to" })).toBe(4);
    expect(point({ "f-wifi": "help" })).toBe(5);
    expect(point({ "l-search": "cannot" })).toBe(6);
    expect(point({ confidence: 6 })).toBe(7);
    expect(point({ "l-forms": "help" })).toBe(8);
    expect(point({ confidence: 8 })).toBe(8);
    expect(point({})).toBe(9);
    expect(score().inclusion.label).toBe("Expert");
  });
});

describe("the plan", () => {
  it("orders steps by priority and ties each to the barriers and goals it serves", () => {
    const result = score({ devices: ["none"], goals: ["keep-in-touch", "hobbies"], "f-wifi": "cannot" });
    const plan = buildPlan(rules, result);
    expect(plan.map((s) => s.ruleId)).toEqual(["get-a-device", "first-steps-course"]);
    expect(plan[0]).toMatchObject({ barriers: ["device"], goals: ["keep-in-touch"], categories: ["device-loan", "public-computers"] });
    expect(plan[1]).toMatchObject({ barriers: ["skills"], goals: ["keep-in-touch"], topics: ["starting-the-conversation", "making-devices-easier-to-use"] });
    for (let i = 1; i < plan.length; i++) expect(plan[i - 1].priority).toBeGreaterThanOrEqual(plan[i].priority);
  });

  it("lists only the barriers the person actually has", () => {
    const result = score({ "internet-use": "never", devices: ["none"], "home-internet": "none" });
    const step = buildPlan(rules, result).find((s) => s.ruleId === "free-data");
    expect(step?.barriers).toEqual(["connectivity"]);
  });

  it("suggests further learning to an expert and nothing else", () => {
    expect(buildPlan(rules, score()).map((s) => s.ruleId)).toEqual(["keep-learning"]);
  });
});

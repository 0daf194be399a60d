import { describe, expect, it } from "vitest";
import { BARRIER_IDS } from "~/lib/frameworks";
import { completeTriage } from "~/triage/outcome";
import { loadScenarios, loadTriageContent } from "~/triage/question-bank.server";
import { walkThrough } from "./helpers";

const content = loadTriageContent();
const scenarios = loadScenarios();

describe("persona scenarios", () => {
  it("has unique ids and covers both modes", () => {
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
    expect(new Set(scenarios.map((s) => s.mode))).toEqual(new Set(["self", "assisted"]));
  });

  describe.each(scenarios.map((s) => [s.title, s] as const))("%s", (_title, scenario) => {
    const { asked, answers } = walkThrough(content.bank, scenario.answers, scenario.mode);
    const completed = completeTriage(content, answers, scenario.mode);
    if (!completed.ok) throw new Error(`${scenario.id} could not be completed: ${completed.error}`);
    const { result, plan } = completed.outcome;

    it("is asked every question it has an answer for, and nothing it does not", () => {
      expect(Object.keys(scenario.answers).filter((id) => !asked.includes(id))).toEqual([]);
      for (const id of scenario.expect.notAsked ?? []) expect(asked).not.toContain(id);
    });

    it("finds the expected barriers, and no others", () => {
      const found = Object.fromEntries(BARRIER_IDS.map((id) => [id, result.barriers[id].severity]));
      const expected = Object.fromEntries(BARRIER_IDS.map((id) => [id, scenario.expect.barriers[id] ?? "none"]));
      expect(found).toEqual(expected);
    });

    it("reaches the expected skills level and inclusion scale point", () => {
      expect(result.skills.level).toBe(scenario.expect.level);
      expect(result.inclusion.point).toBe(scenario.expect.inclusion);
    });

    it("starts the plan with the expected steps", () => {
      expect(plan.slice(0, scenario.expect.firstSteps.length).map((s) => s.ruleId)).toEqual(scenario.expect.firstSteps);
    });
  });
});

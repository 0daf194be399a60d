import { describe, expect, it } from "vitest";
import { getArticles } from "~/knowledge/articles.server";
import { BARRIER_IDS, type BarrierId } from "~/lib/frameworks";
import { planMessage, planRecipient } from "~/triage/plan-message";
import { type PlanLookups, planView } from "~/triage/plan-view";
import { completeTriage } from "~/triage/outcome";
import { buildPlan } from "~/triage/plan";
import { planLookups } from "~/triage/plan-lookups.server";
import { loadScenarios, loadTriageContent } from "~/triage/question-bank.server";
import { scoreTriage } from "~/triage/scoring";
import type { Answers } from "~/triage/types";
import { SKILL_IDS, confidentAnswers, walkThrough } from "./helpers";

const { bank, rules } = loadTriageContent();
const lookups: PlanLookups = {
  categoryName: (id) => `Category ${id}`,
  guide: (slug, audience) => (audience === "resident" && slug === "questions-to-ask" ? null : { title: `Guide ${slug}` }),
  guidesForBarrier: (barrier) =>
    ({
      device: ["free-data-sims-and-devices", "device-guide", "shared-guide"],
      connectivity: ["shared-guide", "wifi-guide"],
    })[barrier as string]?.map((slug) => ({ slug, title: `Guide ${slug}` })) ?? [],
};
const viewOf = (answers: Answers, audience: "resident" | "champion" = "resident") => {
  const result = scoreTriage(bank, answers);
  return planView({ result, plan: buildPlan(rules, result) }, audience, lookups);
};
const fill = (ids: string[], value: string) => Object.fromEntries(ids.map((id) => [id, value]));

describe("planView", () => {
  it("says what is going well and nothing is in the way for a confident person", () => {
    const view = viewOf(confidentAnswers());
    expect(view.barriers).toEqual([]);
    expect(view.goingWell).toContain("You have a phone, tablet or computer you can use.");
    expect(view.goingWell).toContain("You feel quite sure using the internet.");
    expect(view.level).toMatchObject({ id: "life", title: "You have the skills for everyday life" });
  });

  it("puts big barriers first, in plain words for residents and framework words for champions", () => {
    const answers = confidentAnswers({ devices: ["none"], "home-internet": "none", confidence: 5, worries: ["scams"] });
    const resident = viewOf(answers);
    expect(resident.barriers[0]).toMatchObject({ id: "device", severity: "high", label: "Having a phone, tablet or computer that works for you", severityText: "This makes things very hard right now" });
    const severities = resident.barriers.map((b) => b.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === "high" ? -1 : 1)));
    expect(resident.barriers.some((b) => b.severity === "some")).toBe(true);
    const champion = viewOf(answers, "champion");
    expect(champion.barriers[0]).toMatchObject({ label: "Access to a device", severityText: "High" });
    expect(champion.steps[0].text).toBe(rules.find((r) => r.id === champion.steps[0].id)!.champion);
  });

  it("explains the level below Foundation with how many basic tasks are done", () => {
    const view = viewOf(confidentAnswers({ ...fill(SKILL_IDS.FOUNDATION.slice(0, 3), "help") }));
    expect(view.level.id).toBe("below-foundation");
    expect(view.level.explanation).toContain("You can do 5 of these on your own");
    expect(view.goingWell).toContain("You can already do 5 of the 8 basic things on your own.");
    expect(viewOf(confidentAnswers({ ...fill(SKILL_IDS.FOUNDATION.slice(0, 3), "help") }), "champion").level.explanation).toContain("5 of the 8 Foundation tasks");
  });

  it("links each step to its guides and directory categories, without repeats across steps", () => {
    const view = viewOf(confidentAnswers({ devices: ["none"], "home-internet": "none" }));
    const device = view.steps.find((s) => s.id === "get-a-device")!;
    expect(device.categories[0]).toEqual({ id: "device-loan", href: "/services?category=device-loan", text: "Category device-loan" });
    expect(device.guides[0]).toEqual({ href: "/knowledge/free-data-sims-and-devices", text: "Guide free-data-sims-and-devices" });
    expect(new Set(view.categoryIds).size).toBe(view.categoryIds.length);
    expect(view.categoryIds).toContain("public-computers");
    expect(new Set(view.guides.map((g) => g.href)).size).toBe(view.guides.length);
  });

  it("leaves out guides that are not for residents", () => {
    const answers = confidentAnswers({ "access-needs": ["memory"], "needs-vary": "yes" });
    const resident = viewOf(answers).steps.find((s) => s.id === "plan-around-good-days");
    const champion = viewOf(answers, "champion").steps.find((s) => s.id === "plan-around-good-days");
    expect(champion?.guides.map((g) => g.href)).toContain("/knowledge/questions-to-ask");
    expect(resident?.guides.map((g) => g.href)).not.toContain("/knowledge/questions-to-ask");
  });
});

describe("guides for the barriers found", () => {
  it("adds each barrier's guides once, leaving out those the steps already link", () => {
    const view = viewOf(confidentAnswers({ devices: ["none"], "home-internet": "none" }));
    expect(view.guides.map((g) => g.href)).toContain("/knowledge/free-data-sims-and-devices");
    expect(view.barrierGuides.map((b) => [b.id, b.guides.map((g) => g.href)])).toEqual([
      ["device", ["/knowledge/device-guide", "/knowledge/shared-guide"]],
      ["connectivity", ["/knowledge/wifi-guide"]],
    ]);
    expect(view.barrierGuides[0].label).toBe("Having a phone, tablet or computer that works for you");
  });

  /** A confident person's result with just one barrier raised to "some": no rule needs to fire for it. */
  function withSome(barrier: BarrierId) {
    const result = scoreTriage(bank, confidentAnswers());
    result.barriers = { ...result.barriers, [barrier]: { severity: "some", because: [] } };
    return { result, plan: buildPlan(rules, result) };
  }
  const guideBarriers = new Map(getArticles().map((a) => [`/knowledge/${a.slug}`, a.barriers as string[]]));
  const linkedFor = (view: ReturnType<typeof planView>) => [...view.guides, ...view.barrierGuides.flatMap((b) => b.guides)].map((g) => g.href);

  it.each(BARRIER_IDS.map((id) => [id]))("links a guide about %s at \"some\", for champions and for residents", (barrier) => {
    for (const audience of ["champion", "resident"] as const) {
      const hrefs = linkedFor(planView(withSome(barrier), audience, planLookups("en")));
      expect(hrefs.filter((href) => guideBarriers.get(href)?.includes(barrier)), audience).not.toEqual([]);
      if (audience === "resident") for (const href of hrefs) expect(getArticles().find((a) => `/knowledge/${a.slug}` === href)?.audience).toContain("resident");
    }
  });
});

describe("the resident's plan, for every scenario", () => {
  const content = loadTriageContent();
  const ABOUT_THE_PERSON = /\b(they|them|their|theirs|themselves|the person)\b/i;

  it.each(loadScenarios().map((s) => [s.id, s] as const))("%s speaks to the resident, never about them", (_id, scenario) => {
    const completed = completeTriage(content, walkThrough(content.bank, scenario.answers, scenario.mode).answers, scenario.mode);
    if (!completed.ok) throw new Error(completed.error);
    const view = planView(completed.outcome, "resident", planLookups("en"));
    const lines = [
      ...view.goingWell,
      ...view.barriers.flatMap((b) => [b.label, b.severityText]),
      view.level.title,
      view.level.explanation,
      ...view.steps.flatMap((s) => [s.title, s.text, ...s.guides.map((g) => g.text), ...s.categories.map((c) => c.text)]),
      ...view.guides.map((g) => g.text),
    ];
    expect(lines.filter((line) => ABOUT_THE_PERSON.test(line))).toEqual([]);
  });

  it("gives the step for someone who sees no point a heading written to them", () => {
    const answers = confidentAnswers({ feelings: "not-for-me", "internet-use": "never" });
    const resident = viewOf(answers).steps.find((s) => s.id === "start-with-their-goals");
    const champion = viewOf(answers, "champion").steps.find((s) => s.id === "start-with-their-goals");
    expect(resident?.title).toBe("Start with what matters to you");
    expect(champion?.title).toBe("Start with what matters to them");
  });

  it("falls back to the title for a plan saved before resident titles existed", () => {
    const result = scoreTriage(bank, confidentAnswers({ feelings: "not-for-me" }));
    const old = buildPlan(rules, result).map(({ residentTitle: _dropped, ...step }) => step);
    expect(planView({ result, plan: old }, "resident", lookups).steps.map((s) => s.title)).toEqual(old.map((s) => s.title));
  });
});

describe("planMessage", () => {
  const steps = Array.from({ length: 9 }, (_, i) => ({ title: `Step number ${i + 1} with a longish title`, text: `What to do for step ${i + 1}.` }));
  const link = "https://waymark.example.org/check/result/7KQ3MXP2";

  it("keeps a text short, with the link and the reference, whatever the number of steps", () => {
    const { body } = planMessage("sms", { reference: "7KQ3MXP2", steps, link });
    expect(body.length).toBeLessThanOrEqual(306);
    expect(body).toContain(link);
    expect(body).toContain("7KQ3 MXP2");
    expect(body).toContain("1. Step number 1");
    expect(planMessage("sms", { reference: "7KQ3MXP2", steps: [], link }).body).toContain(link);
  });

  it("gives an email the first five steps in full and says the address was not kept", () => {
    const { subject, body } = planMessage("email", { reference: "7KQ3MXP2", steps, link });
    expect(subject).toBe("Your plan from Waymark");
    expect(body).toContain("5. Step number 5 with a longish title\nWhat to do for step 5.");
    expect(body).not.toContain("6. Step number 6");
    expect(body).toContain("We have not kept your email address.");
  });
});

describe("planRecipient", () => {
  it("takes a UK mobile number or an email address from one box", () => {
    expect(planRecipient(" +44 (0)7700 900982 ")).toEqual({ ok: true, channel: "sms", to: "07700900982" });
    expect(planRecipient("sam@example.com")).toEqual({ ok: true, channel: "email", to: "sam@example.com" });
    expect(planRecipient("")).toEqual({ ok: false, error: "Enter a mobile phone number or an email address" });
    expect(planRecipient("sam@")).toMatchObject({ ok: false, error: expect.stringContaining("email address in the correct format") });
    expect(planRecipient("01632 960 001")).toMatchObject({ ok: false, error: expect.stringContaining("UK mobile number") });
  });
});

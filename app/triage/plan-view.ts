import { fill } from "~/i18n/catalogue";
import { BARRIERS, type BarrierId, type CategoryId, type EdsLevelId, labelFor } from "~/lib/frameworks";
import type { KnowledgeTopic } from "./content-schema";
import type { PlanStep } from "./plan";
import type { TriageResult } from "./scoring";

/**
 * Turns a stored result and plan into what the plan pages say: in plain words for the resident,
 * or with the framework terms a champion uses. Pure, so the wording is tested without a page.
 */

export type PlanAudience = "resident" | "champion";

export interface PlanLookups {
  categoryName(id: CategoryId): string;
  /** A knowledge-store guide, or null when there is none by that name (or none for this audience). */
  guide(slug: KnowledgeTopic, audience: PlanAudience): { title: string; lang?: string } | null;
  /** The guides written for this audience about a barrier, the most focused first. */
  guidesForBarrier(barrier: BarrierId, audience: PlanAudience): { slug: string; title: string; lang?: string }[];
}

export interface BarrierView {
  id: BarrierId;
  label: string;
  severity: "some" | "high";
  severityText: string;
}

export interface LinkView {
  href: string;
  text: string;
  /** Set when the linked guide is not in the plan's language, so its title is marked as English. */
  lang?: string;
}

export interface StepView {
  id: string;
  title: string;
  text: string;
  guides: LinkView[];
  categories: (LinkView & { id: CategoryId })[];
}

export interface PlanView {
  goingWell: string[];
  barriers: BarrierView[];
  level: { id: EdsLevelId; title: string; explanation: string };
  steps: StepView[];
  /** Every directory category the steps suggest, first step first, without repeats. */
  categoryIds: CategoryId[];
  /** Every guide the steps point to, without repeats. */
  guides: LinkView[];
  /** More guides for each barrier found, leaving out any the steps already point to. */
  barrierGuides: BarrierGuidesView[];
  inclusion: string;
}

export interface BarrierGuidesView {
  id: BarrierId;
  label: string;
  guides: LinkView[];
}

/** Enough to start with; the knowledge store's barrier filter has the rest. */
const GUIDES_PER_BARRIER = 3;

/**
 * What a resident's plan says in English, by translation key: the source the other languages are
 * checked against (see app/i18n). Champions get the framework terms below instead.
 */
export const RESIDENT_PLAN_TEXT = {
  "barriers.device.problem": "Having a phone, tablet or computer that works for you",
  "barriers.device.fine": "You have a phone, tablet or computer you can use.",
  "barriers.connectivity.problem": "Getting online at home or when you are out",
  "barriers.connectivity.fine": "You can get online when you need to.",
  "barriers.affordability.problem": "The cost of data, broadband or a device",
  "barriers.affordability.fine": "The cost of getting online is not a big worry for you.",
  "barriers.skills.problem": "Knowing how to do things online",
  "barriers.skills.fine": "You can do the basic things online on your own.",
  "barriers.confidence.problem": "Feeling sure and safe online",
  "barriers.confidence.fine": "You feel sure of yourself online.",
  "barriers.motivation.problem": "Finding a good reason to go online",
  "barriers.motivation.fine": "You know what you want to do online.",
  "barriers.accessibility.problem": "Your health or a disability making devices harder to use",
  "barriers.accessibility.fine": "Your health does not make phones or computers hard to use.",
  "barriers.language.problem": "Reading, or using English",
  "barriers.language.fine": "Reading English online is fine for you.",
  "barriers.support.problem": "Having someone to ask for help",
  "barriers.support.fine": "You have someone you can ask for help.",
  "severity.high": "This makes things very hard right now",
  "severity.some": "This makes things a bit harder",
  "level.below-foundation.title": "You are still learning the basics",
  "level.below-foundation.explanation":
    "There are {{total}} basic things, like turning on a phone, connecting to Wi-Fi and keeping passwords safe. You can do {{onOwn}} of these on your own so far.",
  "level.foundation.title": "You have the basic skills",
  "level.foundation.explanation":
    "You can do all {{total}} basic things on your own. Next comes using these skills in everyday life: talking to people, finding things out, buying and paying, solving problems and staying safe.",
  "level.life.title": "You have the skills for everyday life",
  "level.life.explanation":
    "You can do the basics, and something in each part of everyday life online: talking to people, finding things out, buying and paying, solving problems and staying safe.",
  "level.work.title": "You have the skills for everyday life and for work",
  "level.work.explanation": "You can do the basics, and things in every part of everyday life and work online.",
  "goingWell.foundationSoFar": "You can already do {{onOwn}} of the {{total}} basic things on your own.",
  "goingWell.confident": "You feel quite sure using the internet.",
} as const;
type ResidentPlanKey = keyof typeof RESIDENT_PLAN_TEXT;

/** The resident's plan text in their language: a translation where there is one, else the English. */
export type PlanWords = Partial<Record<string, string>>;

const say = (words: PlanWords, key: ResidentPlanKey, values: Record<string, string | number> = {}) =>
  fill(words[key] ?? RESIDENT_PLAN_TEXT[key], values);

const CHAMPION_SEVERITY: Record<"some" | "high", string> = { high: "High", some: "Some" };

function levelView(result: TriageResult, audience: PlanAudience, words: PlanWords): PlanView["level"] {
  const { level, foundationOnOwn, foundationTotal } = result.skills;
  if (audience === "resident") {
    const values = { total: foundationTotal, onOwn: foundationOnOwn };
    return { id: level, title: say(words, `level.${level}.title`), explanation: say(words, `level.${level}.explanation`, values) };
  }
  switch (level) {
    case "below-foundation":
      return {
        id: level,
        title: "Below Foundation level",
        explanation: `Can do ${foundationOnOwn} of the ${foundationTotal} Foundation tasks on their own. Foundation needs all ${foundationTotal}.`,
      };
    case "foundation":
      return { id: level, title: "Foundation level", explanation: "All 8 Foundation tasks on their own, but not yet a task in each of the five areas for life." };
    case "life":
      return {
        id: level,
        title: "Essential Digital Skills for life",
        explanation: "All 8 Foundation tasks and at least one task in each of the five areas for life, on their own.",
      };
    case "work":
      return {
        id: level,
        title: "Essential Digital Skills for life and work",
        explanation: "Foundation, plus at least one task in each of the five areas for both life and work, on their own.",
      };
  }
}

function goingWell(result: TriageResult, words: PlanWords): string[] {
  const lines: string[] = [];
  for (const { id } of BARRIERS) {
    if (result.barriers[id].severity === "none") lines.push(say(words, `barriers.${id}.fine`));
  }
  const { foundation, foundationOnOwn } = result.skills;
  if (!foundation && foundationOnOwn > 0) {
    lines.push(say(words, "goingWell.foundationSoFar", { onOwn: foundationOnOwn, total: result.skills.foundationTotal }));
  }
  if (result.confidence !== null && result.confidence >= 7) lines.push(say(words, "goingWell.confident"));
  return lines;
}

/**
 * `words` holds the resident's translation (the keys of RESIDENT_PLAN_TEXT, and rules.<id>.title
 * and rules.<id>.text for the steps); without it, or for a champion, the plan is in English.
 */
export function planView(
  stored: { result: TriageResult; plan: PlanStep[] },
  audience: PlanAudience,
  lookups: PlanLookups,
  words: PlanWords = {},
): PlanView {
  const { result, plan } = stored;
  const barriers: BarrierView[] = BARRIERS.flatMap(({ id }): BarrierView[] => {
    const { severity } = result.barriers[id];
    if (severity === "none") return [];
    const resident = audience === "resident";
    return [
      {
        id,
        label: resident ? say(words, `barriers.${id}.problem`) : labelFor(BARRIERS, id),
        severity,
        severityText: resident ? say(words, `severity.${severity}`) : CHAMPION_SEVERITY[severity],
      },
    ];
  }).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "high" ? -1 : 1));

  const steps: StepView[] = plan.map((step) => ({
    id: step.ruleId,
    // A stored step keeps its English; the resident reads the rule's translation when there is one.
    title: audience === "resident" ? (words[`rules.${step.ruleId}.title`] ?? step.residentTitle ?? step.title) : step.title,
    text: audience === "resident" ? (words[`rules.${step.ruleId}.text`] ?? step.resident) : step.champion,
    guides: step.topics.flatMap((slug) => {
      const guide = lookups.guide(slug, audience);
      return guide ? [{ href: `/knowledge/${slug}`, text: guide.title, ...(guide.lang ? { lang: guide.lang } : {}) }] : [];
    }),
    categories: step.categories.map((id) => ({ id, href: `/services?category=${id}`, text: lookups.categoryName(id) })),
  }));

  const unique = <T>(items: T[], key: (item: T) => string) => items.filter((item, i) => items.findIndex((other) => key(other) === key(item)) === i);
  const guides = unique(
    steps.flatMap((s) => s.guides),
    (g) => g.href,
  );
  return {
    goingWell: goingWell(result, words),
    barriers,
    level: levelView(result, audience, words),
    steps,
    categoryIds: unique(
      plan.flatMap((s) => s.categories),
      (id) => id,
    ),
    guides,
    barrierGuides: barrierGuides(barriers, guides, audience, lookups),
    inclusion: `${result.inclusion.label} (${result.inclusion.point} of 9)`,
  };
}

/**
 * Rules only link the guides for the steps they suggest, so a barrier at "some" (or one no rule
 * covers) would otherwise get no guide at all. Each barrier found gets the guides tagged with it,
 * biggest barriers first, never repeating a guide already on the plan.
 */
function barrierGuides(barriers: BarrierView[], linked: LinkView[], audience: PlanAudience, lookups: PlanLookups): BarrierGuidesView[] {
  const seen = new Set(linked.map((g) => g.href));
  return barriers.flatMap((barrier): BarrierGuidesView[] => {
    const guides = lookups
      .guidesForBarrier(barrier.id, audience)
      .map((g) => ({ href: `/knowledge/${g.slug}`, text: g.title, ...(g.lang ? { lang: g.lang } : {}) }))
      .filter((g) => !seen.has(g.href))
      .slice(0, GUIDES_PER_BARRIER);
    for (const g of guides) seen.add(g.href);
    return guides.length > 0 ? [{ id: barrier.id, label: barrier.label, guides }] : [];
  });
}

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
  guide(slug: KnowledgeTopic, audience: PlanAudience): { title: string } | null;
  /** The guides written for this audience about a barrier, the most focused first. */
  guidesForBarrier(barrier: BarrierId, audience: PlanAudience): { slug: string; title: string }[];
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

const RESIDENT_BARRIERS: Record<BarrierId, { problem: string; fine: string }> = {
  device: { problem: "Having a phone, tablet or computer that works for you", fine: "You have a phone, tablet or computer you can use." },
  connectivity: { problem: "Getting online at home or when you are out", fine: "You can get online when you need to." },
  affordability: { problem: "The cost of data, broadband or a device", fine: "The cost of getting online is not a big worry for you." },
  skills: { problem: "Knowing how to do things online", fine: "You can do the basic things online on your own." },
  confidence: { problem: "Feeling sure and safe online", fine: "You feel sure of yourself online." },
  motivation: { problem: "Finding a good reason to go online", fine: "You know what you want to do online." },
  accessibility: { problem: "Your health or a disability making devices harder to use", fine: "Your health does not make phones or computers hard to use." },
  language: { problem: "Reading, or using English", fine: "Reading English online is fine for you." },
  support: { problem: "Having someone to ask for help", fine: "You have someone you can ask for help." },
};

const SEVERITY_TEXT: Record<PlanAudience, Record<"some" | "high", string>> = {
  resident: { high: "This makes things very hard right now", some: "This makes things a bit harder" },
  champion: { high: "High", some: "Some" },
};

const FOUNDATION_TASKS = "like turning on a phone, connecting to Wi-Fi and keeping passwords safe";
const LIFE_AREAS = "talking to people, finding things out, buying and paying, solving problems and staying safe";

function levelView(result: TriageResult, audience: PlanAudience): PlanView["level"] {
  const { level, foundationOnOwn, foundationTotal } = result.skills;
  const champion = audience === "champion";
  switch (level) {
    case "below-foundation":
      return {
        id: level,
        title: champion ? "Below Foundation level" : "You are still learning the basics",
        explanation: champion
          ? `Can do ${foundationOnOwn} of the ${foundationTotal} Foundation tasks on their own. Foundation needs all ${foundationTotal}.`
          : `There are ${foundationTotal} basic things, ${FOUNDATION_TASKS}. You can do ${foundationOnOwn} of these on your own so far.`,
      };
    case "foundation":
      return {
        id: level,
        title: champion ? "Foundation level" : "You have the basic skills",
        explanation: champion
          ? "All 8 Foundation tasks on their own, but not yet a task in each of the five areas for life."
          : `You can do all ${foundationTotal} basic things on your own. Next comes using these skills in everyday life: ${LIFE_AREAS}.`,
      };
    case "life":
      return {
        id: level,
        title: champion ? "Essential Digital Skills for life" : "You have the skills for everyday life",
        explanation: champion
          ? "All 8 Foundation tasks and at least one task in each of the five areas for life, on their own."
          : `You can do the basics, and something in each part of everyday life online: ${LIFE_AREAS}.`,
      };
    case "work":
      return {
        id: level,
        title: champion ? "Essential Digital Skills for life and work" : "You have the skills for everyday life and for work",
        explanation: champion
          ? "Foundation, plus at least one task in each of the five areas for both life and work, on their own."
          : "You can do the basics, and things in every part of everyday life and work online.",
      };
  }
}

function goingWell(result: TriageResult): string[] {
  const lines: string[] = [];
  for (const { id } of BARRIERS) {
    if (result.barriers[id].severity === "none") lines.push(RESIDENT_BARRIERS[id].fine);
  }
  const { foundation, foundationOnOwn } = result.skills;
  if (!foundation && foundationOnOwn > 0) {
    lines.push(`You can already do ${foundationOnOwn} of the ${result.skills.foundationTotal} basic things on your own.`);
  }
  if (result.confidence !== null && result.confidence >= 7) lines.push("You feel quite sure using the internet.");
  return lines;
}

export function planView(stored: { result: TriageResult; plan: PlanStep[] }, audience: PlanAudience, lookups: PlanLookups): PlanView {
  const { result, plan } = stored;
  const barriers: BarrierView[] = BARRIERS.flatMap(({ id }): BarrierView[] => {
    const { severity } = result.barriers[id];
    if (severity === "none") return [];
    return [{ id, label: audience === "resident" ? RESIDENT_BARRIERS[id].problem : labelFor(BARRIERS, id), severity, severityText: SEVERITY_TEXT[audience][severity] }];
  }).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "high" ? -1 : 1));

  const steps: StepView[] = plan.map((step) => ({
    id: step.ruleId,
    title: audience === "resident" ? (step.residentTitle ?? step.title) : step.title,
    text: audience === "resident" ? step.resident : step.champion,
    guides: step.topics.flatMap((slug) => {
      const guide = lookups.guide(slug, audience);
      return guide ? [{ href: `/knowledge/${slug}`, text: guide.title }] : [];
    }),
    categories: step.categories.map((id) => ({ id, href: `/services?category=${id}`, text: lookups.categoryName(id) })),
  }));

  const unique = <T>(items: T[], key: (item: T) => string) => items.filter((item, i) => items.findIndex((other) => key(other) === key(item)) === i);
  const guides = unique(
    steps.flatMap((s) => s.guides),
    (g) => g.href,
  );
  return {
    goingWell: goingWell(result),
    barriers,
    level: levelView(result, audience),
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
      .map((g) => ({ href: `/knowledge/${g.slug}`, text: g.title }))
      .filter((g) => !seen.has(g.href))
      .slice(0, GUIDES_PER_BARRIER);
    for (const g of guides) seen.add(g.href);
    return guides.length > 0 ? [{ id: barrier.id, label: barrier.label, guides }] : [];
  });
}

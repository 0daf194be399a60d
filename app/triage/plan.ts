import type { BarrierId, CategoryId, GoalId } from "~/lib/frameworks";
import type { KnowledgeTopic, ResultCondition, Rule } from "./content-schema";
import { type TriageResult, edsRank } from "./scoring";

export interface PlanStep {
  ruleId: string;
  priority: number;
  /** The champion's heading for the step. */
  title: string;
  /** The resident's heading; plans saved before it existed only have the title. */
  residentTitle?: string;
  resident: string;
  champion: string;
  /** The rule's barriers that this person actually has. */
  barriers: BarrierId[];
  /** The rule's goals that this person chose. */
  goals: GoalId[];
  categories: CategoryId[];
  topics: KnowledgeTopic[];
}

const RANK = { none: 0, some: 1, high: 2 } as const;

export function meetsResultCondition(condition: ResultCondition, result: TriageResult): boolean {
  if ("all" in condition) return condition.all.every((c) => meetsResultCondition(c, result));
  if ("any" in condition) return condition.any.some((c) => meetsResultCondition(c, result));
  if ("not" in condition) return !meetsResultCondition(condition.not, result);
  if ("barrier" in condition) return RANK[result.barriers[condition.barrier].severity] >= RANK[condition.atLeast];
  if ("flag" in condition) return result.flags.includes(condition.flag);
  if ("goal" in condition) return result.goals.includes(condition.goal);
  if ("edsBelow" in condition) return edsRank(result.skills.level) < edsRank(condition.edsBelow);
  if ("edsAtLeast" in condition) return edsRank(result.skills.level) >= edsRank(condition.edsAtLeast);
  const { areaMissing, context } = condition;
  if (areaMissing === "foundation") return !result.skills.foundation;
  return !result.skills.areas.some((a) => a.area === areaMissing && a.set === (context ?? "life") && a.met);
}

/**
 * Every rule whose condition holds becomes a step, highest priority first (ties keep the order of
 * rules.yaml), each copied in full so a stored plan still reads the same after the rules change.
 */
export function buildPlan(rules: Rule[], result: TriageResult): PlanStep[] {
  return rules
    .filter((rule) => meetsResultCondition(rule.when, result))
    .map((rule) => ({
      ruleId: rule.id,
      priority: rule.priority,
      title: rule.title,
      residentTitle: rule.residentTitle ?? rule.title,
      resident: rule.resident,
      champion: rule.champion,
      barriers: rule.barriers.filter((b) => result.barriers[b].severity !== "none"),
      goals: rule.goals.filter((g) => result.goals.includes(g)),
      categories: rule.categories,
      topics: rule.topics,
    }))
    .sort((a, b) => b.priority - a.priority);
}

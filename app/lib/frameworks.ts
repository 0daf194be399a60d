/**
 * The shared vocabulary of Waymark: barriers, skills areas, goals and directory categories.
 * Triage content, the taxonomy, knowledge articles and reports all refer to these ids, so they
 * live in one place and are checked when content loads.
 */

export const BARRIERS = [
  { id: "device", label: "Access to a device" },
  { id: "connectivity", label: "Connection (broadband, mobile data, signal)" },
  { id: "affordability", label: "Cost of data and devices" },
  { id: "skills", label: "Digital skills" },
  { id: "confidence", label: "Confidence and trust" },
  { id: "motivation", label: "Motivation" },
  { id: "accessibility", label: "Accessibility and disability" },
  { id: "language", label: "Language and literacy" },
  { id: "support", label: "Someone to ask for help" },
] as const;
export type BarrierId = (typeof BARRIERS)[number]["id"];
export const BARRIER_IDS = BARRIERS.map((b) => b.id) as [BarrierId, ...BarrierId[]];

export const SEVERITIES = ["none", "some", "high"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Essential Digital Skills framework (DfE 2018, updated 2022). */
export const SKILL_AREAS = [
  { id: "foundation", label: "Foundation skills" },
  { id: "communicating", label: "Communicating" },
  { id: "handling-information", label: "Handling information and content" },
  { id: "transacting", label: "Transacting" },
  { id: "problem-solving", label: "Problem solving" },
  { id: "being-safe", label: "Being safe and legal online" },
] as const;
export type SkillAreaId = (typeof SKILL_AREAS)[number]["id"];
export const SKILL_AREA_IDS = SKILL_AREAS.map((s) => s.id) as [SkillAreaId, ...SkillAreaId[]];

export const EDS_LEVELS = [
  { id: "below-foundation", label: "Not yet at Foundation level" },
  { id: "foundation", label: "Foundation" },
  { id: "life", label: "Essential skills for life" },
  { id: "work", label: "Essential skills for life and work" },
] as const;
export type EdsLevelId = (typeof EDS_LEVELS)[number]["id"];

export const GOALS = [
  { id: "job-search", label: "Look and apply for jobs" },
  { id: "universal-credit", label: "Manage Universal Credit and benefits" },
  { id: "save-money", label: "Save money on bills and shopping" },
  { id: "keep-in-touch", label: "Keep in touch with family and friends" },
  { id: "health", label: "Health: appointments, prescriptions, NHS App" },
  { id: "banking", label: "Online banking and paying bills" },
  { id: "housing", label: "Pay rent and report repairs" },
  { id: "council-services", label: "Council services and online forms" },
  { id: "learning", label: "Learn something new or take a course" },
  { id: "hobbies", label: "Hobbies, news and entertainment" },
] as const;
export type GoalId = (typeof GOALS)[number]["id"];
export const GOAL_IDS = GOALS.map((g) => g.id) as [GoalId, ...GoalId[]];

/** Home Office digital inclusion scale, 1 (never have, never will) to 9 (expert). */
export const INCLUSION_SCALE = [
  { point: 1, label: "Never have, never will" },
  { point: 2, label: "Was online, but no longer" },
  { point: 3, label: "Willing but unable" },
  { point: 4, label: "Reluctantly online" },
  { point: 5, label: "Learning the ropes" },
  { point: 6, label: "Task specific" },
  { point: 7, label: "Basic digital skills" },
  { point: 8, label: "Confident" },
  { point: 9, label: "Expert" },
] as const;
export type InclusionScalePoint = (typeof INCLUSION_SCALE)[number]["point"];

/** Directory categories (taxonomy term ids); content/taxonomy maps each to barriers and goals. */
export const CATEGORY_IDS = [
  "device-loan",
  "free-data",
  "social-tariff",
  "drop-in-help",
  "one-to-one-support",
  "skills-course",
  "online-safety",
  "job-search",
  "universal-credit-help",
  "money-advice",
  "assistive-tech",
  "esol-literacy",
  "public-computers",
  "childcare-family",
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export function labelFor<T extends { id: string; label: string }>(list: readonly T[], id: string): string {
  return list.find((item) => item.id === id)?.label ?? id;
}

import {
  BARRIER_IDS,
  type BarrierId,
  EDS_LEVELS,
  type EdsLevelId,
  GOAL_IDS,
  type GoalId,
  INCLUSION_SCALE,
  type InclusionScalePoint,
  SKILL_AREA_IDS,
  type Severity,
  type SkillAreaId,
} from "~/lib/frameworks";
import { type Signals, type SkillAnswer, TRIAGE_FLAGS, type TriageFlag } from "./content-schema";
import { meetsCondition, walkQuestions } from "./flow";
import { type Answers, type QuestionBank, type SkillQuestion, isSkipped } from "./types";

export interface BarrierScore {
  severity: Severity;
  /** Question ids whose answers raised this barrier, so a champion can see why. */
  because: string[];
}

export type SkillSet = "foundation" | "life" | "work";

export interface SkillTaskResult {
  questionId: string;
  summary: string;
  set: SkillSet;
  area: SkillAreaId;
  answer: SkillAnswer | "skipped" | "not-asked";
}

export interface SkillsResult {
  /** The highest rung reached with every rung below it: Foundation, then Life, then Work. */
  level: EdsLevelId;
  foundation: boolean;
  life: boolean;
  /** Null when the person is not looking for work, so Work was not assessed. */
  work: boolean | null;
  foundationOnOwn: number;
  foundationTotal: number;
  areas: { set: "life" | "work"; area: SkillAreaId; met: boolean }[];
  tasks: SkillTaskResult[];
}

export interface TriageResult {
  bankVersion: string;
  barriers: Record<BarrierId, BarrierScore>;
  skills: SkillsResult;
  inclusion: { point: InclusionScalePoint; label: string };
  confidence: number | null;
  goals: GoalId[];
  flags: TriageFlag[];
  skipped: string[];
}

const RANK: Record<Severity, number> = { none: 0, some: 1, high: 2 };

export function scoreTriage(bank: QuestionBank, answers: Answers): TriageResult {
  const { asked, effective } = walkQuestions(bank, answers);
  const barriers = Object.fromEntries(BARRIER_IDS.map((id) => [id, { severity: "none", because: [] }])) as unknown as Record<
    BarrierId,
    BarrierScore
  >;
  const goals = new Set<GoalId>();
  const flags = new Set<TriageFlag>();
  const apply = (signals: Signals | undefined, questionId: string) => {
    for (const [barrier, strength] of Object.entries(signals?.barriers ?? {}) as [BarrierId, Severity][]) {
      raise(barriers[barrier], strength, questionId);
    }
    signals?.goals?.forEach((g) => goals.add(g));
    signals?.flags?.forEach((f) => flags.add(f));
  };

  let confidence: number | null = null;
  for (const question of bank.questions) {
    const value = effective[question.id];
    if (value === undefined || isSkipped(value)) continue;
    if (question.kind === "scale") {
      if (typeof value === "number") confidence = value;
    } else {
      const chosen = Array.isArray(value) ? value : [String(value)];
      for (const option of question.options) if (chosen.includes(option.id)) apply(option.signals, question.id);
    }
    for (const s of question.signalsWhen ?? []) if (meetsCondition(s.when, effective)) apply(s.signals, question.id);
  }

  const skills = scoreSkills(bank, effective, flags.has("looking-for-work"));
  const skillsSeverity: Severity = !skills.foundation ? "high" : !skills.life || skills.work === false ? "some" : "none";
  const shortfalls = skills.tasks.filter((t) => t.answer !== "own" && t.answer !== "not-asked").map((t) => t.questionId);
  if (skillsSeverity !== "none") raise(barriers.skills, skillsSeverity, ...shortfalls);

  return {
    bankVersion: bank.version,
    barriers,
    skills,
    inclusion: inclusionScale(flags, skills, confidence),
    confidence,
    goals: GOAL_IDS.filter((g) => goals.has(g)),
    flags: TRIAGE_FLAGS.filter((f) => flags.has(f)),
    skipped: asked.filter((q) => isSkipped(effective[q.id])).map((q) => q.id),
  };
}

function raise(score: BarrierScore, severity: Severity, ...questionIds: string[]): void {
  if (RANK[severity] > RANK[score.severity]) score.severity = severity;
  for (const id of questionIds) if (!score.because.includes(id)) score.because.push(id);
}

/**
 * The national Essential Digital Skills rule (as the Lloyds Consumer Digital Index counts it):
 * Foundation means all 8 Foundation tasks done on one's own; Life (or Work) means at least one
 * task in each of the five areas done on one's own. "With help" does not count.
 */
export function scoreSkills(bank: QuestionBank, effective: Answers, lookingForWork: boolean): SkillsResult {
  const tasks: SkillTaskResult[] = bank.questions
    .filter((q): q is SkillQuestion => q.kind === "skill")
    .map((q) => {
      const value = effective[q.id];
      return {
        questionId: q.id,
        summary: q.summary,
        set: q.skill.area === "foundation" ? "foundation" : q.skill.context,
        area: q.skill.area,
        answer: value === undefined ? "not-asked" : isSkipped(value) ? "skipped" : (value as SkillAnswer),
      };
    });
  const onOwn = (t: SkillTaskResult) => t.answer === "own";
  const foundationTasks = tasks.filter((t) => t.set === "foundation");
  const areaMet = (set: "life" | "work", area: SkillAreaId) => tasks.some((t) => t.set === set && t.area === area && onOwn(t));
  const fiveAreas = SKILL_AREA_IDS.filter((a) => a !== "foundation");

  const foundation = foundationTasks.length > 0 && foundationTasks.every(onOwn);
  const life = fiveAreas.every((a) => areaMet("life", a));
  const work = lookingForWork ? fiveAreas.every((a) => areaMet("work", a)) : null;
  const level: EdsLevelId = !foundation ? "below-foundation" : !life ? "foundation" : work ? "work" : "life";

  return {
    level,
    foundation,
    life,
    work,
    foundationOnOwn: foundationTasks.filter(onOwn).length,
    foundationTotal: foundationTasks.length,
    areas: [
      ...fiveAreas.map((area) => ({ set: "life" as const, area, met: areaMet("life", area) })),
      ...(lookingForWork ? fiveAreas.map((area) => ({ set: "work" as const, area, met: areaMet("work", area) })) : []),
    ],
    tasks,
  };
}

export function edsRank(level: EdsLevelId): number {
  return EDS_LEVELS.findIndex((l) => l.id === level);
}

/**
 * Places the person on the Home Office 9-point scale. The scale names stages rather than a
 * measure, so this reads them from how the person uses the internet, how they feel about it,
 * their skills level and their 0–10 confidence.
 */
export function inclusionScale(flags: Set<TriageFlag>, skills: SkillsResult, confidence: number | null): TriageResult["inclusion"] {
  const point = ((): InclusionScalePoint => {
    if (flags.has("never-online")) return flags.has("not-for-me") ? 1 : 3;
    if (flags.has("lapsed-online")) return 2;
    if (flags.has("not-for-me") || flags.has("reluctant")) return 4;
    if (!skills.foundation) return 5;
    if (!skills.life) return 6;
    if (confidence === null || confidence < 7) return 7;
    const everyTaskOnOwn = skills.tasks.every((t) => t.answer === "own" || t.answer === "not-asked");
    return everyTaskOnOwn && confidence >= 9 ? 9 : 8;
  })();
  return { point, label: INCLUSION_SCALE.find((s) => s.point === point)!.label };
}

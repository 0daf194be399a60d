import { z } from "zod";
import { BARRIER_IDS, CATEGORY_IDS, EDS_LEVELS, GOAL_IDS, SKILL_AREA_IDS } from "~/lib/frameworks";

/**
 * The shape of the triage content files (content/triage). Each file is checked on its own here;
 * checks that need several files at once (earlier questions, option ids) are in parse-content.ts.
 */

/** Facts an answer can record beyond barriers and goals; recommendation rules and scoring read them. */
export const TRIAGE_FLAGS = [
  "online-daily",
  "online-sometimes",
  "lapsed-online",
  "never-online",
  "reluctant",
  "not-for-me",
  "looking-for-work",
  "in-work",
  "on-benefits",
  "on-universal-credit",
  "has-smartphone",
  "has-tablet",
  "has-computer",
  "phone-only",
  "shared-device",
  "old-device",
  "prepay-data",
  "no-home-internet",
  "sight",
  "hearing",
  "physical",
  "memory-concentration",
  "fatigue-pain",
  "needs-vary",
  "reading-hard",
  "other-language",
  "scam-worry",
  "fear-of-mistakes",
  "no-one-to-ask",
] as const;
export type TriageFlag = (typeof TRIAGE_FLAGS)[number];

/** Knowledge-store guides a next step can point a champion to. */
export const KNOWLEDGE_TOPICS = [
  "starting-the-conversation",
  "spotting-barriers",
  "questions-to-ask",
  "signposting-referral-consent",
  "safeguarding-and-boundaries",
  "universal-credit-and-online-forms",
  "scams-and-staying-safe",
  "making-devices-easier-to-use",
  "free-data-sims-and-devices",
  "social-tariffs",
  "job-search-and-cvs",
  "email-basics",
  "video-calls",
  "saving-money-online",
  "helping-with-limited-english",
] as const;
export type KnowledgeTopic = (typeof KNOWLEDGE_TOPICS)[number];

/** The four answers every "Can you …" skill question offers. */
export const SKILL_ANSWERS = ["own", "help", "cannot", "unknown"] as const;
export type SkillAnswer = (typeof SKILL_ANSWERS)[number];

export const SKILL_CONTEXTS = ["life", "work"] as const;
export type SkillContext = (typeof SKILL_CONTEXTS)[number];

const EDS_LEVEL_IDS = EDS_LEVELS.map((l) => l.id) as [(typeof EDS_LEVELS)[number]["id"], ...(typeof EDS_LEVELS)[number]["id"][]];

export const slug = z
  .string({ required_error: "is missing" })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens, such as home-internet");
const text = z.string({ required_error: "is missing" }).trim().min(1, "must not be empty");

const signals = z
  .object({
    barriers: z.record(z.enum(BARRIER_IDS), z.enum(["some", "high"])).optional(),
    goals: z.array(z.enum(GOAL_IDS)).optional(),
    flags: z.array(z.enum(TRIAGE_FLAGS)).optional(),
  })
  .strict();
export type Signals = z.infer<typeof signals>;

/** A condition on earlier answers. An unanswered or skipped question never meets a condition. */
export type AnswerCondition =
  | { question: string; anyOf: string[] }
  | { question: string; noneOf: string[] }
  | { question: string; atLeast?: number; atMost?: number }
  | { all: AnswerCondition[] }
  | { any: AnswerCondition[] };

export const answerCondition: z.ZodType<AnswerCondition> = z.lazy(() =>
  z.union([
    z.object({ question: slug, anyOf: z.array(slug).min(1) }).strict(),
    z.object({ question: slug, noneOf: z.array(slug).min(1) }).strict(),
    z
      .object({ question: slug, atLeast: z.number().int().optional(), atMost: z.number().int().optional() })
      .strict()
      .refine((c) => c.atLeast !== undefined || c.atMost !== undefined, "needs atLeast or atMost"),
    z.object({ all: z.array(answerCondition).min(1) }).strict(),
    z.object({ any: z.array(answerCondition).min(1) }).strict(),
  ]),
);

const option = z
  .object({
    id: slug,
    label: text,
    hint: text.optional(),
    exclusive: z.literal(true).optional(),
    signals: signals.optional(),
  })
  .strict();

const common = {
  id: slug,
  summary: text,
  resident: text,
  residentHint: text.optional(),
  champion: text,
  why: text,
  lookOutFor: z.array(text).min(1, "needs at least one cue for the champion"),
  showIf: answerCondition.optional(),
  signalsWhen: z.array(z.object({ when: answerCondition, signals }).strict()).optional(),
};

const question = z.discriminatedUnion(
  "kind",
  [
    z
      .object({
        ...common,
        kind: z.literal("single"),
        options: z.array(option).min(2),
        infer: z.array(z.object({ when: answerCondition, answer: slug }).strict()).optional(),
      })
      .strict(),
    z.object({ ...common, kind: z.literal("multiple"), options: z.array(option).min(2) }).strict(),
    z
      .object({
        ...common,
        kind: z.literal("scale"),
        min: z.number().int(),
        max: z.number().int(),
        minLabel: text,
        maxLabel: text,
      })
      .strict(),
    z
      .object({
        ...common,
        kind: z.literal("skill"),
        skill: z
          .object({ area: z.enum(SKILL_AREA_IDS), context: z.enum(SKILL_CONTEXTS).default("life") })
          .strict()
          .refine((s) => !(s.area === "foundation" && s.context === "work"), "foundation tasks have no work context"),
      })
      .strict(),
  ],
  { errorMap: (issue, ctx) => (issue.code === "invalid_union_discriminator" ? { message: "kind must be single, multiple, scale or skill" } : { message: ctx.defaultError }) },
);
export type QuestionInput = z.infer<typeof question>;

const skillOption = z.object({ label: text }).strict();

export const sectionFileSchema = z.object({ questions: z.array(question).min(1) }).strict();

export const bankFileSchema = z
  .object({
    version: text,
    skillOptions: z
      .object({ own: skillOption, help: skillOption, cannot: skillOption, unknown: skillOption })
      .strict(),
    sections: z
      .array(z.object({ id: slug, title: text, residentTitle: text, description: text }).strict())
      .min(1),
  })
  .strict();
export type BankFile = z.infer<typeof bankFileSchema>;

/** A condition on a scored result, used by recommendation rules. */
export type ResultCondition =
  | { barrier: (typeof BARRIER_IDS)[number]; atLeast: "some" | "high" }
  | { flag: TriageFlag }
  | { goal: (typeof GOAL_IDS)[number] }
  | { edsBelow: (typeof EDS_LEVEL_IDS)[number] }
  | { edsAtLeast: (typeof EDS_LEVEL_IDS)[number] }
  | { areaMissing: (typeof SKILL_AREA_IDS)[number]; context?: SkillContext }
  | { all: ResultCondition[] }
  | { any: ResultCondition[] }
  | { not: ResultCondition };

export const resultCondition: z.ZodType<ResultCondition> = z.lazy(() =>
  z.union([
    z.object({ barrier: z.enum(BARRIER_IDS), atLeast: z.enum(["some", "high"]) }).strict(),
    z.object({ flag: z.enum(TRIAGE_FLAGS) }).strict(),
    z.object({ goal: z.enum(GOAL_IDS) }).strict(),
    z.object({ edsBelow: z.enum(EDS_LEVEL_IDS) }).strict(),
    z.object({ edsAtLeast: z.enum(EDS_LEVEL_IDS) }).strict(),
    z.object({ areaMissing: z.enum(SKILL_AREA_IDS), context: z.enum(SKILL_CONTEXTS).optional() }).strict(),
    z.object({ all: z.array(resultCondition).min(1) }).strict(),
    z.object({ any: z.array(resultCondition).min(1) }).strict(),
    z.object({ not: resultCondition }).strict(),
  ]),
);

const rule = z
  .object({
    id: slug,
    priority: z.number().int().min(0).max(1000),
    when: resultCondition,
    /** The step's heading for a champion; residents see it too unless residentTitle is given. */
    title: text,
    /** The heading a resident sees, needed when the title speaks about the person ("them", "their"). */
    residentTitle: text.optional(),
    resident: text,
    champion: text,
    barriers: z.array(z.enum(BARRIER_IDS)),
    goals: z.array(z.enum(GOAL_IDS)),
    categories: z.array(z.enum(CATEGORY_IDS)).min(1, "needs at least one directory category"),
    topics: z.array(z.enum(KNOWLEDGE_TOPICS)).min(1, "needs at least one knowledge-store topic"),
  })
  .strict();
export type Rule = z.infer<typeof rule>;

export const rulesFileSchema = z.object({ rules: z.array(rule).min(1) }).strict();

/**
 * Training modules (`content/training/*.yaml`): their shape, quiz scoring and the checking of
 * submitted answers. Pure: the YAML is read in training.server.ts.
 */
import { z } from "zod";
import { SLUG_PATTERN } from "./article-schema";

export const PASS_MARK_PERCENT = 80;

const id = z.string().regex(SLUG_PATTERN, "Must be lower-case words joined by hyphens");
const text = z.string().trim().min(1);

const optionSchema = z
  .object({
    id,
    text,
    correct: z.boolean().default(false),
    // Shown after the quiz whichever option was picked, so a learner knows why.
    feedback: text,
  })
  .strict();

const questionSchema = z
  .object({
    id,
    text,
    options: z.array(optionSchema).min(3).max(4),
  })
  .strict()
  .superRefine((question, ctx) => {
    const correct = question.options.filter((option) => option.correct).length;
    if (correct !== 1) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["options"], message: `Exactly one option must be correct (found ${correct})` });
    }
    addDuplicateIssues(ctx, question.options, "options");
  });

const lessonSchema = z
  .object({
    id,
    title: text,
    /** Markdown. */
    body: text,
  })
  .strict();

export const trainingModuleSchema = z
  .object({
    id,
    title: text,
    summary: text.max(300),
    core: z.boolean(),
    order: z.number().int().nonnegative(),
    estimatedMinutes: z.number().int().positive(),
    learningOutcomes: z.array(text).min(3).max(5),
    lessons: z.array(lessonSchema).min(3).max(6),
    quiz: z.object({ questions: z.array(questionSchema).min(8).max(15) }).strict(),
    relatedArticles: z.array(z.string().regex(SLUG_PATTERN, "Not a slug")).default([]),
  })
  .strict()
  .superRefine((module, ctx) => {
    addDuplicateIssues(ctx, module.lessons, "lessons");
    addDuplicateIssues(ctx, module.quiz.questions, "quiz.questions");
  });

export type TrainingModule = z.infer<typeof trainingModuleSchema>;
export type TrainingLesson = TrainingModule["lessons"][number];
export type QuizQuestion = TrainingModule["quiz"]["questions"][number];
export type QuizOption = QuizQuestion["options"][number];

function addDuplicateIssues(ctx: z.RefinementCtx, items: { id: string }[], field: string) {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: field.split("."), message: `Duplicate id "${item.id}"` });
    }
    seen.add(item.id);
  }
}

/**
 * Validates one parsed YAML document. Throws an error naming the file, the module id (when it
 * can be read) and every field at fault, so a broken file stops start-up with a usable message.
 */
export function parseTrainingModule(data: unknown, file: string): TrainingModule {
  const result = trainingModuleSchema.safeParse(data);
  if (result.success) {
    if (file.split(/[\\/]/).pop() !== `${result.data.id}.yaml`) {
      throw new Error(`${file}: module "${result.data.id}": field id: must match the file name`);
    }
    return result.data;
  }
  const moduleId =
    typeof data === "object" && data !== null && typeof (data as { id?: unknown }).id === "string"
      ? (data as { id: string }).id
      : "(no id)";
  const problems = result.error.issues.map((issue) => `field ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new Error(`${file}: module "${moduleId}": ${problems.join("; ")}`);
}

/** Throws, naming the module file and each article, when a module's relatedArticles names an article that does not exist. */
export function checkRelatedArticles(module: Pick<TrainingModule, "id" | "relatedArticles">, file: string, articleSlugs: ReadonlySet<string>): void {
  const missing = module.relatedArticles.flatMap((slug, index) =>
    articleSlugs.has(slug) ? [] : [`field relatedArticles.${index}: no knowledge article "${slug}" (content/knowledge/${slug}.md)`],
  );
  if (missing.length > 0) throw new Error(`${file}: module "${module.id}": ${missing.join("; ")}`);
}

export type QuizAnswers = Record<string, string>;

export interface QuestionResult {
  questionId: string;
  /** The option picked, or null when the question was left out. */
  chosen: string | null;
  correctOptionId: string;
  correct: boolean;
  /** Feedback on the option picked (or on the right option when nothing was picked). */
  feedback: string;
}

export interface QuizResult {
  correct: number;
  total: number;
  /** Rounded down, so a score shown as 80 always passes and 79 never does. */
  percent: number;
  passed: boolean;
  perQuestion: QuestionResult[];
}

export function scoreQuiz(module: Pick<TrainingModule, "quiz">, answers: QuizAnswers): QuizResult {
  const perQuestion = module.quiz.questions.map((question): QuestionResult => {
    const right = question.options.find((option) => option.correct) ?? question.options[0];
    const chosenId = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const chosen = question.options.find((option) => option.id === chosenId);
    return {
      questionId: question.id,
      chosen: chosen?.id ?? null,
      correctOptionId: right.id,
      correct: chosen?.id === right.id,
      feedback: chosen?.feedback ?? right.feedback,
    };
  });
  const correct = perQuestion.filter((q) => q.correct).length;
  const total = perQuestion.length;
  return {
    correct,
    total,
    percent: total === 0 ? 0 : Math.floor((correct * 100) / total),
    // Compared in whole numbers so no rounding can turn 79.6% into a pass.
    passed: total > 0 && correct * 100 >= total * PASS_MARK_PERCENT,
    perQuestion,
  };
}

/** The form field that carries the answer to one question (one radio group per question). */
export function answerFieldName(questionId: string): string {
  return `answer-${questionId}`;
}

export interface QuizAnswerError {
  questionId: string;
  field: string;
  /** Numbered as on the page, for the error summary: "Answer question 3". */
  message: string;
}

export type QuizSubmission =
  | { ok: true; answers: QuizAnswers }
  | { ok: false; answers: QuizAnswers; errors: QuizAnswerError[] };

type SubmittedForm = FormData | URLSearchParams | Record<string, unknown>;

function valuesOf(form: SubmittedForm, field: string): unknown[] {
  if (form instanceof FormData || form instanceof URLSearchParams) return form.getAll(field);
  if (!Object.hasOwn(form, field)) return [];
  const value = form[field];
  return Array.isArray(value) ? value : [value];
}

/**
 * The quiz form's one zod schema, built for a module: a field answer-<question id> per question,
 * taking exactly one of that question's own option ids. Each field is given every value posted
 * under its name, so two answers to one question are refused rather than one silently kept.
 */
export function quizFormSchema(module: Pick<TrainingModule, "quiz">) {
  const shape: Record<string, z.ZodType<string, z.ZodTypeDef, unknown>> = {};
  module.quiz.questions.forEach((question, index) => {
    const invalid = `Choose one of the answers given for question ${index + 1}`;
    const optionIds = question.options.map((option) => option.id) as [string, ...string[]];
    shape[answerFieldName(question.id)] = z.preprocess(
      (posted) => (Array.isArray(posted) ? posted : [posted]).filter((value) => value !== "" && value !== undefined && value !== null),
      z
        .array(z.unknown())
        .min(1, `Answer question ${index + 1}`)
        .max(1, invalid)
        .transform(([value]) => value)
        .pipe(z.enum(optionIds, { errorMap: () => ({ message: invalid }) })),
    );
  });
  return z.object(shape);
}

/**
 * Reads a posted quiz with its schema. Never throws: a question left out, an option id that does
 * not belong to the question, or several answers to one question each become a message, and the
 * valid answers are returned too so the form can be shown again as it was filled in.
 */
export function readQuizSubmission(module: Pick<TrainingModule, "quiz">, form: SubmittedForm): QuizSubmission {
  const schema = quizFormSchema(module);
  const posted = Object.fromEntries(module.quiz.questions.map((question) => [answerFieldName(question.id), valuesOf(form, answerFieldName(question.id))]));
  const parsed = schema.safeParse(posted);
  const messages = new Map<string, string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (!messages.has(field)) messages.set(field, issue.message);
    }
  }
  const answers: QuizAnswers = {};
  const errors: QuizAnswerError[] = [];
  for (const question of module.quiz.questions) {
    const field = answerFieldName(question.id);
    const message = messages.get(field);
    if (message) errors.push({ questionId: question.id, field, message });
    else answers[question.id] = parsed.success ? parsed.data[field] : schema.shape[field].parse(posted[field]);
  }
  return errors.length === 0 ? { ok: true, answers } : { ok: false, answers, errors };
}

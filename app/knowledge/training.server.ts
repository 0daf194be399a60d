import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { Db } from "~/lib/db.server";
import { getArticles } from "./articles.server";
import { checkRelatedArticles, parseTrainingModule, type QuizAnswers, type TrainingModule } from "./training";

export const TRAINING_DIR = path.join(process.cwd(), "content", "training");

/**
 * Reads and validates every module in a folder, in their `order`. Throws on the first bad file.
 * Given the knowledge articles' slugs, also checks that each related article exists.
 */
export function loadTrainingModules(dir: string = TRAINING_DIR, options: { articleSlugs?: ReadonlySet<string> } = {}): TrainingModule[] {
  const files = fs.readdirSync(dir).filter((name) => name.endsWith(".yaml")).sort();
  const modules = files.map((name) => {
    const file = path.join(dir, name);
    const relative = path.relative(process.cwd(), file);
    let data: unknown;
    try {
      data = parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      throw new Error(`${relative}: module "(unreadable)": field (root): ${(error as Error).message}`);
    }
    const module = parseTrainingModule(data, relative);
    if (options.articleSlugs) checkRelatedArticles(module, relative, options.articleSlugs);
    return module;
  });
  return modules.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

let cache: TrainingModule[] | undefined;

/**
 * The shipped modules, read once per process: content only changes with a deploy. The start-up
 * content check calls this, so a module pointing at a missing article stops start-up.
 */
export function getTrainingModules(): TrainingModule[] {
  cache ??= loadTrainingModules(TRAINING_DIR, { articleSlugs: new Set(getArticles().map((article) => article.slug)) });
  return cache;
}

export function getTrainingModule(moduleId: string): TrainingModule | undefined {
  return getTrainingModules().find((module) => module.id === moduleId);
}

export async function recordQuizAttempt(
  db: Db,
  input: { userId: string; moduleId: string; score: number; passed: boolean; answers?: QuizAnswers; at?: Date },
): Promise<{ id: string }> {
  const id = crypto.randomUUID();
  await db
    .insertInto("quiz_attempts")
    .values({
      id,
      user_id: input.userId,
      module_id: input.moduleId,
      score_percent: input.score,
      passed: input.passed ? 1 : 0,
      answers: JSON.stringify(input.answers ?? {}),
      attempted_at: (input.at ?? new Date()).toISOString(),
    })
    .execute();
  return { id };
}

/** Idempotent: the first reading is the one remembered. */
export async function markLessonRead(
  db: Db,
  input: { userId: string; moduleId: string; lessonId: string; at?: Date },
): Promise<void> {
  await db
    .insertInto("training_progress")
    .values({
      user_id: input.userId,
      module_id: input.moduleId,
      lesson_id: input.lessonId,
      read_at: (input.at ?? new Date()).toISOString(),
    })
    .onConflict((oc) => oc.columns(["user_id", "module_id", "lesson_id"]).doNothing())
    .execute();
}

export interface ModuleRecord {
  moduleId: string;
  title: string;
  core: boolean;
  /** Lesson ids read, in the module's order; lessons since removed from the module are ignored. */
  lessonsRead: string[];
  lessonsTotal: number;
  bestScore: number | null;
  /** When the quiz was first passed. */
  passedAt: string | null;
  attempts: number;
  lastAttemptAt: string | null;
}

/** One entry per module, in module order, whether or not the user has started it. */
export async function getLearningRecord(
  db: Db,
  userId: string,
  modules: TrainingModule[] = getTrainingModules(),
): Promise<ModuleRecord[]> {
  const [reads, attempts] = await Promise.all([
    db.selectFrom("training_progress").select(["module_id", "lesson_id"]).where("user_id", "=", userId).execute(),
    db
      .selectFrom("quiz_attempts")
      .select((eb) => [
        "module_id",
        eb.fn.max("score_percent").as("best"),
        eb.fn.countAll<number>().as("attempts"),
        eb.fn.max("attempted_at").as("last_at"),
        eb.fn.min(eb.case().when("passed", "=", 1).then(eb.ref("attempted_at")).end()).as("passed_at"),
      ])
      .where("user_id", "=", userId)
      .groupBy("module_id")
      .execute(),
  ]);
  return modules.map((module) => {
    const read = new Set(reads.filter((r) => r.module_id === module.id).map((r) => r.lesson_id));
    const attempt = attempts.find((a) => a.module_id === module.id);
    return {
      moduleId: module.id,
      title: module.title,
      core: module.core,
      lessonsRead: module.lessons.filter((lesson) => read.has(lesson.id)).map((lesson) => lesson.id),
      lessonsTotal: module.lessons.length,
      bestScore: attempt ? Number(attempt.best) : null,
      passedAt: attempt?.passed_at ?? null,
      attempts: attempt ? Number(attempt.attempts) : 0,
      lastAttemptAt: attempt?.last_at ?? null,
    };
  });
}

export interface UserCompletions {
  userId: string;
  /** Modules passed, with when each was first passed, in module order. */
  completed: { moduleId: string; passedAt: string }[];
  /** True when every core module has been passed. */
  allCoreComplete: boolean;
}

// Keeps each IN list well under SQLite's and PostgreSQL's bound-parameter limits.
const USER_BATCH = 500;

/** For a coordinator's view of who has finished the training; one entry per user asked about. */
export async function getCompletionsForUsers(
  db: Db,
  userIds: string[],
  coreOnly: boolean,
  modules: TrainingModule[] = getTrainingModules(),
): Promise<UserCompletions[]> {
  const wanted = modules.filter((module) => !coreOnly || module.core);
  const coreIds = modules.filter((module) => module.core).map((module) => module.id);
  const rows: { user_id: string; module_id: string; passed_at: string | null }[] = [];
  const unique = [...new Set(userIds)];
  for (let start = 0; start < unique.length && wanted.length > 0; start += USER_BATCH) {
    const batch = unique.slice(start, start + USER_BATCH);
    rows.push(
      ...(await db
        .selectFrom("quiz_attempts")
        .select((eb) => ["user_id", "module_id", eb.fn.min("attempted_at").as("passed_at")])
        .where("user_id", "in", batch)
        .where("module_id", "in", wanted.map((module) => module.id))
        .where("passed", "=", 1)
        .groupBy(["user_id", "module_id"])
        .execute()),
    );
  }
  return userIds.map((userId) => {
    const mine = rows.filter((row) => row.user_id === userId);
    const completed = wanted.flatMap((module) => {
      const row = mine.find((r) => r.module_id === module.id);
      return row?.passed_at ? [{ moduleId: module.id, passedAt: row.passed_at }] : [];
    });
    const passed = new Set(completed.map((c) => c.moduleId));
    return { userId, completed, allCoreComplete: coreIds.every((moduleId) => passed.has(moduleId)) };
  });
}

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/lib/db.server";
import { migrateToLatest } from "~db/migrator";
import { getCompletionsForUsers, getLearningRecord, markLessonRead, recordQuizAttempt } from "~/knowledge/training.server";
import type { TrainingModule } from "~/knowledge/training";

let db: Db;

function moduleStub(id: string, core: boolean, lessonIds: string[]): TrainingModule {
  return {
    id,
    title: `Module ${id}`,
    summary: "",
    core,
    order: 0,
    estimatedMinutes: 10,
    learningOutcomes: [],
    lessons: lessonIds.map((lessonId) => ({ id: lessonId, title: lessonId, body: "" })),
    quiz: { questions: [] },
    relatedArticles: [],
  };
}

const modules = [moduleStub("core-a", true, ["l1", "l2", "l3"]), moduleStub("core-b", true, ["l1", "l2"]), moduleStub("extra", false, ["l1"])];
const at = (iso: string) => new Date(iso);

beforeEach(async () => {
  db = createDatabase(":memory:");
  await migrateToLatest(db);
  await db.insertInto("organisations").values({ id: "org", name: "Library", kind: "library" }).execute();
  await db
    .insertInto("users")
    .values(["ana", "ben", "cat"].map((id) => ({ id, email: `${id}@example.org`, name: id, role: "champion" as const, organisation_id: "org" })))
    .execute();
});

afterEach(async () => {
  await db.destroy();
});

describe("markLessonRead", () => {
  it("keeps the first reading when a lesson is opened again", async () => {
    await markLessonRead(db, { userId: "ana", moduleId: "core-a", lessonId: "l1", at: at("2026-01-01T10:00:00Z") });
    await markLessonRead(db, { userId: "ana", moduleId: "core-a", lessonId: "l1", at: at("2026-02-01T10:00:00Z") });
    const rows = await db.selectFrom("training_progress").selectAll().execute();
    expect(rows).toEqual([{ user_id: "ana", module_id: "core-a", lesson_id: "l1", read_at: "2026-01-01T10:00:00.000Z" }]);
  });

  it("refuses progress for a user who does not exist", async () => {
    await expect(markLessonRead(db, { userId: "nobody", moduleId: "core-a", lessonId: "l1" })).rejects.toThrow(/FOREIGN KEY/);
  });
});

describe("getLearningRecord", () => {
  it("lists every module, with lessons read, best score, first pass and attempts", async () => {
    await markLessonRead(db, { userId: "ana", moduleId: "core-a", lessonId: "l2" });
    await markLessonRead(db, { userId: "ana", moduleId: "core-a", lessonId: "l1" });
    await markLessonRead(db, { userId: "ana", moduleId: "core-a", lessonId: "retired-lesson" });
    await markLessonRead(db, { userId: "ben", moduleId: "core-b", lessonId: "l1" });
    await recordQuizAttempt(db, { userId: "ana", moduleId: "core-a", score: 60, passed: false, at: at("2026-03-01T09:00:00Z") });
    await recordQuizAttempt(db, { userId: "ana", moduleId: "core-a", score: 80, passed: true, at: at("2026-03-02T09:00:00Z") });
    await recordQuizAttempt(db, { userId: "ana", moduleId: "core-a", score: 100, passed: true, answers: { q1: "a" }, at: at("2026-03-03T09:00:00Z") });
    await recordQuizAttempt(db, { userId: "ana", moduleId: "core-b", score: 50, passed: false, at: at("2026-03-04T09:00:00Z") });

    const record = await getLearningRecord(db, "ana", modules);
    expect(record).toEqual([
      {
        moduleId: "core-a",
        title: "Module core-a",
        core: true,
        lessonsRead: ["l1", "l2"],
        lessonsTotal: 3,
        bestScore: 100,
        passedAt: "2026-03-02T09:00:00.000Z",
        attempts: 3,
        lastAttemptAt: "2026-03-03T09:00:00.000Z",
      },
      { moduleId: "core-b", title: "Module core-b", core: true, lessonsRead: [], lessonsTotal: 2, bestScore: 50, passedAt: null, attempts: 1, lastAttemptAt: "2026-03-04T09:00:00.000Z" },
      { moduleId: "extra", title: "Module extra", core: false, lessonsRead: [], lessonsTotal: 1, bestScore: null, passedAt: null, attempts: 0, lastAttemptAt: null },
    ]);
  });

  it("stores the answers of an attempt as JSON", async () => {
    const { id } = await recordQuizAttempt(db, { userId: "ben", moduleId: "extra", score: 100, passed: true, answers: { q1: "b", q2: "c" } });
    const row = await db.selectFrom("quiz_attempts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.answers)).toEqual({ q1: "b", q2: "c" });
    expect(row.passed).toBe(1);
  });
});

describe("getCompletionsForUsers", () => {
  beforeEach(async () => {
    await recordQuizAttempt(db, { userId: "ana", moduleId: "core-a", score: 90, passed: true, at: at("2026-04-02T00:00:00Z") });
    await recordQuizAttempt(db, { userId: "ana", moduleId: "core-a", score: 100, passed: true, at: at("2026-04-05T00:00:00Z") });
    await recordQuizAttempt(db, { userId: "ana", moduleId: "core-b", score: 80, passed: true, at: at("2026-04-03T00:00:00Z") });
    await recordQuizAttempt(db, { userId: "ana", moduleId: "extra", score: 80, passed: true, at: at("2026-04-04T00:00:00Z") });
    await recordQuizAttempt(db, { userId: "ben", moduleId: "core-a", score: 70, passed: false, at: at("2026-04-01T00:00:00Z") });
    await recordQuizAttempt(db, { userId: "ben", moduleId: "core-b", score: 100, passed: true, at: at("2026-04-01T00:00:00Z") });
  });

  it("lists core passes per user, with when each was first passed", async () => {
    const result = await getCompletionsForUsers(db, ["ana", "ben", "cat"], true, modules);
    expect(result).toEqual([
      {
        userId: "ana",
        completed: [
          { moduleId: "core-a", passedAt: "2026-04-02T00:00:00.000Z" },
          { moduleId: "core-b", passedAt: "2026-04-03T00:00:00.000Z" },
        ],
        allCoreComplete: true,
      },
      { userId: "ben", completed: [{ moduleId: "core-b", passedAt: "2026-04-01T00:00:00.000Z" }], allCoreComplete: false },
      { userId: "cat", completed: [], allCoreComplete: false },
    ]);
  });

  it("includes optional modules when asked", async () => {
    const [ana] = await getCompletionsForUsers(db, ["ana"], false, modules);
    expect(ana.completed.map((c) => c.moduleId)).toEqual(["core-a", "core-b", "extra"]);
  });

  it("answers for many users at once and for none", async () => {
    const many = Array.from({ length: 1200 }, (_, i) => `ghost-${i}`).concat("ben");
    const result = await getCompletionsForUsers(db, many, true, modules);
    expect(result).toHaveLength(1201);
    expect(result.at(-1)?.completed).toHaveLength(1);
    expect(await getCompletionsForUsers(db, [], true, modules)).toEqual([]);
  });
});

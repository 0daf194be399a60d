/**
 * Training records as others see them: a learner's own quiz attempts, and the people a
 * coordinator may see in the completions table (their areas; an admin sees everyone).
 */
import type { Role } from "~db/schema/accounts";
import type { Db } from "~/lib/db.server";
import type { QuizAnswers } from "./training";

export interface StoredAttempt {
  id: string;
  moduleId: string;
  score: number;
  passed: boolean;
  answers: QuizAnswers;
  attemptedAt: string;
}

function parseAnswers(json: string): QuizAnswers {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  } catch {
    return {};
  }
}

/** One of the user's own attempts at a module; anyone else's, or a wrong module, is not found. */
export async function findOwnAttempt(db: Db, input: { id: string; userId: string; moduleId: string }): Promise<StoredAttempt | null> {
  const row = await db
    .selectFrom("quiz_attempts")
    .selectAll()
    .where("id", "=", input.id)
    .where("user_id", "=", input.userId)
    .where("module_id", "=", input.moduleId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    moduleId: row.module_id,
    score: row.score_percent,
    passed: row.passed === 1,
    answers: parseAnswers(row.answers),
    attemptedAt: row.attempted_at,
  };
}

export const TRAINEES_PAGE_SIZE = 25;

export interface Trainee {
  id: string;
  name: string;
  role: Role;
  organisationName: string;
}

/** Active people in the given areas (or everyone, for an admin), by name, a page at a time. */
export async function listTrainees(
  db: Db,
  reach: { everyone: true } | { areaIds: string[] },
  page: number,
): Promise<{ trainees: Trainee[]; total: number; page: number; totalPages: number }> {
  if ("areaIds" in reach && reach.areaIds.length === 0) return { trainees: [], total: 0, page: 1, totalPages: 1 };
  let query = db.selectFrom("users").innerJoin("organisations", "organisations.id", "users.organisation_id").where("users.active", "=", 1);
  if ("areaIds" in reach) {
    const areaIds = reach.areaIds;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom("user_areas").select("user_areas.user_id").whereRef("user_areas.user_id", "=", "users.id").where("user_areas.area_id", "in", areaIds)),
    );
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const totalPages = Math.max(1, Math.ceil(Number(total) / TRAINEES_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), totalPages);
  const rows = await query
    .select(["users.id", "users.name", "users.role", "organisations.name as organisation_name"])
    .orderBy("users.name")
    .orderBy("users.id")
    .limit(TRAINEES_PAGE_SIZE)
    .offset((current - 1) * TRAINEES_PAGE_SIZE)
    .execute();
  return {
    trainees: rows.map((row) => ({ id: row.id, name: row.name, role: row.role, organisationName: row.organisation_name })),
    total: Number(total),
    page: current,
    totalPages,
  };
}

/**
 * Wording for training pages, worked out from a learner's record. Pure, so the pages stay thin.
 */
import type { ModuleRecord } from "./training.server";
import type { TrainingModule } from "./training";

export type ModuleStatus = "passed" | "in-progress" | "not-started";

export function moduleStatus(record: Pick<ModuleRecord, "passedAt" | "lessonsRead" | "attempts">): ModuleStatus {
  if (record.passedAt) return "passed";
  return record.lessonsRead.length > 0 || record.attempts > 0 ? "in-progress" : "not-started";
}

export const MODULE_STATUS_TEXT: Record<ModuleStatus, string> = {
  passed: "Passed",
  "in-progress": "In progress",
  "not-started": "Not started",
};

export function lessonsReadText(record: Pick<ModuleRecord, "lessonsRead" | "lessonsTotal">): string {
  return `${record.lessonsRead.length} of ${record.lessonsTotal} lessons read`;
}

export function bestScoreText(record: Pick<ModuleRecord, "bestScore">): string {
  return record.bestScore === null ? "Quiz not taken yet" : `Best quiz score ${record.bestScore}%`;
}

/** Where "Mark as read and continue" goes: the next lesson, or the quiz after the last one. */
export function afterLesson(module: Pick<TrainingModule, "id" | "lessons">, lessonId: string): string {
  const index = module.lessons.findIndex((lesson) => lesson.id === lessonId);
  const next = module.lessons[index + 1];
  return next ? `/training/${module.id}/lessons/${next.id}` : `/training/${module.id}/quiz`;
}

const ukDate = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" });

/** "3 March 2026", in UK time, from an ISO timestamp. */
export function formatUkDate(iso: string): string {
  return ukDate.format(new Date(iso));
}

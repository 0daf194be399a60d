import type { Session } from "@remix-run/node";
import { z } from "zod";
import type { SessionData } from "~/accounts/session.server";
import type { Answers } from "./types";

/**
 * Triage answers in progress live in the visitor's session (kept in the database), so a refresh,
 * the back button or a dropped connection loses nothing, and nothing is stored about the person
 * until they choose to finish. Whatever is read back is checked, because an older release may
 * have written a different shape.
 */

export const CHECK_SESSION_KEY = "check";
export const TRIAGE_SESSION_KEY = "triage";

const answerValue = z.union([
  z.string().max(100),
  z.array(z.string().max(100)).max(50),
  z.number(),
  z.object({ skipped: z.literal(true) }).strict(),
]);
const answersSchema = z.record(z.string().max(100), answerValue);

const checkSchema = z.object({ answers: answersSchema, lastReference: z.string().max(20).optional() });

export interface CheckState {
  answers: Answers;
  /** The plan this visitor last finished, so a back button or a reload after finishing finds it again. */
  lastReference?: string;
}

export function readCheck(session: Session<SessionData>): CheckState {
  const parsed = checkSchema.safeParse(session.get(CHECK_SESSION_KEY));
  if (!parsed.success) return { answers: {} };
  const { answers, lastReference } = parsed.data;
  return lastReference ? { answers: answers as Answers, lastReference } : { answers: answers as Answers };
}

export function writeCheck(session: Session<SessionData>, state: CheckState): void {
  session.set(CHECK_SESSION_KEY, state);
}

/** Forgets the answers once they are saved (or the visitor starts again), keeping only which plan was made. */
export function clearCheck(session: Session<SessionData>, lastReference?: string): void {
  if (lastReference) session.set(CHECK_SESSION_KEY, { answers: {}, lastReference });
  else session.unset(CHECK_SESSION_KEY);
}

const assistedSchema = z.object({
  userId: z.string(),
  answers: answersSchema,
  postcode: z.string().nullable(),
  areaId: z.string().nullable(),
  venue: z.string().nullable(),
  residentLanguage: z.string().default("en"),
  startedAt: z.string(),
});

export interface AssistedState {
  /** Whose conversation this is; a shared computer must not hand one champion's triage to another. */
  userId: string;
  answers: Answers;
  /** Outward code only. */
  postcode: string | null;
  areaId: string | null;
  venue: string | null;
  /** The language the person reads best, to show them each question in it beside the champion's. */
  residentLanguage: string;
  startedAt: string;
}

/** The signed-in user's triage in progress, or null when there is none. */
export function readAssisted(session: Session<SessionData>, userId: string): AssistedState | null {
  const parsed = assistedSchema.safeParse(session.get(TRIAGE_SESSION_KEY));
  if (!parsed.success || parsed.data.userId !== userId) return null;
  return { ...parsed.data, answers: parsed.data.answers as Answers };
}

export function writeAssisted(session: Session<SessionData>, state: AssistedState): void {
  session.set(TRIAGE_SESSION_KEY, state);
}

export function clearAssisted(session: Session<SessionData>): void {
  session.unset(TRIAGE_SESSION_KEY);
}

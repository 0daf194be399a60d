import { randomUUID } from "node:crypto";
import type { TriageResultRow } from "~db/schema/triage";
import { parsePostcodeInput } from "~/directory/postcodes";
import type { Db } from "~/lib/db.server";
import { createReferenceCode, normaliseReferenceCode } from "~/lib/reference-code";
import { recordTriageFacts } from "~/reports/triage-facts.server";
import type { AnswerSnapshot, TriageOutcome } from "./outcome";
import type { PlanStep } from "./plan";
import type { TriageResult } from "./scoring";
import type { Answers, TriageMode } from "./types";

/** What the result column holds. "format" lets a later release read results written by this one. */
export interface StoredTriageResult {
  format: 1;
  result: TriageResult;
  plan: PlanStep[];
  snapshot: AnswerSnapshot[];
}

export interface SaveTriageResultInput {
  outcome: TriageOutcome;
  /** A full postcode or an outward code; only the outward code is kept. */
  postcode?: string | null;
  /** Found from the outward code when not given. */
  areaId?: string | null;
  observations?: string | null;
  createdByUserId?: string | null;
  organisationId?: string | null;
  completedAt?: string;
}

export interface SavedTriageResult {
  id: string;
  reference: string;
  mode: TriageMode;
  bankVersion: string;
  outwardPostcode: string | null;
  areaId: string | null;
  answers: Answers;
  result: TriageResult;
  plan: PlanStep[];
  snapshot: AnswerSnapshot[];
  observations: string | null;
  createdByUserId: string | null;
  organisationId: string | null;
  completedAt: string;
  createdAt: string;
}

const REFERENCE_ATTEMPTS = 5;

export async function saveTriageResult(db: Db, input: SaveTriageResultInput): Promise<SavedTriageResult> {
  const outwardPostcode = input.postcode ? outwardCode(input.postcode) : null;
  const areaId = input.areaId !== undefined ? input.areaId : outwardPostcode ? await areaForOutwardCode(db, outwardPostcode) : null;
  const { outcome } = input;
  const stored: StoredTriageResult = { format: 1, result: outcome.result, plan: outcome.plan, snapshot: outcome.snapshot };
  const row = {
    id: randomUUID(),
    mode: outcome.mode,
    bank_version: outcome.bankVersion,
    outward_postcode: outwardPostcode,
    area_id: areaId,
    answers: JSON.stringify(outcome.answers),
    result: JSON.stringify(stored),
    observations: input.observations?.trim() || null,
    created_by_user_id: input.createdByUserId ?? null,
    organisation_id: input.organisationId ?? null,
    completed_at: input.completedAt ?? new Date().toISOString(),
  };

  for (let attempt = 1; ; attempt++) {
    const reference = createReferenceCode();
    try {
      await db.insertInto("triage_results").values({ ...row, reference }).execute();
      await recordTriageFacts(db, row.id);
      return (await findTriageResultById(db, row.id))!;
    } catch (error) {
      // Two results drawing the same reference is very unlikely; draw again rather than fail.
      const clash = error instanceof Error && /UNIQUE constraint failed: triage_results\.reference/.test(error.message);
      if (!clash || attempt >= REFERENCE_ATTEMPTS) throw error;
    }
  }
}

/** Accepts the reference as people type it ("7kq3-mxp2"); null when it cannot be one or is not found. */
export async function findTriageResultByReference(db: Db, reference: string): Promise<SavedTriageResult | null> {
  const code = normaliseReferenceCode(reference);
  if (!code) return null;
  const row = await db.selectFrom("triage_results").selectAll().where("reference", "=", code).executeTakeFirst();
  return row ? fromRow(row) : null;
}

export async function findTriageResultById(db: Db, id: string): Promise<SavedTriageResult | null> {
  const row = await db.selectFrom("triage_results").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

function outwardCode(postcode: string): string {
  const parsed = parsePostcodeInput(postcode);
  if (parsed.kind === "invalid") throw new Error("saveTriageResult was given something that is not a UK postcode or outward code");
  return parsed.outwardCode;
}

async function areaForOutwardCode(db: Db, outward: string): Promise<string | null> {
  const row = await db.selectFrom("area_districts").select("area_id").where("outward_code", "=", outward).executeTakeFirst();
  return row?.area_id ?? null;
}

function fromRow(row: TriageResultRow): SavedTriageResult {
  const stored = JSON.parse(row.result) as StoredTriageResult;
  return {
    id: row.id,
    reference: row.reference,
    mode: row.mode,
    bankVersion: row.bank_version,
    outwardPostcode: row.outward_postcode,
    areaId: row.area_id,
    answers: JSON.parse(row.answers) as Answers,
    result: stored.result,
    plan: stored.plan,
    snapshot: stored.snapshot,
    observations: row.observations,
    createdByUserId: row.created_by_user_id,
    organisationId: row.organisation_id,
    completedAt: row.completed_at,
    createdAt: row.created_at,
  };
}

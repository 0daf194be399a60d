import type { Db } from "~/lib/db.server";
import { normaliseReferenceCode } from "~/lib/reference-code";
import type { ReferralReasons } from "~db/schema/referrals";
import type { OutreachSource } from "./outreach";

/** What a sign-up takes from the check, triage or referral it came from: never a name or an answer in full. */
export interface SourceFacts {
  source: OutreachSource;
  sourceId: string | null;
  areaId: string | null;
  outwardCode: string | null;
  barriers: string[];
  goals: string[];
}

/**
 * Finds the record a sign-up link names. A check or triage gives the barriers it found (some or
 * high) and the goals chosen; a referral the barriers and goals it was made for.
 */
export async function findSourceFacts(db: Db, from: string, reference: string): Promise<SourceFacts | null> {
  const code = normaliseReferenceCode(reference);
  if (!code) return null;
  if (from === "check" || from === "triage") {
    const row = await db.selectFrom("triage_results").select(["id", "mode", "area_id", "outward_postcode", "result"]).where("reference", "=", code).executeTakeFirst();
    if (!row || (from === "check") !== (row.mode === "self")) return null;
    const stored = JSON.parse(row.result) as { result: { barriers: Record<string, { severity: string }>; goals: string[] } };
    const barriers = Object.entries(stored.result.barriers)
      .filter(([, score]) => score.severity !== "none")
      .map(([id]) => id);
    return { source: from, sourceId: row.id, areaId: row.area_id, outwardCode: row.outward_postcode, barriers, goals: [...stored.result.goals] };
  }
  if (from === "referral") {
    const row = await db.selectFrom("referrals").select(["id", "area_id", "outward_code", "reasons"]).where("reference", "=", code).executeTakeFirst();
    if (!row) return null;
    const reasons = JSON.parse(row.reasons) as ReferralReasons;
    return { source: "referral", sourceId: row.id, areaId: row.area_id, outwardCode: row.outward_code, barriers: reasons.barriers, goals: reasons.goals };
  }
  return null;
}

export async function areaForDistrict(db: Db, outwardCode: string): Promise<string | null> {
  return (await db.selectFrom("area_districts").select("area_id").where("outward_code", "=", outwardCode).executeTakeFirst())?.area_id ?? null;
}

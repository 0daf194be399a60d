/**
 * A referral started from a triage plan: the plan's barriers and goals become the reasons the
 * form starts with (the champion can still change them), and its area and outward postcode fill
 * in where the person lives. The triage result holds no names, so nothing personal comes across.
 */
import type { Db } from "~/lib/db.server";
import { findTriageResultByReference } from "~/triage/triage-results.server";
import type { BarrierId, GoalId } from "~/lib/frameworks";

export interface TriageLink {
  id: string;
  reference: string;
  areaId: string | null;
  outwardPostcode: string | null;
  barriers: BarrierId[];
  goals: GoalId[];
}

export async function findTriageLink(db: Db, reference: string | null | undefined): Promise<TriageLink | null> {
  if (!reference) return null;
  const saved = await findTriageResultByReference(db, reference.slice(0, 20));
  if (!saved) return null;
  const barriers = (Object.entries(saved.result.barriers) as [BarrierId, { severity: string }][])
    .filter(([, score]) => score.severity !== "none")
    .map(([id]) => id);
  return {
    id: saved.id,
    reference: saved.reference,
    areaId: saved.areaId,
    outwardPostcode: saved.outwardPostcode,
    barriers,
    goals: [...saved.result.goals],
  };
}

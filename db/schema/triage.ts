import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export interface TriageResultTable {
  id: string;
  reference: string;
  mode: "self" | "assisted";
  bank_version: string;
  /** Outward code only (such as "ME14"), never a full postcode. */
  outward_postcode: string | null;
  area_id: string | null;
  /** JSON: the answers that counted, keyed by question id. */
  answers: string;
  /** JSON: the scored result, the plan and a snapshot of the question wording (StoredTriageResult). */
  result: string;
  /** A champion's notes; never names or contact details. */
  observations: string | null;
  created_by_user_id: string | null;
  organisation_id: string | null;
  completed_at: string;
  created_at: Generated<string>;
}

export interface TriageTables {
  triage_results: TriageResultTable;
}

export type TriageResultRow = Selectable<TriageResultTable>;
export type NewTriageResultRow = Insertable<TriageResultTable>;
export type TriageResultRowUpdate = Updateable<TriageResultTable>;

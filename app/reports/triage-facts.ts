
/** The parts of a scored triage that reports count; a stored result has at least these. */
export interface CountableTriage {
  mode: string;
  result: {
    barriers: Record<string, { severity: string }>;
    skills: { level: string };
    goals: readonly string[];
  };
}

export type TriageMeasure = "mode" | "barrier" | "eds" | "goal";

export interface TriageFact {
  measure: TriageMeasure;
  key: string;
}

/**
 * What one triage adds to the daily counts: its mode, each barrier found (with its severity,
 * "some" or "high"; "none" is not counted), its Essential Digital Skills level and its goals.
 */
export function triageFacts(triage: CountableTriage): TriageFact[] {
  const facts: TriageFact[] = [{ measure: "mode", key: triage.mode }];
  for (const [barrier, score] of Object.entries(triage.result.barriers)) {
    if (score.severity === "some" || score.severity === "high") facts.push({ measure: "barrier", key: `${barrier}:${score.severity}` });
  }
  facts.push({ measure: "eds", key: triage.result.skills.level });
  for (const goal of new Set(triage.result.goals)) facts.push({ measure: "goal", key: goal });
  return facts;
}

/** Splits a "barrier" key back into the barrier and its severity. */
export function parseBarrierKey(key: string): { barrier: string; severity: "some" | "high" } | null {
  const match = /^([a-z-]+):(some|high)$/.exec(key);
  return match ? { barrier: match[1], severity: match[2] as "some" | "high" } : null;
}

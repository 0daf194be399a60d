import type { NamespaceReport } from "./catalogue";
import type { Namespace } from "./languages";

export interface LanguageReport {
  code: string;
  englishName: string;
  claimed: Namespace[];
  namespaces: NamespaceReport[];
}

/**
 * One line per language for the start-up log: what is offered, and what still falls back to
 * English. `detail` adds the missing keys, for `npm run i18n:report`.
 */
export function describeReports(reports: LanguageReport[], { detail = false } = {}): string[] {
  const lines: string[] = [];
  for (const report of reports) {
    const translated = report.namespaces.filter((n) => n.total > 0 && n.missing.length === 0).map((n) => n.namespace);
    const partial = report.namespaces.filter((n) => n.missing.length > 0);
    // A part with no English keys has not been made translatable yet: all of it is English.
    const untouched = report.namespaces.filter((n) => n.total === 0).map((n) => `${n.namespace} (not yet translatable)`);
    const summary = [...partial.map((n) => `${n.namespace} (${n.missing.length} of ${n.total} keys in English)`), ...untouched];
    lines.push(
      `${report.englishName} (${report.code}): translated: ${translated.join(", ") || "nothing yet"}; ` +
        `falls back to English: ${summary.join(", ") || "nothing"}`,
    );
    if (detail) for (const n of partial) lines.push(`  ${n.namespace}: ${n.missing.join(", ")}`);
  }
  return lines;
}

/**
 * What stops start-up: a part a language claims as complete with keys missing, and in any
 * language, keys English does not have or placeholders that differ from English.
 */
export function claimProblems(reports: LanguageReport[]): string[] {
  const problems: string[] = [];
  for (const report of reports) {
    for (const ns of report.namespaces) {
      const where = `content/i18n (${report.code}, ${ns.namespace})`;
      if (ns.unknown.length > 0) problems.push(`${where}: keys English does not have: ${ns.unknown.join(", ")}`);
      if (ns.placeholderMismatch.length > 0) problems.push(`${where}: placeholders differ from English in: ${ns.placeholderMismatch.join(", ")}`);
      if (report.claimed.includes(ns.namespace) && ns.missing.length > 0) {
        problems.push(`${where} is listed as complete but is missing: ${ns.missing.join(", ")}`);
      }
      // A part with no English keys yet is English throughout, so it cannot be complete in another language.
      if (report.claimed.includes(ns.namespace) && ns.total === 0) problems.push(`${where} is listed as complete but has no text to translate yet`);
    }
  }
  return problems;
}

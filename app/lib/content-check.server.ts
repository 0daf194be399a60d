import { loadDemoUsers } from "~/accounts/demo-users.server";
import { loadDirectoryContent } from "~/directory/directory-content.server";
import { getEmbeddedPostcodes } from "~/directory/postcode-data.server";
import { getCategoryTaxonomy } from "~/directory/taxonomy.server";
import { getTranslationReports } from "~/i18n/i18n.server";
import { describeReports } from "~/i18n/report";
import { getArticles } from "~/knowledge/articles.server";
import { getTrainingModules } from "~/knowledge/training.server";
import { getGapContent } from "~/reports/gap-content.server";
import { loadTriageContent } from "~/triage/question-bank.server";

/**
 * Loads and validates every content file the product ships, so a broken file stops start-up
 * with the file, item and field at fault instead of failing on the first page that needs it.
 * Each loader caches, so this also warms the caches. Returns a line per language saying what
 * still falls back to English.
 */
export function checkContent({ demo }: { demo: boolean }): string[] {
  loadTriageContent();
  getCategoryTaxonomy();
  getArticles();
  getTrainingModules();
  getGapContent();
  getEmbeddedPostcodes();
  if (demo) {
    loadDirectoryContent();
    loadDemoUsers();
  }
  // Translations last: their English comes from the content above. Returns what to log.
  return describeReports(getTranslationReports());
}

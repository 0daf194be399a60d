/**
 * Reading the translation catalogues from content: each language's content/i18n/<code>/*.yaml,
 * the translations kept beside the triage content and the knowledge store, and for English, the
 * text that already lives in other content files or in code (taken from there, not copied).
 */
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { ERROR_PAGE_TEXT } from "~/components/error-text";
import { REPORT_KIND_TEXT } from "~/directory/listing-reports.server";
import { WEEKDAYS } from "~/directory/opening-times";
import { REPORT_ERROR_TEXT } from "~/directory/report-form";
import { SEARCH_ERROR_TEXT } from "~/directory/search-params";
import { COST_TEXT, DEMO_NOTE, DEMO_TAG, HOW_TO_ACCESS_TEXT, REACH_LABELS } from "~/directory/service-view";
import { SHARE_ERROR_TEXT } from "~/directory/share-form";
import { SAVED_ERROR_TEXT } from "~/directory/shortlist-form";
import { getCategoryTaxonomy } from "~/directory/taxonomy.server";
import { isForResidents } from "~/knowledge/article-schema";
import { getArticles, getArticleTranslations } from "~/knowledge/articles.server";
import { AUDIENCE_LABELS, TYPE_LABELS } from "~/knowledge/browse";
import { contentPath } from "~/lib/content-path.server";
import { BARRIERS } from "~/lib/frameworks";
import { ANSWER_ERRORS } from "~/triage/flow";
import { RESIDENT_PLAN_TEXT } from "~/triage/plan-view";
import { loadTriageContent, TRIAGE_CONTENT_DIR } from "~/triage/question-bank.server";
import { flatten, type Catalogue, type Messages } from "./catalogue";
import { NAMESPACES } from "./languages";
import { bankMessages, ruleMessages } from "./triage-text";

const relative = (file: string) => path.relative(process.cwd(), file);

export function readYaml(file: string): unknown {
  try {
    return parseYaml(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${relative(file)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readMessages(file: string, prefix: string): Messages {
  if (!fs.existsSync(file)) return {};
  const raw = readYaml(file) ?? {};
  try {
    return flatten(raw, prefix);
  } catch (error) {
    throw new Error(`${relative(file)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** One language's catalogue: its own UI files, plus the translations kept beside the triage content. */
export function readCatalogue(code: string, english: Catalogue | null): Catalogue {
  const catalogue: Catalogue = {};
  for (const namespace of NAMESPACES) catalogue[namespace] = readMessages(contentPath("i18n", code, `${namespace}.yaml`), "");
  if (english) {
    const questionsDir = path.join(TRIAGE_CONTENT_DIR, "questions");
    const sectionFiles = fs.readdirSync(questionsDir).filter((f) => f.endsWith(`.${code}.yaml`));
    Object.assign(catalogue.check!, readMessages(path.join(TRIAGE_CONTENT_DIR, `bank.${code}.yaml`), "bank"));
    for (const file of sectionFiles) Object.assign(catalogue.check!, readMessages(path.join(questionsDir, file), "bank.questions"));
    Object.assign(catalogue.plan!, readMessages(path.join(TRIAGE_CONTENT_DIR, `rules.${code}.yaml`), "rules"));
    for (const translation of getArticleTranslations(code)) Object.assign(catalogue.guides!, guideMessages(translation));
    return catalogue;
  }
  // English text that already lives in other content files is taken from there, not copied.
  const { bank, rules } = loadTriageContent();
  Object.assign(catalogue.check!, bankMessages(bank));
  for (const [code, text] of Object.entries(ANSWER_ERRORS)) catalogue.check![`errors.${code}`] = text;
  Object.assign(catalogue.plan!, ruleMessages(rules), RESIDENT_PLAN_TEXT);
  for (const term of getCategoryTaxonomy().terms) catalogue.common![`categories.${term.id}`] = term.name;
  for (const [key, text] of Object.entries(ERROR_PAGE_TEXT)) catalogue.common![`errors.${key}`] = text;
  Object.assign(catalogue.directory!, directoryMessages());
  Object.assign(catalogue.guides!, knowledgeLabels());
  for (const article of getArticles().filter(isForResidents)) Object.assign(catalogue.guides!, guideMessages(article));
  return catalogue;
}

/**
 * A residents' guide's words as keys, so a guide without its translation is a missing key like
 * any other, and a language that claims `guides` cannot start without every one.
 */
function guideMessages(guide: { slug: string; title: string; summary: string; body: string }): Messages {
  return { [`articles.${guide.slug}.title`]: guide.title, [`articles.${guide.slug}.summary`]: guide.summary, [`articles.${guide.slug}.body`]: guide.body };
}

/** The knowledge store's names for article types, audiences and barriers, already in its code. */
function knowledgeLabels(): Messages {
  const messages: Messages = {};
  for (const [key, text] of Object.entries(TYPE_LABELS)) messages[`types.${key}`] = text;
  for (const [key, text] of Object.entries(AUDIENCE_LABELS)) messages[`audiences.${key}`] = text;
  for (const { id, label } of BARRIERS) messages[`barriers.${id}`] = label;
  return messages;
}

/** The directory's English that the listing summaries and search checks already hold. */
function directoryMessages(): Messages {
  const messages: Messages = { "listing.demoTag": DEMO_TAG, "listing.demoNote": DEMO_NOTE, "listing.costFree": COST_TEXT.free, "listing.costAsk": COST_TEXT.ask };
  for (const day of WEEKDAYS) messages[`days.${day}`] = day.charAt(0).toUpperCase() + day.slice(1);
  for (const [key, text] of Object.entries(REACH_LABELS)) messages[`listing.reach.${key}`] = text;
  for (const [key, text] of Object.entries(HOW_TO_ACCESS_TEXT)) messages[`listing.howToAccess.${key}`] = text;
  for (const [key, text] of Object.entries(SEARCH_ERROR_TEXT)) messages[`errors.${key}`] = text;
  for (const [key, text] of Object.entries(SAVED_ERROR_TEXT)) messages[`saved.errors.${key}`] = text;
  for (const [key, text] of Object.entries(SHARE_ERROR_TEXT)) messages[`share.errors.${key}`] = text;
  for (const [key, text] of Object.entries(REPORT_ERROR_TEXT)) messages[`report.errors.${key}`] = text;
  for (const [key, text] of Object.entries(REPORT_KIND_TEXT)) messages[`report.kinds.${key}`] = text;
  return messages;
}


import fs from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import i18next, { type i18n, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { WEEKDAYS } from "~/directory/opening-times";
import { SEARCH_ERROR_TEXT } from "~/directory/search-params";
import { COST_TEXT, DEMO_NOTE, DEMO_TAG, HOW_TO_ACCESS_TEXT, REACH_LABELS } from "~/directory/service-view";
import { getCategoryTaxonomy } from "~/directory/taxonomy.server";
import { isForResidents } from "~/knowledge/article-schema";
import { getArticles, getArticleTranslations } from "~/knowledge/articles.server";
import { AUDIENCE_LABELS, TYPE_LABELS } from "~/knowledge/browse";
import { contentPath } from "~/lib/content-path.server";
import { BARRIERS } from "~/lib/frameworks";
import { ANSWER_ERRORS } from "~/triage/flow";
import { RESIDENT_PLAN_TEXT } from "~/triage/plan-view";
import { loadTriageContent, TRIAGE_CONTENT_DIR } from "~/triage/question-bank.server";
import type { QuestionBank } from "~/triage/types";
import { compareNamespace, flatten, isWhole, pick, type Catalogue, type Messages } from "./catalogue";
import { NAMESPACES, SOURCE_LANGUAGE, type LanguageOption, type Namespace } from "./languages";
import { claimProblems, type LanguageReport } from "./report";
import { bankMessages, localiseBank, ruleMessages } from "./triage-text";

const languageFileSchema = z.object({
  languages: z
    .array(
      z
        .object({
          code: z.string().regex(/^[a-z]{2,3}$/, "must be a two- or three-letter language code, such as cy"),
          name: z.string().min(1),
          englishName: z.string().min(1),
          htmlLang: z.string().min(2),
          complete: z.array(z.enum(NAMESPACES)).default([]),
        })
        .strict(),
    )
    .min(1),
});

interface Loaded {
  options: LanguageOption[];
  reports: LanguageReport[];
  catalogues: Record<string, Catalogue>;
  i18n: i18n;
  banks: Map<string, QuestionBank>;
}

let loaded: Loaded | undefined;

const relative = (file: string) => path.relative(process.cwd(), file);

function readYaml(file: string): unknown {
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
function readCatalogue(code: string, english: Catalogue | null): Catalogue {
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
  return messages;
}

function load(): Loaded {
  const parsed = languageFileSchema.safeParse(readYaml(contentPath("i18n", "languages.yaml")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`content/i18n/languages.yaml: ${issue.path.join(".")} ${issue.message}`);
  }
  const languages = parsed.data.languages;
  if (languages[0].code !== SOURCE_LANGUAGE) throw new Error(`content/i18n/languages.yaml: English (en) must be listed first`);

  const english = readCatalogue(SOURCE_LANGUAGE, null);
  const catalogues: Record<string, Catalogue> = { [SOURCE_LANGUAGE]: english };
  const reports: LanguageReport[] = [];
  const options: LanguageOption[] = [];
  for (const language of languages) {
    if (language.code === SOURCE_LANGUAGE) {
      options.push({ code: language.code, name: language.name, htmlLang: language.htmlLang, offered: [...NAMESPACES] });
      continue;
    }
    const catalogue = readCatalogue(language.code, english);
    catalogues[language.code] = catalogue;
    const namespaces = NAMESPACES.map((ns) => compareNamespace(ns, english[ns] ?? {}, catalogue[ns] ?? {}));
    // A page in a language needs the header and footer in it too, so nothing is offered without them.
    const framed = isWhole(namespaces[NAMESPACES.indexOf("common")]);
    reports.push({ code: language.code, englishName: language.englishName, claimed: language.complete, namespaces });
    options.push({
      code: language.code,
      name: language.name,
      htmlLang: language.htmlLang,
      offered: framed ? namespaces.filter((r) => r.total > 0 && isWhole(r)).map((r) => r.namespace) : [],
    });
  }
  const problems = claimProblems(reports);
  if (problems.length > 0) throw new Error(problems.join("\n"));

  const instance = i18next.createInstance();
  void instance.init({
    initImmediate: false,
    resources: catalogues,
    lng: SOURCE_LANGUAGE,
    fallbackLng: SOURCE_LANGUAGE,
    supportedLngs: options.map((o) => o.code),
    ns: [...NAMESPACES],
    // Keys are dotted paths, already flat, so i18next must not split them again.
    keySeparator: false,
    // React escapes what it renders; escaping here too would show &amp; to residents.
    interpolation: { escapeValue: false },
    returnEmptyString: false,
  });
  return { options, reports, catalogues, i18n: instance, banks: new Map() };
}

function get(): Loaded {
  loaded ??= load();
  return loaded;
}

/** Loads and checks every translation; run by the content check at start-up. */
export function getTranslationReports(): LanguageReport[] {
  return get().reports;
}

export function getLanguageOptions(): LanguageOption[] {
  return get().options;
}

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Remembers the language a resident picked; chosen by them, so it needs no consent. */
export const languageCookie = createCookie("waymark_language", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: process.env.NODE_ENV === "production",
  maxAge: YEAR_SECONDS,
});

let detector: RemixI18Next | undefined;

/** The chosen language: the switcher's cookie first, then the browser's Accept-Language, then English. */
export async function getLanguage(request: Request): Promise<LanguageOption> {
  const options = getLanguageOptions();
  detector ??= new RemixI18Next({
    detection: {
      supportedLanguages: options.map((o) => o.code),
      fallbackLanguage: SOURCE_LANGUAGE,
      cookie: languageCookie,
      order: ["cookie", "header"],
    },
  });
  const code = await detector.getLocale(request);
  return options.find((o) => o.code === code) ?? options[0];
}

export interface PageLanguage {
  /** The chosen language. */
  chosen: LanguageOption;
  /** What this page's content is in: the chosen language if its part is offered, else English. */
  code: string;
  t: TFunction;
  /** Every text under a prefix, to send to the page. */
  copy(prefix: string): Messages;
}

/** The language for a page and its text, worked out from the request and the page's part. */
export async function pageText(request: Request, namespace: Namespace): Promise<PageLanguage> {
  const chosen = await getLanguage(request);
  return textIn(chosen, chosen.offered.includes(namespace) ? chosen.code : SOURCE_LANGUAGE, namespace);
}

export function textIn(chosen: LanguageOption, code: string, namespace: Namespace): PageLanguage {
  const { i18n, catalogues } = get();
  const t = i18n.getFixedT(code, namespace);
  return {
    chosen,
    code,
    t,
    copy: (prefix) => ({ ...pick(catalogues[SOURCE_LANGUAGE][namespace] ?? {}, prefix), ...pick(catalogues[code]?.[namespace] ?? {}, prefix) }),
  };
}

/** The question bank in a language (the resident's text only), built once per language. */
export function bankIn(code: string): QuestionBank {
  const { banks, catalogues } = get();
  const { bank } = loadTriageContent();
  if (code === SOURCE_LANGUAGE) return bank;
  let localised = banks.get(code);
  if (!localised) {
    localised = localiseBank(bank, catalogues[code]?.check ?? {});
    banks.set(code, localised);
  }
  return localised;
}

/** What the layout needs: the chosen language, what it offers, and the header and footer text. */
export async function layoutLanguage(request: Request) {
  const chosen = await getLanguage(request);
  const code = chosen.offered.includes("common") ? chosen.code : SOURCE_LANGUAGE;
  const { copy } = textIn(chosen, code, "common");
  return {
    code,
    htmlLang: getLanguageOptions().find((o) => o.code === code)!.htmlLang,
    offered: chosen.offered,
    languages: getLanguageOptions().map(({ code, name, htmlLang }) => ({ code, name, htmlLang })),
    text: copy("layout"),
  };
}

/** The plan's resident text in a language, for planView; English needs none. */
export function planWords(code: string): Messages {
  return code === SOURCE_LANGUAGE ? {} : (get().catalogues[code]?.plan ?? {});
}

/** A directory category's name in a language, falling back to English. */
export function categoryNameIn(code: string, id: string): string {
  return get().i18n.getFixedT(code, "common")(`categories.${id}`);
}

/** Languages a champion can show the questions in: those the resident check is offered in. */
export function residentLanguages(): { code: string; name: string; htmlLang: string }[] {
  return getLanguageOptions()
    .filter((o) => o.offered.includes("check"))
    .map(({ code, name, htmlLang }) => ({ code, name, htmlLang }));
}

/** The resident's wording of one question in their language, for a champion to show them. */
export function residentQuestion(code: string, questionId: string) {
  const option = getLanguageOptions().find((o) => o.code === code && o.offered.includes("check"));
  if (!option || code === SOURCE_LANGUAGE) return null;
  const question = bankIn(code).questions.find((q) => q.id === questionId);
  if (!question) return null;
  return {
    lang: option.htmlLang,
    languageName: option.name,
    heading: question.resident,
    hint: question.residentHint ?? null,
    options: question.kind === "scale" ? [`${question.min}: ${question.minLabel}`, `${question.max}: ${question.maxLabel}`] : question.options.map((o) => o.label),
  };
}

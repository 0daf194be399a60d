import { createCookie } from "@remix-run/node";
import i18next, { type i18n, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { z } from "zod";
import type { ErrorPageText } from "~/components/error-text";
import { contentPath } from "~/lib/content-path.server";
import { loadTriageContent } from "~/triage/question-bank.server";
import type { QuestionBank } from "~/triage/types";
import { NAMESPACES, SOURCE_LANGUAGE, type LanguageOption, type Namespace } from "./languages";
import { compareNamespace, isWhole, pick, type Catalogue, type Messages } from "./catalogue";
import { readCatalogue, readYaml } from "./catalogue-files.server";
import { claimProblems, type LanguageReport } from "./report";
import { localiseBank } from "./triage-text";

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
    // The error pages' words, for a 404 or 500 in this language; English pages use ERROR_PAGE_TEXT and carry none.
    errors: code === SOURCE_LANGUAGE ? undefined : (copy("errors") as ErrorPageText),
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

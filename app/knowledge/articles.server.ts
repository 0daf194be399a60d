/**
 * Loads the knowledge articles in content/knowledge once, validates them and checks that every
 * related slug and internal link resolves. A broken file stops start-up with the file and field
 * named, so a bad edit never reaches a champion as a blank or broken page. Translations of the
 * residents' guides sit beside the English as `<slug>.<language>.md` and are checked the same way.
 */
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import YAML from "yaml";
import type { z } from "zod";
import {
  articleFrontMatterSchema,
  isForResidents,
  SLUG_PATTERN,
  translationFrontMatterSchema,
  type Article,
  type ArticleTranslation,
} from "~/knowledge/article-schema";
import { checkLink, extractLinks, type LinkTargets } from "~/knowledge/links";

export const KNOWLEDGE_DIR = path.join(process.cwd(), "content", "knowledge");
export const TRAINING_DIR = path.join(process.cwd(), "content", "training");

export class ArticleContentError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid knowledge content:\n${problems.join("\n")}`);
    this.name = "ArticleContentError";
  }
}

// The `yaml` package reads dates as plain strings (YAML 1.2), which is what the schema expects;
// gray-matter's default parser would turn them into Date objects in the server's time zone.
const matterOptions = { engines: { yaml: (source: string) => (YAML.parse(source) ?? {}) as object } };

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative.split(path.sep).join("/");
}

/** The front matter and body of one Markdown file, or undefined with the problems recorded. */
function readMarkdown<T>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, problems: string[]): { data: T; body: string } | undefined {
  const where = displayPath(file);
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(fs.readFileSync(file, "utf8"), matterOptions);
  } catch (error) {
    problems.push(`${where}: front matter: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return undefined;
  }

  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push(`${where}: ${issue.path.join(".") || "front matter"}: ${issue.message}`);
    }
    return undefined;
  }
  const body = parsed.content.trim();
  if (body === "") {
    problems.push(`${where}: body: Empty`);
    return undefined;
  }
  return { data: result.data, body };
}

function parseFile(file: string, problems: string[]): Article | undefined {
  const slug = path.basename(file, ".md");
  if (!SLUG_PATTERN.test(slug)) {
    problems.push(`${displayPath(file)}: file name: must be lower-case words joined by hyphens`);
    return undefined;
  }
  const read = readMarkdown(file, articleFrontMatterSchema, problems);
  return read ? { ...read.data, slug, body: read.body } : undefined;
}

// "email-basics.cy.md": the English slug, then a two- or three-letter language code.
const TRANSLATION_FILE = /^(.+)\.([a-z]{2,3})\.md$/;

function parseTranslation(file: string, bySlug: ReadonlyMap<string, Article>, problems: string[]): ArticleTranslation | undefined {
  const where = displayPath(file);
  const [, slug, language] = TRANSLATION_FILE.exec(path.basename(file))!;
  const english = bySlug.get(slug);
  if (!english) {
    problems.push(`${where}: file name: no English article "${slug}.md" beside it`);
    return undefined;
  }
  if (!isForResidents(english)) {
    problems.push(`${where}: only guides written for residents are translated, and "${slug}" is not one (its audience has no resident)`);
    return undefined;
  }
  const read = readMarkdown(file, translationFrontMatterSchema, problems);
  return read ? { ...read.data, slug, language, body: read.body } : undefined;
}
function listTrainingIds(trainingDir: string): Set<string> {
  if (!fs.existsSync(trainingDir)) return new Set();
  return new Set(fs.readdirSync(trainingDir).map((name) => name.replace(/\.[^.]+$/, "")));
}

function checkReferences(items: { slug: string; body: string; related?: string[]; file: string }[], targets: LinkTargets, problems: string[]): void {
  for (const item of items) {
    const where = displayPath(item.file);
    item.related?.forEach((slug, index) => {
      if (slug === item.slug) problems.push(`${where}: related.${index}: an article cannot be related to itself`);
      else if (!targets.articleSlugs.has(slug)) problems.push(`${where}: related.${index}: no article "${slug}"`);
    });
    for (const href of extractLinks(item.body)) {
      const reason = checkLink(href, targets);
      if (reason) problems.push(`${where}: body: broken link "${href}": ${reason}`);
    }
  }
}

export interface KnowledgeContent {
  articles: Article[];
  translations: ArticleTranslation[];
}

/**
 * Reads and checks every `*.md` file in `dir`, English and translated; throws ArticleContentError
 * listing each problem.
 */
export function loadKnowledge(dir: string = KNOWLEDGE_DIR, trainingDir: string = TRAINING_DIR): KnowledgeContent {
  const names = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort();
  const translationNames = names.filter((name) => TRANSLATION_FILE.test(name));
  const problems: string[] = [];
  const articles = names.filter((name) => !TRANSLATION_FILE.test(name)).flatMap((name) => parseFile(path.join(dir, name), problems) ?? []);
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const translations = translationNames.flatMap((name) => parseTranslation(path.join(dir, name), bySlug, problems) ?? []);
  checkReferences(
    [
      ...articles.map((a) => ({ ...a, file: path.join(dir, `${a.slug}.md`) })),
      ...translations.map((t) => ({ slug: t.slug, body: t.body, file: path.join(dir, `${t.slug}.${t.language}.md`) })),
    ],
    { articleSlugs: new Set(bySlug.keys()), trainingIds: listTrainingIds(trainingDir) },
    problems,
  );
  if (problems.length > 0) throw new ArticleContentError(problems);
  return { articles, translations };
}

/** The English articles only; see loadKnowledge. */
export function loadArticles(dir: string = KNOWLEDGE_DIR, trainingDir: string = TRAINING_DIR): Article[] {
  return loadKnowledge(dir, trainingDir).articles;
}

let cache: { articles: Article[]; bySlug: Map<string, Article>; translations: ArticleTranslation[]; translated: Map<string, ArticleTranslation> } | undefined;

const translationKey = (slug: string, language: string) => `${language}:${slug}`;

function load() {
  if (!cache) {
    const { articles, translations } = loadKnowledge();
    cache = {
      articles,
      bySlug: new Map(articles.map((a) => [a.slug, a])),
      translations,
      translated: new Map(translations.map((t) => [translationKey(t.slug, t.language), t])),
    };
  }
  return cache;
}

/** All articles, sorted by slug. */
export function getArticles(): readonly Article[] {
  return load().articles;
}

export function getArticle(slug: string): Article | undefined {
  return load().bySlug.get(slug);
}

/** An article's words in a language, when someone has translated it. */
export function getArticleTranslation(slug: string, language: string): ArticleTranslation | undefined {
  return load().translated.get(translationKey(slug, language));
}

/** Every translation into one language, sorted by slug. */
export function getArticleTranslations(language: string): ArticleTranslation[] {
  return load().translations.filter((t) => t.language === language);
}

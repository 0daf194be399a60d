/**
 * Loads the knowledge articles in content/knowledge once, validates them and checks that every
 * related slug and internal link resolves. A broken file stops start-up with the file and field
 * named, so a bad edit never reaches a champion as a blank or broken page.
 */
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import YAML from "yaml";
import { articleFrontMatterSchema, SLUG_PATTERN, type Article } from "~/knowledge/article-schema";
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

function parseFile(file: string, problems: string[]): Article | undefined {
  const where = displayPath(file);
  const slug = path.basename(file, ".md");
  if (!SLUG_PATTERN.test(slug)) {
    problems.push(`${where}: file name: must be lower-case words joined by hyphens`);
    return undefined;
  }

  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(fs.readFileSync(file, "utf8"), matterOptions);
  } catch (error) {
    problems.push(`${where}: front matter: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return undefined;
  }

  const result = articleFrontMatterSchema.safeParse(parsed.data);
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
  return { ...result.data, slug, body };
}

function listTrainingIds(trainingDir: string): Set<string> {
  if (!fs.existsSync(trainingDir)) return new Set();
  return new Set(fs.readdirSync(trainingDir).map((name) => name.replace(/\.[^.]+$/, "")));
}

function checkReferences(articles: Article[], dir: string, targets: LinkTargets, problems: string[]): void {
  for (const article of articles) {
    const where = displayPath(path.join(dir, `${article.slug}.md`));
    article.related.forEach((slug, index) => {
      if (slug === article.slug) problems.push(`${where}: related.${index}: an article cannot be related to itself`);
      else if (!targets.articleSlugs.has(slug)) problems.push(`${where}: related.${index}: no article "${slug}"`);
    });
    for (const href of extractLinks(article.body)) {
      const reason = checkLink(href, targets);
      if (reason) problems.push(`${where}: body: broken link "${href}": ${reason}`);
    }
  }
}

/** Reads and checks every `*.md` file in `dir`; throws ArticleContentError listing each problem. */
export function loadArticles(dir: string = KNOWLEDGE_DIR, trainingDir: string = TRAINING_DIR): Article[] {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join(dir, name));

  const problems: string[] = [];
  const articles = files.flatMap((file) => parseFile(file, problems) ?? []);
  checkReferences(
    articles,
    dir,
    { articleSlugs: new Set(articles.map((a) => a.slug)), trainingIds: listTrainingIds(trainingDir) },
    problems,
  );
  if (problems.length > 0) throw new ArticleContentError(problems);
  return articles;
}

let cache: { articles: Article[]; bySlug: Map<string, Article> } | undefined;

function load() {
  if (!cache) {
    const articles = loadArticles();
    cache = { articles, bySlug: new Map(articles.map((a) => [a.slug, a])) };
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

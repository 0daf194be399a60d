import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { KNOWLEDGE_DIR, loadArticles, loadKnowledge, TRAINING_DIR } from "~/knowledge/articles.server";
import { checkLink, extractLinks } from "~/knowledge/links";
import { countWords, toPlainText, WORDS_PER_MINUTE } from "~/knowledge/plain-text";
import { BARRIERS } from "~/lib/frameworks";
import { KNOWLEDGE_TOPICS } from "~/triage/content-schema";

const articles = loadArticles();
const guides = articles.filter((a) => a.type === "guide");
const words = (body: string) => countWords(toPlainText(body));

describe("knowledge content", () => {
  it("loads every Markdown file in content/knowledge, English as articles and <slug>.<language>.md as translations", () => {
    const files = fs.readdirSync(KNOWLEDGE_DIR).filter((name) => name.endsWith(".md"));
    const { translations } = loadKnowledge();
    expect([...articles.map((a) => `${a.slug}.md`), ...translations.map((t) => `${t.slug}.${t.language}.md`)].sort()).toEqual(files.sort());
  });

  it("keeps every translated summary to one or two sentences, as the English", () => {
    const long = loadKnowledge().translations.filter((t) => (t.summary.match(/[.!?](\s|$)/g) ?? []).length > 2).map((t) => `${t.slug}.${t.language}`);
    expect(long).toEqual([]);
  });

  // The triage plan links to these by slug; a missing or renamed guide breaks the plan a person is given.
  it("has every guide the triage links to, as a guide", () => {
    const guideSlugs = guides.map((a) => a.slug);
    expect(KNOWLEDGE_TOPICS.length).toBeGreaterThanOrEqual(15);
    expect(KNOWLEDGE_TOPICS.filter((slug) => !guideSlugs.includes(slug))).toEqual([]);
  });

  it.each(BARRIERS.map((b) => [b.id, b.label]))("has a guide for the barrier %s (%s)", (barrier) => {
    expect(guides.some((g) => (g.barriers as string[]).includes(barrier))).toBe(true);
  });

  it("has no broken internal link in any body", () => {
    const targets = {
      articleSlugs: new Set(articles.map((a) => a.slug)),
      trainingIds: new Set(fs.existsSync(TRAINING_DIR) ? fs.readdirSync(TRAINING_DIR).map((n) => n.replace(/\.[^.]+$/, "")) : []),
    };
    const broken = articles.flatMap((a) =>
      extractLinks(a.body)
        .filter((href) => checkLink(href, targets) !== null)
        .map((href) => `${a.slug}: ${href}`),
    );
    expect(broken).toEqual([]);
    expect(articles.flatMap((a) => a.related.filter((slug) => !targets.articleSlugs.has(slug)))).toEqual([]);
  });

  it("declares a reading time within two minutes of the word count at 200 words a minute", () => {
    const off = articles
      .map((a) => ({ slug: a.slug, declared: a.readingTime, estimate: words(a.body) / WORDS_PER_MINUTE }))
      .filter(({ declared, estimate }) => Math.abs(declared - estimate) > 2);
    expect(off).toEqual([]);
  });

  it("keeps every summary to one or two sentences", () => {
    const long = articles.filter((a) => (a.summary.match(/[.!?](\s|$)/g) ?? []).length > 2).map((a) => a.slug);
    expect(long).toEqual([]);
  });

  it("writes guides long enough to be useful and short enough to read on a phone", () => {
    const outOfRange = guides
      .map((g) => ({ slug: g.slug, words: words(g.body) }))
      .filter((g) => g.words < 450 || g.words > 1000);
    expect(outOfRange).toEqual([]);
  });

  it("starts body headings at level 2, because the page title is the only h1", () => {
    expect(articles.filter((a) => /^# /m.test(a.body)).map((a) => a.slug)).toEqual([]);
  });

  it("reminds readers never to hand over passwords in the safeguarding guide", () => {
    const safeguarding = articles.find((a) => a.slug === "safeguarding-and-boundaries");
    expect(safeguarding?.body).toMatch(/never ask for, write down or keep anyone's passwords/i);
    expect(safeguarding?.body).toMatch(/help them do it, don't do it for them/i);
  });

  it("links the questions guide to the assisted triage", () => {
    expect(extractLinks(articles.find((a) => a.slug === "questions-to-ask")?.body ?? "")).toContain("/triage");
  });
});

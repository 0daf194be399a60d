import { describe, expect, it } from "vitest";
import type { Article } from "~/knowledge/article-schema";
import { getKnowledgeIndex } from "~/knowledge/knowledge-index.server";
import { buildArticleIndex, editDistance, searchArticles } from "~/knowledge/search";
import { loadTrainingModules } from "~/knowledge/training.server";

const index = getKnowledgeIndex();
const slugs = (articles: { slug: string }[]) => articles.map((a) => a.slug);
const top = (query: string) => searchArticles(index, query)[0]?.slug;

describe("searchArticles over the shipped guides", () => {
  it.each([
    ["scams", "scams-and-staying-safe"],
    ["scmas", "scams-and-staying-safe"],
    ["universal credit", "universal-credit-and-online-forms"],
    ["univeral credit", "universal-credit-and-online-forms"],
    ["socail tarrifs", "social-tariffs"],
    ["emial", "email-basics"],
    ["vidoe call", "video-calls"],
    ["magnifer", "making-devices-easier-to-use"],
    ["englsh", "helping-with-limited-english"],
    ["safeguarding", "safeguarding-and-boundaries"],
    ["cv", "job-search-and-cvs"],
  ])("finds %s", (query, slug) => {
    expect(top(query)).toBe(slug);
  });

  it("finds words that appear only in an article body", () => {
    expect(slugs(searchArticles(index, "7726"))).toContain("scams-and-staying-safe");
    expect(slugs(searchArticles(index, "Databank"))).toContain("free-data-sims-and-devices");
  });

  it("returns nothing for gibberish rather than everything", () => {
    expect(searchArticles(index, "xqzvbk")).toEqual([]);
    expect(searchArticles(index, "zzzzzz qqqq")).toEqual([]);
  });

  it("needs every word to match somewhere", () => {
    expect(searchArticles(index, "scams xqzvbk")).toEqual([]);
  });

  it("ignores search operators typed by a user", () => {
    expect(top("!scams$")).toBe("scams-and-staying-safe");
  });

  it("lists everything, by title, for an empty query", () => {
    const all = searchArticles(index, "  ");
    expect(all).toHaveLength(index.entries.length);
    const titles = all.map((a) => a.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, "en-GB")));
  });
});

describe("searchArticles filters", () => {
  it("filters by audience", () => {
    const forResidents = searchArticles(index, "", { audience: "resident" });
    expect(forResidents.length).toBeGreaterThan(0);
    expect(forResidents.every((a) => a.audience.includes("resident"))).toBe(true);
    expect(slugs(forResidents)).not.toContain("questions-to-ask");
  });

  it("filters by barrier, with or without a query", () => {
    expect(slugs(searchArticles(index, "", { barrier: "language" }))).toContain("helping-with-limited-english");
    const accessibility = searchArticles(index, "vidoe", { barrier: "accessibility" });
    expect(slugs(accessibility)).toContain("video-calls");
    expect(accessibility.every((a) => a.barriers.includes("accessibility"))).toBe(true);
  });

  it("filters by type and combines filters", () => {
    const article = (slug: string, type: Article["type"], audience: Article["audience"]): Article => ({
      slug,
      type,
      audience,
      title: `Scams ${slug}`,
      summary: "About scams.",
      barriers: ["confidence"],
      skills: [],
      categories: [],
      related: [],
      readingTime: 1,
      lastReviewed: "2026-01-01",
      body: "Scams are common.",
    });
    const small = buildArticleIndex([
      article("a", "guide", ["resident"]),
      article("b", "case-study", ["staff"]),
      article("c", "guide", ["staff"]),
    ]);
    expect(slugs(searchArticles(small, "scams", { type: "guide" })).sort()).toEqual(["a", "c"]);
    expect(slugs(searchArticles(small, "scams", { type: "guide", audience: "staff" }))).toEqual(["c"]);
    expect(slugs(searchArticles(small, "", { type: "data-set" }))).toEqual([]);
  });
});

describe("training modules in the knowledge store", () => {
  const modules = loadTrainingModules();

  it("lists every module as a training module that links to its training page", () => {
    const found = searchArticles(index, "", { type: "module" });
    expect(found.map((m) => m.slug).sort()).toEqual(modules.map((m) => m.id).sort());
    for (const entry of found) expect(entry.href).toBe(`/training/${entry.slug}`);
    expect(searchArticles(index, "", { type: "guide" }).every((a) => a.href === `/knowledge/${a.slug}`)).toBe(true);
  });

  it("finds a module by words from its lessons, but never by its quiz", () => {
    expect(slugs(searchArticles(index, "phishing", { type: "module" }))).toContain("online-safety");
    const indexed = index.entries.find((e) => e.article.href === "/training/online-safety")!.text;
    for (const question of modules.find((m) => m.id === "online-safety")!.quiz.questions) {
      expect(indexed).not.toContain(question.text);
      for (const option of question.options) expect(indexed).not.toContain(option.feedback);
    }
  });

  it("gives a module the barriers of the guides it points to, for champions and staff", () => {
    const safety = searchArticles(index, "", { type: "module" }).find((m) => m.slug === "online-safety")!;
    expect(safety.barriers).toContain("confidence");
    expect(safety.audience).toEqual(["champion", "staff"]);
    expect(slugs(searchArticles(index, "", { type: "module", audience: "resident" }))).toEqual([]);
  });
});

describe("editDistance", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("scmas", "scams")).toBe(1);
    expect(editDistance("univeral", "universal")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
});

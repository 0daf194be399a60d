import path from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleContentError, getArticle, getArticles, loadArticles, loadKnowledge } from "~/knowledge/articles.server";

const fixtures = path.join(process.cwd(), "tests", "fixtures", "knowledge");
const noTraining = path.join(fixtures, "no-training-here");

function loadFixture(name: string) {
  return () => loadArticles(path.join(fixtures, name), noTraining);
}

describe("loadArticles", () => {
  it("reads every file, takes the slug from the file name and keeps dates as ISO strings", () => {
    const articles = loadArticles(path.join(fixtures, "valid"), noTraining);
    expect(articles.map((a) => a.slug)).toEqual(["first-guide", "second-guide"]);
    expect(articles[0]).toMatchObject({ title: "First guide", type: "guide", lastReviewed: "2026-01-15" });
    expect(articles[0].body.startsWith("Read the [second guide]")).toBe(true);
  });

  it("names the file and the field when front matter is invalid", () => {
    expect(loadFixture("broken-front-matter")).toThrow(
      "tests/fixtures/knowledge/broken-front-matter/email-basics.md: lastReviewed: Invalid date",
    );
  });

  it("names the position of an unknown barrier id", () => {
    expect(loadFixture("bad-enum")).toThrow(/bad-enum\/video-calls\.md: barriers\.1: Invalid enum value.*'wifi'/);
  });

  it("reports every broken related slug and body link, not just the first", () => {
    let error: unknown;
    try {
      loadFixture("broken-link")();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ArticleContentError);
    const problems = (error as ArticleContentError).problems;
    expect(problems).toEqual([
      'tests/fixtures/knowledge/broken-link/social-tariffs.md: related.0: no article "cheap-broadband"',
      'tests/fixtures/knowledge/broken-link/social-tariffs.md: body: broken link "/knowledge/cheap-broadband": no article "cheap-broadband"',
      'tests/fixtures/knowledge/broken-link/social-tariffs.md: body: broken link "/services?category=broadband-deals": no directory category "broadband-deals"',
    ]);
  });
});

describe("getArticles and getArticle", () => {
  it("serve the shipped content from one cached load", () => {
    const first = getArticles();
    expect(getArticles()).toBe(first);
    expect(first.length).toBeGreaterThanOrEqual(15);
    expect(getArticle("email-basics")?.title).toBe("Email basics");
    expect(getArticle("no-such-guide")).toBeUndefined();
  });
});

describe("translated guides beside the English", () => {
  it("reads <slug>.<language>.md as a translation, not as an article of its own", () => {
    const { articles, translations } = loadKnowledge(path.join(fixtures, "translated"), noTraining);
    expect(articles.map((a) => a.slug)).toEqual(["for-champions", "for-residents"]);
    expect(translations).toEqual([
      {
        slug: "for-residents",
        language: "cy",
        title: "I drigolion",
        summary: "Canllaw i drigolion, gyda chyfieithiad Cymraeg wrth ei ochr.",
        lastReviewed: "2026-02-01",
        body: "Darllenwch [ganllaw'r hyrwyddwyr](/knowledge/for-champions).",
      },
    ]);
  });

  it("refuses a translation with no English, of a guide not for residents, with its own front matter fields or a broken link", () => {
    let error: unknown;
    try {
      loadKnowledge(path.join(fixtures, "bad-translations"), noTraining);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ArticleContentError);
    const where = "tests/fixtures/knowledge/bad-translations";
    expect((error as ArticleContentError).problems).toEqual([
      `${where}/also-for-residents.cy.md: front matter: Unrecognized key(s) in object: 'audience'`,
      `${where}/for-champions.cy.md: only guides written for residents are translated, and "for-champions" is not one (its audience has no resident)`,
      `${where}/no-such-guide.cy.md: file name: no English article "no-such-guide.md" beside it`,
      `${where}/for-residents.cy.md: body: broken link "/knowledge/dim-byd": no article "dim-byd"`,
    ]);
  });

  it("ships a Welsh translation of every guide written for residents", () => {
    const { articles, translations } = loadKnowledge();
    const welsh = new Set(translations.filter((t) => t.language === "cy").map((t) => t.slug));
    const forResidents = articles.filter((a) => a.audience.includes("resident")).map((a) => a.slug);
    expect(forResidents.length).toBeGreaterThanOrEqual(10);
    expect(forResidents.filter((slug) => !welsh.has(slug))).toEqual([]);
  });
});

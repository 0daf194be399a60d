import path from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleContentError, getArticle, getArticles, loadArticles } from "~/knowledge/articles.server";

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

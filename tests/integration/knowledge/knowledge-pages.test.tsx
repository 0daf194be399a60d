import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { Article } from "~/knowledge/article-schema";
import { getCategory } from "~/directory/taxonomy.server";
import { getArticles } from "~/knowledge/articles.server";
import { getTrainingModules } from "~/knowledge/training.server";
import { loader as articleLoader } from "~/routes/knowledge.$slug";
import { loader as browseLoader } from "~/routes/knowledge._index";
import { signedInRequest } from "../../helpers/auth";
import { args, dataOf, thrownResponse } from "./support";

const state = vi.hoisted(() => ({ loaderData: undefined as unknown }));
vi.mock("@remix-run/react", () => ({
  useLoaderData: () => state.loaderData,
}));

// A content edit that pastes in HTML must be neutralised on the real page, not only in the
// renderer's own tests, so the page is given this article through the same getArticle it uses.
const hostile = vi.hoisted(() => ({
  slug: "hostile-fixture",
  title: "A guide with pasted HTML",
  summary: "Checks that nothing pasted into a guide can run.",
  type: "guide",
  audience: ["champion"],
  barriers: [],
  skills: [],
  categories: ["free-data"],
  related: ["email-basics"],
  readingTime: 1,
  lastReviewed: "2026-11-01",
  body: [
    "## First",
    "",
    "Hello <script>alert('x')</script> there.",
    "",
    '<img src="x" onerror="alert(1)">',
    "",
    "## Second",
    "",
    '<a href="javascript:alert(1)">raw link</a> and [markdown link](javascript:alert(2)) and <iframe src="https://evil.example"></iframe>',
    "",
    "## Third",
    "",
    '<div style="position:fixed" onclick="steal()">overlay</div>',
  ].join("\n"),
}));
vi.mock("~/knowledge/articles.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/knowledge/articles.server")>();
  return { ...actual, getArticle: (slug: string) => (slug === hostile.slug ? (hostile as Article) : actual.getArticle(slug)) };
});

async function browse(query: string) {
  return dataOf(browseLoader(args(await signedInRequest(`/knowledge${query}`, null))));
}

async function renderPage(Component: () => JSX.Element, data: unknown): Promise<string> {
  state.loaderData = data;
  return renderToString(<Component />);
}

describe("/knowledge browse", () => {
  it("lists every article without filters, and each result has a title, summary, type and reading time", async () => {
    const data = await browse("");
    expect(data.results).toHaveLength(getArticles().length + getTrainingModules().length);
    expect(data.tags).toEqual([]);
    const { default: Page } = await import("~/routes/knowledge._index");
    const html = await renderPage(Page, data);
    expect(html).toContain('href="/knowledge/email-basics"');
    expect(html).toMatch(/Guide · \d+ minute read/);
  });

  it("filters by type, audience and barrier together, with a removable tag for each", async () => {
    const data = await browse("?type=guide&audience=resident&barrier=confidence");
    expect(data.results.length).toBeGreaterThan(0);
    for (const result of data.results) {
      const article = getArticles().find((a) => a.slug === result.slug)!;
      expect(article.type).toBe("guide");
      expect(article.audience).toContain("resident");
      expect(article.barriers).toContain("confidence");
    }
    expect(data.tags.map((t) => t.text)).toEqual(["Type: Guide", "For: Residents", "Barrier: Confidence and trust"]);
    expect(data.tags[1].removeHref).toBe("/knowledge?type=guide&barrier=confidence");
  });

  it("finds the training modules for type=module, each linking to its training page", async () => {
    const data = await browse("?type=module");
    expect(data.results.map((r) => r.slug).sort()).toEqual(getTrainingModules().map((m) => m.id).sort());
    expect(data.tags.map((t) => t.text)).toEqual(["Type: Training module"]);
    const { default: Page } = await import("~/routes/knowledge._index");
    const html = await renderPage(Page, data);
    expect(html).toContain('href="/training/online-safety"');
    expect(html).not.toContain('href="/knowledge/online-safety"');
    expect(html).toMatch(/Training module · about \d+ minutes · sign in needed/);
  });

  it("shows only case studies for type=case-study", async () => {
    const data = await browse("?type=case-study");
    expect(data.results.map((r) => r.slug).sort()).toEqual(getArticles().filter((a) => a.type === "case-study").map((a) => a.slug).sort());
    expect(data.results).toHaveLength(4);
  });

  it("ignores filter values that do not exist instead of failing", async () => {
    const data = await browse("?type=nonsense&audience=%3Cscript%3E&barrier=");
    expect(data.results).toHaveLength(getArticles().length + getTrainingModules().length);
    expect(data.tags).toEqual([]);
  });

  it.each([
    ["scmas", "scams-and-staying-safe"],
    ["univeral credit", "universal-credit-and-online-forms"],
    ["socail tarrifs", "social-tariffs"],
    ["emial", "email-basics"],
  ])("finds a guide through the page when the search is mistyped (%s)", async (q, slug) => {
    const data = await browse(`?q=${encodeURIComponent(q)}`);
    expect(data.results[0]?.slug).toBe(slug);
    expect(data.tags[0]).toEqual({ text: `Search: ${q}`, removeHref: "/knowledge" });
  });

  it("combines a search with a filter", async () => {
    const data = await browse("?q=scmas&type=guide&audience=resident");
    expect(data.results[0]?.slug).toBe("scams-and-staying-safe");
    expect(data.results.every((r) => r.type === "guide")).toBe(true);
    expect(data.tags).toHaveLength(3);
  });

  it("says when nothing matches", async () => {
    const data = await browse("?q=xqzvbk");
    expect(data.results).toEqual([]);
    const { default: Page } = await import("~/routes/knowledge._index");
    const html = await renderPage(Page, data);
    expect(html).toContain("0 guides");
    expect(html).toMatch(/No guides match (<!-- -->)?“(<!-- -->)?xqzvbk/);
  });
});

describe("/knowledge/:slug", () => {
  it("is a 404 for an unknown slug", async () => {
    const response = await thrownResponse(Promise.resolve(articleLoader(args(await signedInRequest("/knowledge/no-such-guide", null), { slug: "no-such-guide" }))));
    expect(response.status).toBe(404);
  });

  it("renders a long guide with metadata, a contents list, related guides and directory categories", async () => {
    const data = await dataOf(articleLoader(args(await signedInRequest("/knowledge/free-data-sims-and-devices", null), { slug: "free-data-sims-and-devices" })));
    expect(data.contents.length).toBeGreaterThanOrEqual(3);
    const { default: Page } = await import("~/routes/knowledge.$slug");
    const html = await renderPage(Page, data);
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain("Contents");
    for (const item of data.contents) {
      expect(html).toContain(`href="#${item.id}"`);
      expect(html).toContain(`id="${item.id}"`);
    }
    expect(html).toContain("Last reviewed");
    expect(html).toContain("minute read");
    expect(html).toContain('href="/services?category=free-data"');
    for (const related of data.related) expect(html).toContain(`href="/knowledge/${related.slug}"`);
  });

  it("neutralises scripts and raw HTML in an article on the real page", async () => {
    const data = await dataOf(articleLoader(args(await signedInRequest(`/knowledge/${hostile.slug}`, null), { slug: hostile.slug })));
    const { default: Page } = await import("~/routes/knowledge.$slug");
    const html = await renderPage(Page, data);
    const body = html.slice(html.indexOf("app-article__body"));
    expect(body).not.toMatch(/<(script|iframe|img|div style)\b/i);
    expect(body).not.toMatch(/<[^>]*\s(on\w+|style)=/i);
    expect(body).not.toMatch(/href="\s*javascript:/i);
    // The words are kept, shown as text.
    expect(body).toContain("&lt;script&gt;");
    expect(html).toContain(`>${getCategory("free-data").name}</a>`);
    expect(html).toContain('href="/knowledge/email-basics"');
  });
});

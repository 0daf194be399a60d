import { describe, expect, it } from "vitest";
import { getArticles } from "~/knowledge/articles.server";
import { createSlugger, renderArticle, sanitizeArticleHtml } from "~/knowledge/render";

const hostile = [
  "Hello <script>alert('x')</script> there",
  "",
  '<img src="x" onerror="alert(1)">',
  "",
  '<div onclick="steal()" style="position:fixed">overlay</div>',
  "",
  "<iframe src=\"https://evil.example\"></iframe>",
  "",
  "[click me](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox(1))",
  "",
  "![pic](https://evil.example/x.png)",
].join("\n");

describe("renderArticle neutralises unsafe Markdown", () => {
  const { html } = renderArticle(hostile);

  it("never emits a script, iframe, image or div element", () => {
    expect(html).not.toMatch(/<(script|iframe|img|div)\b/i);
  });

  it("leaves no event-handler or style attribute on any element", () => {
    expect(html).not.toMatch(/<[^>]*\s(on\w+|style)=/i);
  });

  it("makes no link to a javascript:, data: or vbscript: URL", () => {
    expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
  });

  it("shows raw HTML as harmless text rather than dropping the words", () => {
    expect(html).toContain("Hello &lt;script&gt;");
  });
});

describe("sanitizeArticleHtml", () => {
  it("strips unsafe HTML even if it arrived already rendered", () => {
    const out = sanitizeArticleHtml(
      '<p class="govuk-body evil" onmouseover="x()">Hi</p><a href="javascript:alert(1)">a</a><a href="//evil.example">b</a><script>alert(1)</script>',
    );
    expect(out).toBe('<p class="govuk-body">Hi</p><a>a</a><a>b</a>');
  });

  it("keeps http(s), mailto, tel and relative links", () => {
    const out = sanitizeArticleHtml(
      '<a href="https://gov.uk">a</a><a href="/check">b</a><a href="mailto:x@y.z">c</a><a href="tel:159">d</a>',
    );
    expect(out).toBe('<a href="https://gov.uk">a</a><a href="/check">b</a><a href="mailto:x@y.z">c</a><a href="tel:159">d</a>');
  });
});

describe("renderArticle structure", () => {
  const markdown = `## Before you start

Some text with a [link](/knowledge/email-basics).

### Details

- one
- two

## Before you start

1. first
2. second

## Main content

| A | B |
|---|---|
| 1 | 2 |

> Note
`;
  const { html, contents } = renderArticle(markdown);

  it("gives headings unique ids and GOV.UK classes", () => {
    expect(html).toContain('<h2 id="before-you-start" class="govuk-heading-l">Before you start</h2>');
    expect(html).toContain('<h2 id="before-you-start-2" class="govuk-heading-l">Before you start</h2>');
    expect(html).toContain('<h3 id="details" class="govuk-heading-m">Details</h3>');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("never reuses an id the page layout owns", () => {
    expect(html).toContain('id="main-content-2"');
    expect(html).not.toContain('id="main-content"');
  });

  it("styles body elements with GOV.UK classes", () => {
    expect(html).toContain('<p class="govuk-body">');
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet">');
    expect(html).toContain('<ol class="govuk-list govuk-list--number">');
    expect(html).toContain('<a href="/knowledge/email-basics" class="govuk-link">link</a>');
    expect(html).toContain('<table class="govuk-table">');
    expect(html).toContain('<td class="govuk-table__cell">1</td>');
    expect(html).toContain('<blockquote class="govuk-inset-text">');
  });

  it("lists the h2 sections as contents once a page has three or more", () => {
    expect(contents).toEqual([
      { id: "before-you-start", text: "Before you start" },
      { id: "before-you-start-2", text: "Before you start" },
      { id: "main-content-2", text: "Main content" },
    ]);
    expect(renderArticle("## One\n\ntext\n\n## Two\n\ntext").contents).toEqual([]);
  });

  it("demotes a stray h1 so the page keeps a single h1", () => {
    expect(renderArticle("# Title").html).toBe('<h2 id="title" class="govuk-heading-l">Title</h2>\n');
  });
});

describe("createSlugger", () => {
  it("makes readable, unique ids from heading text", () => {
    const next = createSlugger([]);
    expect(next("What's a scam?")).toBe("whats-a-scam");
    expect(next("What's a scam?")).toBe("whats-a-scam-2");
    expect(next("Café & Wi-Fi")).toBe("cafe-wi-fi");
    expect(next("!!!")).toBe("section");
  });
});

describe("shipped articles", () => {
  it.each(getArticles().map((a) => [a.slug, a.body]))("%s renders with unique heading ids and a contents list", (_slug, body) => {
    const { html, contents } = renderArticle(body);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(contents.length).toBeGreaterThanOrEqual(3);
  });
});

describe("links to pages in another language", () => {
  it("marks a link with hreflang when the page it opens is in another language, and only then", () => {
    const { html } = renderArticle("Darllenwch [hwn](/knowledge/in-english) a [hwnnw](/knowledge/yn-gymraeg).", {
      linkLang: (href) => (href === "/knowledge/in-english" ? "en-GB" : undefined),
    });
    expect(html).toContain('<a href="/knowledge/in-english" class="govuk-link" hreflang="en-GB">hwn</a>');
    expect(html).toContain('<a href="/knowledge/yn-gymraeg" class="govuk-link">hwnnw</a>');
  });

  it("gives no link an hreflang written into the Markdown by hand: raw HTML stays text", () => {
    const { html } = renderArticle('<a href="/x" hreflang="fr">x</a>');
    expect(html).not.toMatch(/<a[^>]*hreflang/);
    expect(html).toContain("&lt;a href=");
  });
});

/**
 * Knowledge articles rendered to HTML on the server. The Markdown is our own, but it is still
 * parsed with raw HTML off and then passed through an allow-list, so a pasted script tag or a
 * `javascript:` link in a content edit can never reach a page.
 */
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import sanitizeHtml from "sanitize-html";

export interface ContentsItem {
  id: string;
  text: string;
}

export interface RenderedArticle {
  html: string;
  /** The h2 headings, for a contents list; empty when the page is too short to need one. */
  contents: ContentsItem[];
}

/** A page with this many sections or more gets a contents list. */
export const CONTENTS_MIN_SECTIONS = 3;

// Ids the page layout already uses; a heading must not take them.
const RESERVED_IDS = ["main-content", "contents", "skip-link"];

const HEADING_CLASSES: Record<number, string> = { 2: "govuk-heading-l", 3: "govuk-heading-m" };

const BLOCK_CLASSES: Record<string, string> = {
  paragraph_open: "govuk-body",
  bullet_list_open: "govuk-list govuk-list--bullet",
  ordered_list_open: "govuk-list govuk-list--number",
  blockquote_open: "govuk-inset-text",
  hr: "govuk-section-break govuk-section-break--l govuk-section-break--visible",
  table_open: "govuk-table",
  thead_open: "govuk-table__head",
  tbody_open: "govuk-table__body",
  tr_open: "govuk-table__row",
  th_open: "govuk-table__header",
  td_open: "govuk-table__cell",
};

export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9\s-]/g, "")
    .trim()
    .replace(/[\s-]+/g, "-");
  return slug || "section";
}

/** Returns a function giving each heading text an id not used before in the same document. */
export function createSlugger(reserved: readonly string[] = RESERVED_IDS): (text: string) => string {
  const used = new Set(reserved);
  return (text) => {
    const base = slugify(text);
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true });

export interface RenderOptions {
  /** The language of the page a link opens, when it is not the article's own (for hreflang). */
  linkLang?: (href: string) => string | undefined;
}

function decorate(tokens: Token[], { linkLang }: RenderOptions): ContentsItem[] {
  const nextId = createSlugger();
  const sections: ContentsItem[] = [];
  tokens.forEach((token, index) => {
    if (token.type === "heading_open" || token.type === "heading_close") {
      // The page title is the only h1, so article headings start at h2.
      const level = Math.min(6, Math.max(2, Number(token.tag.slice(1))));
      token.tag = `h${level}`;
      if (token.type === "heading_close") return;
      const text = tokens[index + 1]?.children?.map((child) => child.content).join("") ?? "";
      const id = nextId(text);
      token.attrSet("id", id);
      token.attrSet("class", HEADING_CLASSES[level] ?? "govuk-heading-s");
      if (level === 2) sections.push({ id, text });
      return;
    }
    const blockClass = BLOCK_CLASSES[token.type];
    // Paragraphs inside tight list items are hidden by markdown-it and must not get a class.
    if (blockClass && !token.hidden) token.attrSet("class", blockClass);
    for (const child of token.children ?? []) {
      if (child.type !== "link_open") continue;
      child.attrSet("class", "govuk-link");
      const lang = linkLang?.(child.attrGet("href") ?? "");
      if (lang) child.attrSet("hreflang", lang);
    }
  });
  return sections;
}

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "a", "strong", "em", "blockquote", "code", "pre",
    "table", "thead", "tbody", "tr", "th", "td", "hr", "br",
  ],
  allowedAttributes: {
    a: ["href", "class", "hreflang"],
    h2: ["id", "class"], h3: ["id", "class"], h4: ["id", "class"], h5: ["id", "class"], h6: ["id", "class"],
    "*": ["class"],
  },
  allowedClasses: { "*": ["govuk-*"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

export function renderArticle(body: string, options: RenderOptions = {}): RenderedArticle {
  const tokens = markdown.parse(body, {});
  const sections = decorate(tokens, options);
  const html = sanitizeArticleHtml(markdown.renderer.render(tokens, markdown.options, {}));
  return { html, contents: sections.length >= CONTENTS_MIN_SECTIONS ? sections : [] };
}

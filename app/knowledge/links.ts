/**
 * Internal links inside knowledge articles. Articles link to each other, to directory categories
 * and to product pages with ordinary Markdown links; a link that points nowhere would strand a
 * champion mid-conversation, so every one is checked when the content loads.
 */
import MarkdownIt from "markdown-it";
import { CATEGORY_IDS } from "~/lib/frameworks";

/** Public pages an article may link to (PRODUCT.md URL map); deeper paths are checked separately. */
export const KNOWN_PAGES = [
  "/",
  "/check",
  "/triage",
  "/services",
  "/knowledge",
  "/knowledge/data",
  "/training",
  "/referrals",
  "/reports",
  "/login",
] as const;

const SERVICES_QUERY_PARAMS = new Set(["q", "postcode", "category", "cost", "day", "page"]);
const EXTERNAL_SCHEME = /^(https?:|mailto:|tel:)/i;

export interface LinkTargets {
  articleSlugs: ReadonlySet<string>;
  /** Module ids under content/training; `/training/<id>` must name one of them. */
  trainingIds: ReadonlySet<string>;
}

const parser = new MarkdownIt({ html: false });

/** Every link target written in a Markdown body, in order of appearance. */
export function extractLinks(markdown: string): string[] {
  const hrefs: string[] = [];
  for (const token of parser.parse(markdown, {})) {
    for (const child of token.children ?? []) {
      if (child.type === "link_open") hrefs.push(child.attrGet("href") ?? "");
    }
  }
  return hrefs;
}

/** Why an href is broken, or null when it resolves. External links are not fetched. */
export function checkLink(href: string, targets: LinkTargets): string | null {
  if (EXTERNAL_SCHEME.test(href) || href.startsWith("#")) return null;
  if (!href.startsWith("/") || href.startsWith("//")) {
    return "internal links must be absolute paths such as /knowledge/email-basics";
  }

  const url = new URL(href, "https://waymark.invalid");
  const path = url.pathname.replace(/\/$/, "") || "/";

  if (path.startsWith("/knowledge/") && path !== "/knowledge/data") {
    const slug = path.slice("/knowledge/".length);
    return targets.articleSlugs.has(slug) ? null : `no article "${slug}"`;
  }
  if (path.startsWith("/training/")) {
    const id = path.slice("/training/".length);
    return targets.trainingIds.has(id) ? null : `no training module "${id}"`;
  }
  if (path === "/services") {
    for (const [name, value] of url.searchParams) {
      if (!SERVICES_QUERY_PARAMS.has(name)) return `unknown directory search parameter "${name}"`;
      if (name === "category" && !(CATEGORY_IDS as readonly string[]).includes(value)) {
        return `no directory category "${value}"`;
      }
    }
    return null;
  }
  return (KNOWN_PAGES as readonly string[]).includes(path) ? null : `no page ${path}`;
}

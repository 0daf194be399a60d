import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/** Server-renders an element the way Remix does, without hydration markers. */
export function render(element: ReactElement): string {
  return renderToStaticMarkup(element);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every opening tag of the given element name, in document order. */
export function openingTags(html: string, tagName: string): string[] {
  return html.match(new RegExp(`<${tagName}\\b[^>]*>`, "g")) ?? [];
}

/** The opening tag of the element carrying this id; fails the test when there is none. */
export function tagWithId(html: string, id: string): string {
  const match = html.match(new RegExp(`<[a-z0-9]+\\b[^>]*\\sid="${escapeRegExp(id)}"[^>]*>`));
  if (!match) throw new Error(`no element with id="${id}" in ${html}`);
  return match[0];
}

/**
 * The value of an attribute in an opening tag, or undefined when it is absent. Names match
 * case-insensitively, as in HTML, because React 18 writes some as camelCase (maxLength).
 */
export function attr(tag: string, name: string): string | undefined {
  const match = tag.match(new RegExp(`\\s${escapeRegExp(name)}="([^"]*)"`, "i"));
  return match ? match[1] : undefined;
}

/** The class list of an opening tag. */
export function classesOf(tag: string): string[] {
  return (attr(tag, "class") ?? "").split(" ").filter(Boolean);
}

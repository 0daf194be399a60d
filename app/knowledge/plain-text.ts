/**
 * Markdown reduced to the words a reader sees: the search index matches on these rather than
 * on link targets and punctuation, and reading times are estimated from them.
 */
import MarkdownIt from "markdown-it";

const parser = new MarkdownIt({ html: false });

/** Words a person reads per minute when the text is plain English. */
export const WORDS_PER_MINUTE = 200;

export function toPlainText(markdown: string): string {
  const parts: string[] = [];
  for (const token of parser.parse(markdown, {})) {
    if (token.type === "inline") {
      const text = (token.children ?? [])
        .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : child.type.endsWith("break") ? " " : ""))
        .join("");
      parts.push(text);
    } else if (token.type === "fence" || token.type === "code_block") {
      parts.push(token.content.trim());
    }
  }
  return parts.join("\n");
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function estimateReadingTime(markdown: string): number {
  return Math.max(1, Math.round(countWords(toPlainText(markdown)) / WORDS_PER_MINUTE));
}

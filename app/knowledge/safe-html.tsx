/**
 * The one place Waymark sets HTML directly. It only ever receives knowledge content rendered on
 * the server by renderArticle, which parses Markdown with raw HTML off and then runs the result
 * through sanitize-html's allow-list, so nothing here can carry a script, handler or style.
 */
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  // eslint-disable-next-line no-restricted-syntax -- html is renderArticle's sanitised output of our own content (see render.ts)
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

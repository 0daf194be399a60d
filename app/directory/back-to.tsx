/**
 * "Back to <name>" from a translated "Back to {{name}}", with the provider's name marked when it
 * is in another language than the page (a screen reader then pronounces it right).
 */
export function BackTo({ text, name, lang }: { text: string; name: string; lang?: string }) {
  const [before, after = ""] = text.split("{{name}}");
  return (
    <>
      {before}
      <span lang={lang}>{name}</span>
      {after}
    </>
  );
}

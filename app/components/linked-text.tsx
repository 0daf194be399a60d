import { Fragment } from "react";

// Only addresses on this site: a translation cannot send a resident elsewhere.
const LINK = /\[([^\]]+)\]\((\/[^)\s]*)\)/g;

/**
 * A translated sentence with links in it, written as "[words](/path)", so a translator can put the
 * linked words where their language needs them instead of the sentence being cut into pieces.
 */
export function LinkedText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    parts.push(text.slice(last, match.index));
    parts.push(
      <a key={match.index} className="govuk-link" href={match[2]}>
        {match[1]}
      </a>,
    );
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>{part}</Fragment>
      ))}
    </>
  );
}

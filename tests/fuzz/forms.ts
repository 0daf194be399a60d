/**
 * The forms a server-rendered page offers, read from its HTML: where each sends, how, and its
 * fields with the values the page filled in. React writes well-formed, double-quoted attributes,
 * so a tag scanner is enough here.
 */
export interface Field {
  name: string;
  type: string;
  /** What the browser would send untouched: the value, the checked option, the first choice. */
  value: string | null;
  /** Every value offered (radios, checkboxes, options), for plausible submissions. */
  choices: string[];
}

export interface Form {
  method: "get" | "post";
  action: string;
  enctype: string;
  fields: Field[];
}

const TAG = /<(\/?)(form|input|select|option|textarea|button)\b([^>]*)>/gi;
const ATTRIBUTE = /([a-zA-Z_:][\w:.-]*)(?:="([^"]*)")?/g;

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, code: string) => {
    if (code[0] === "#") return String.fromCodePoint(code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[code.toLowerCase()] ?? "";
  });
}

function attributes(source: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, value] of source.matchAll(ATTRIBUTE)) found[name.toLowerCase()] = decodeEntities(value ?? "");
  return found;
}

export function formsIn(html: string, pageUrl: string): Form[] {
  const forms: Form[] = [];
  let form: Form | null = null;
  let select: Field | null = null;
  for (const match of html.matchAll(TAG)) {
    const [whole, closing, tagName, rest] = match;
    const tag = tagName.toLowerCase();
    const attrs = attributes(rest);
    if (tag === "form") {
      if (closing) {
        if (form) forms.push(form);
        form = null;
      } else {
        const action = new URL(attrs.action || pageUrl, pageUrl);
        form = { method: attrs.method?.toLowerCase() === "post" ? "post" : "get", action: action.pathname + action.search, enctype: attrs.enctype ?? "application/x-www-form-urlencoded", fields: [] };
      }
      continue;
    }
    if (!form) continue;
    if (tag === "select") {
      if (closing) select = null;
      else if (attrs.name) {
        select = { name: attrs.name, type: "select", value: null, choices: [] };
        form.fields.push(select);
      }
      continue;
    }
    if (tag === "option" && select && !closing) {
      const value = attrs.value ?? "";
      select.choices.push(value);
      if (select.value === null || "selected" in attrs) select.value = value;
      continue;
    }
    if (closing || !attrs.name) continue;
    if (tag === "textarea") {
      const end = html.indexOf("</textarea>", (match.index ?? 0) + whole.length);
      form.fields.push({ name: attrs.name, type: "textarea", value: decodeEntities(html.slice((match.index ?? 0) + whole.length, end)), choices: [] });
      continue;
    }
    const type = (attrs.type ?? (tag === "button" ? "submit" : "text")).toLowerCase();
    if (type === "submit" || type === "button" || type === "image" || type === "reset") {
      // Only a named button sends its value, and only when pressed: offer it as an intent.
      const existing = form.fields.find((f) => f.name === attrs.name && f.type === "submit");
      if (existing) existing.choices.push(attrs.value ?? "");
      else form.fields.push({ name: attrs.name, type: "submit", value: null, choices: [attrs.value ?? ""] });
      continue;
    }
    const existing = form.fields.find((f) => f.name === attrs.name);
    if (type === "radio" || type === "checkbox") {
      const field = existing ?? { name: attrs.name, type, value: null, choices: [] };
      if (!existing) form.fields.push(field);
      field.choices.push(attrs.value ?? "on");
      if ("checked" in attrs) field.value ??= attrs.value ?? "on";
      continue;
    }
    if (type === "file") {
      form.fields.push({ name: attrs.name, type, value: null, choices: [] });
      continue;
    }
    if (!existing) form.fields.push({ name: attrs.name, type, value: attrs.value ?? "", choices: [] });
  }
  return forms;
}

/** Query parameters that links on the page send back to the same path (pagination, filters, sort). */
export function linkParamsIn(html: string, pageUrl: string): string[] {
  const base = new URL(pageUrl);
  const names = new Set<string>();
  for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/gi)) {
    const url = new URL(decodeEntities(href), base);
    if (url.origin !== base.origin || url.pathname !== base.pathname) continue;
    for (const name of url.searchParams.keys()) names.add(name);
  }
  return [...names];
}

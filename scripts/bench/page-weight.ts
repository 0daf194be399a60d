import { gzipSync } from "node:zlib";

/**
 * Page weight of the pages a resident lands on: the HTML and every script it loads (module
 * scripts and modulepreload links), raw and gzipped, as the browser would fetch them on a first
 * visit. Usage: `tsx scripts/bench/page-weight.ts <base-url> [path ...]`, against a running
 * production build. A cookie header can be given with PAGE_WEIGHT_COOKIE (e.g. "waymark-lang=cy").
 */

const [base = "http://127.0.0.1:3000", ...given] = process.argv.slice(2);
const paths = given.length > 0 ? given : ["/", "/check"];
const cookie = process.env.PAGE_WEIGHT_COOKIE;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

function scriptUrls(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g)) found.add(match[1]);
  for (const match of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"([^"]+\.js)"/g)) found.add(match[1]);
  return [...found];
}

const size = (text: string) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).length });

for (const path of paths) {
  const html = await fetchText(new URL(path, base).href);
  const scripts = await Promise.all(scriptUrls(html).map((src) => fetchText(new URL(src, base).href)));
  const h = size(html);
  const js = scripts.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  console.log(
    `${path}\tHTML ${h.raw} B (${h.gzip} gz)\tJS ${js.raw} B (${js.gzip} gz) in ${scripts.length} files\ttotal ${h.raw + js.raw} B (${h.gzip + js.gzip} gz)`,
  );
}

/**
 * Cross-site request forgery defence for every state-changing request. Browsers mark where a
 * request came from with Sec-Fetch-Site (and Origin); a form posted from another site is
 * refused before any action runs. Requests with neither header (curl, old browsers) are allowed:
 * the session cookie is SameSite=Lax, so a browser never sends it on a cross-site POST anyway.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type CsrfVerdict = { ok: true } | { ok: false; reason: string };

export function checkCrossSite(
  method: string,
  headers: { get(name: string): string | null | undefined },
  allowedOrigins: readonly string[],
): CsrfVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };

  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    return { ok: false, reason: `Sec-Fetch-Site is ${fetchSite}` };
  }

  const origin = headers.get("origin");
  if (origin && origin !== "null" && !allowedOrigins.includes(origin)) {
    return { ok: false, reason: `Origin ${origin} is not this site` };
  }
  if (origin === "null") return { ok: false, reason: "Origin is opaque" };

  return { ok: true };
}

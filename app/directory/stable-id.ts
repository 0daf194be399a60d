import { createHash } from "node:crypto";

// A fixed namespace so Waymark's ids never collide with another publisher's name-based UUIDs.
const NAMESPACE = "5f0c8e3a-9d1b-4c6e-8a27-3e5b1f9d7c40";

/**
 * A name-based UUID (RFC 9562 version 5) for a piece of shipped content, e.g.
 * stableId("service", "maidstone-library-drop-in"). ORUK requires UUIDs, and seeding must give
 * the same record the same id on every machine and every run so re-seeding changes nothing.
 */
export function stableId(kind: string, key: string): string {
  const namespaceBytes = Buffer.from(NAMESPACE.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(namespaceBytes).update(`${kind}:${key}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Ids of the shipped partnership content, for the accounts seed and tests. */
export const organisationIdFor = (slug: string): string => stableId("organisation", slug);
export const areaIdFor = (slug: string): string => stableId("area", slug);
export const serviceIdFor = (slug: string): string => stableId("service", slug);
export const locationIdFor = (slug: string): string => stableId("location", slug);
export const taxonomyIdFor = (slug: string): string => stableId("taxonomy", slug);
export const taxonomyTermIdFor = (taxonomySlug: string, termId: string): string =>
  stableId("taxonomy_term", `${taxonomySlug}:${termId}`);

import { describe, expect, it } from "vitest";
import { createReferenceCode, formatReferenceCode, normaliseReferenceCode, REFERENCE_ALPHABET } from "~/lib/reference-code";

describe("reference codes", () => {
  it("never uses look-alike characters", () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OIL]/);
    for (let i = 0; i < 200; i++) expect(createReferenceCode()).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
  });

  it("is formatted in two groups for reading aloud", () => {
    expect(formatReferenceCode("7KQ3MXP2")).toBe("7KQ3 MXP2");
  });

  it("accepts what people type and rejects what cannot be a code", () => {
    expect(normaliseReferenceCode(" 7kq3-mxp2 ")).toBe("7KQ3MXP2");
    expect(normaliseReferenceCode("7KQ3 MXP")).toBeNull();
    expect(normaliseReferenceCode("7KQ3MXPO")).toBeNull();
  });
});

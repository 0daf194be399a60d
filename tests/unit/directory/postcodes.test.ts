import { describe, expect, it } from "vitest";
import { isValidPostcode, normalisePostcode, outwardCodeOf, parsePostcodeInput } from "~/directory/postcodes";

describe("normalisePostcode", () => {
  it("upper-cases and puts one space before the last three characters", () => {
    expect(normalisePostcode("me141le")).toBe("ME14 1LE");
    expect(normalisePostcode("  ct9   1xx ")).toBe("CT9 1XX");
    expect(normalisePostcode("TN1 1AA")).toBe("TN1 1AA");
    expect(normalisePostcode("sw1a2aa")).toBe("SW1A 2AA");
  });
});

describe("isValidPostcode", () => {
  it("accepts every shape of UK postcode", () => {
    for (const pc of ["ME14 1LE", "CT9 1XX", "W1A 1AA", "EC1A 1BB", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "GIR 0AA"]) {
      expect(isValidPostcode(pc), pc).toBe(true);
    }
  });

  it("rejects things that are not postcodes", () => {
    for (const pc of ["", "ME14", "hello", "ME14 1L", "12345", "QE14 1LE", "ME14 1CE", "ME14 1LEE"]) {
      expect(isValidPostcode(pc), pc).toBe(false);
    }
  });
});

describe("outward codes", () => {
  it("takes the part before the space", () => {
    expect(outwardCodeOf("me14 1le")).toBe("ME14");
    expect(outwardCodeOf("CT11 9AA")).toBe("CT11");
  });

  it("reads a full postcode, an outward code on its own, or nonsense", () => {
    expect(parsePostcodeInput("ct111aa")).toEqual({ kind: "postcode", postcode: "CT11 1AA", outwardCode: "CT11" });
    expect(parsePostcodeInput(" me14 ")).toEqual({ kind: "outcode", outwardCode: "ME14" });
    expect(parsePostcodeInput("tn1")).toEqual({ kind: "outcode", outwardCode: "TN1" });
    expect(parsePostcodeInput("Maidstone")).toEqual({ kind: "invalid" });
    expect(parsePostcodeInput("ME14 1")).toEqual({ kind: "invalid" });
  });
});

import { describe, expect, it } from "vitest";
import { normaliseFullPostcode, normaliseUkMobile, normaliseUkPhone, outwardCodeOf } from "~/referrals/contact-details";
import { cleanLine, cleanLines, looksLikeMarkup } from "~/referrals/text-fields";

describe("UK phone numbers", () => {
  it.each([
    ["01632 960 001", "01632960001"],
    ["(01632) 960001", "01632960001"],
    ["+44 1632 960001", "01632960001"],
    ["+44 (0)1632 960001", "01632960001"],
    ["0800 123 4567", "08001234567"],
    ["07700 900 982", "07700900982"],
  ])("%s is %s", (typed, stored) => {
    expect(normaliseUkPhone(typed)).toBe(stored);
  });

  it.each(["12345", "01632 9600", "01632 960 0011", "00 1 212 555 0100", "+1 212 555 0100", "phone me", "01632 960 001 ext 4"])("%s is not a UK phone number", (typed) => {
    expect(normaliseUkPhone(typed)).toBeNull();
  });

  it.each([
    ["07700 900 982", "07700900982"],
    ["+447700900982", "07700900982"],
    ["0044 7700 900982", "07700900982"],
    ["07624 123456", "07624123456"],
  ])("%s is a mobile", (typed, stored) => {
    expect(normaliseUkMobile(typed)).toBe(stored);
  });

  it.each(["01632 960001", "07000 123456", "07623 123456", "0770 090 098"])("%s cannot take a text", (typed) => {
    expect(normaliseUkMobile(typed)).toBeNull();
  });
});

describe("postcodes", () => {
  it("keeps an outward code as it is, tidied", () => {
    expect(outwardCodeOf(" me14 ")).toEqual({ outwardCode: "ME14", shortened: false });
    expect(outwardCodeOf("EC1A")).toEqual({ outwardCode: "EC1A", shortened: false });
  });

  it("cuts a full postcode down to its outward code, and says so", () => {
    expect(outwardCodeOf("ME14 1AB")).toEqual({ outwardCode: "ME14", shortened: true });
    expect(outwardCodeOf("me141ab")).toEqual({ outwardCode: "ME14", shortened: true });
    expect(outwardCodeOf("CT9  1AB")).toEqual({ outwardCode: "CT9", shortened: true });
  });

  it.each(["14ME", "ME", "ME14 1A", "Maidstone", "<script>"])("%s is not a postcode", (typed) => {
    expect(outwardCodeOf(typed)).toBeNull();
  });

  it("writes a full postcode the standard way", () => {
    expect(normaliseFullPostcode("me141ab")).toBe("ME14 1AB");
    expect(normaliseFullPostcode("ME14")).toBeNull();
  });
});

describe("cleaning typed text", () => {
  it("removes control characters and invisible direction overrides", () => {
    expect(cleanLine("Sam\u0000\u0007 \u202Egnp.exe\u202C")).toBe("Sam gnp.exe");
    expect(cleanLine("two\nlines\tand  spaces")).toBe("two lines and spaces");
  });

  it("keeps line breaks in longer text, but no more than one blank line", () => {
    expect(cleanLines("first\r\n\r\n\r\n\r\nsecond  \n third\u0008")).toBe("first\n\nsecond\nthird");
  });

  it.each(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "click onmouseover=alert(1)", "</b>"])(
    "spots markup in %s",
    (text) => {
      expect(looksLikeMarkup(text)).toBe(true);
    },
  );

  it.each(["Aged > 60 and < 70", "Needs large print <3", "Prefers mornings; on Tuesdays only", "Money worries: rent arrears"])("lets %s through as words", (text) => {
    expect(looksLikeMarkup(text)).toBe(false);
  });
});

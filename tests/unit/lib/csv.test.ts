import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "~/lib/csv";

describe("csvField", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvField("Margate library")).toBe("Margate library");
    expect(csvField(42)).toBe("42");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(true)).toBe("true");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling quotes (RFC 4180)", () => {
    expect(csvField("Tea, cake")).toBe('"Tea, cake"');
    expect(csvField('The "Hub"')).toBe('"The ""Hub"""');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
  });

  it("stops text being run as a spreadsheet formula", () => {
    expect(csvField("=HYPERLINK(\"http://evil.example\")")).toBe("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
    expect(csvField("+44 1234")).toBe("'+44 1234");
    expect(csvField("-1+1")).toBe("'-1+1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField("a=b")).toBe("a=b");
  });

  it("refuses numbers a spreadsheet cannot hold", () => {
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
  });
});

describe("toCsv", () => {
  it("writes a header and rows, each line ended by CRLF", () => {
    expect(toCsv(["id", "name"], [["1", "A, B"], ["2", null]])).toBe('id,name\r\n1,"A, B"\r\n2,\r\n');
  });

  it("refuses a row with the wrong number of fields", () => {
    expect(() => toCsv(["a", "b"], [["1"]])).toThrow(/Row 1/);
  });
});

describe("every CSV Waymark writes", () => {
  it("goes through app/lib/csv.ts: no other module quotes fields or sends text/csv of its own making", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const root = path.resolve(__dirname, "../../../app");
    const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(root, f));
    const handMade = files.filter((file) => {
      if (file.endsWith(path.join("lib", "csv.ts"))) return false;
      const source = fs.readFileSync(file, "utf8");
      // Doubling quotes, or testing for a formula's first character, is CSV writing by hand.
      return source.includes(`replace(/"/g, '""')`) || source.includes("[=+\\-@\\t\\r]");
    });
    expect(handMade.map((f) => path.relative(root, f))).toEqual([]);
  });
});

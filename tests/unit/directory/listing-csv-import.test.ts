import { describe, expect, it } from "vitest";
import { mapCsvRow, parseOpeningHours, readCsv } from "~/directory/csv-import";
import { listingSnapshotSchema } from "~/directory/listing-edit";

const HEADER = "name,organisation,description,categories,address,postcode,phone,email,url,free,attending,opening hours";

describe("readCsv", () => {
  it("reads quoted values with commas and line breaks, a byte-order mark and CRLF, and numbers rows by the line they start on", () => {
    const text = `\uFEFF${HEADER}\r\n"Laptops, tablets",Connect Kent CIC,"Borrow one.\nKeep it if you find work.",device-loan,"Hub, Bicknor Road, Maidstone",ME15 9PS,01632 960701,,,yes,in-person,Mon 10:00-13:00\r\n\r\nSIMs,Connect Kent CIC,Free data,free-data,,,01632 960702,,,,phone,\r\n`;
    const csv = readCsv(text);
    expect(csv.errors).toEqual([]);
    expect(csv.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(csv.rows[0].values).toMatchObject({ name: "Laptops, tablets", description: "Borrow one.\nKeep it if you find work.", opening_hours: "Mon 10:00-13:00" });
  });

  it("numbers rows the same in a file with plain line feeds and no final line break", () => {
    const csv = readCsv(`${HEADER}\nA,Org,"two\nlines",skills-course,,,,,,,,\n\nB,Org,x,skills-course,,,,,,,,`);
    expect(csv.rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it("names missing required columns and unused ones", () => {
    const csv = readCsv("name,description,colour\nA,B,red\n");
    expect(csv.errors.map((e) => e.message)).toEqual(["The file needs a column headed “organisation”", "The file needs a column headed “categories”"]);
    expect(csv.ignoredColumns).toEqual(["colour"]);
  });

  it("turns a broken file into a message with its line, not a crash", () => {
    const csv = readCsv(`${HEADER}\nA,"unclosed\n`);
    expect(csv.errors).toEqual([{ line: 2, field: null, message: "The file could not be read as CSV: a quoted value is never closed" }]);
    expect(readCsv(`${HEADER}\n`).errors[0].message).toBe("The file has no rows of services under its header");
  });
});

describe("parseOpeningHours", () => {
  it("reads days, day ranges and times", () => {
    expect(parseOpeningHours("Mon-Wed 09:00-17:00; Sat 9.30 to 12:00")).toEqual({
      rows: [
        { day: "MO", opens: "09:00", closes: "17:00" },
        { day: "TU", opens: "09:00", closes: "17:00" },
        { day: "WE", opens: "09:00", closes: "17:00" },
        { day: "SA", opens: "9:30", closes: "12:00" },
      ],
    });
    expect(parseOpeningHours("")).toEqual({ rows: [] });
  });

  it("says what is wrong with a part it cannot read", () => {
    expect(parseOpeningHours("Mon 9-5")).toEqual({ error: "Write each day and times like “Mon 09:00-17:00”; “Mon 9-5” is not like that" });
    expect(parseOpeningHours("Fri-Mon 09:00-10:00")).toHaveProperty("error");
    expect(parseOpeningHours("Funday 09:00-10:00")).toHaveProperty("error");
  });
});

describe("mapCsvRow", () => {
  const row = {
    name: "Laptop loans",
    organisation: "Connect Kent CIC",
    description: "Borrow a laptop.",
    categories: "device-loan; Free SIM or data",
    address: "Park Wood Community Hub, Bicknor Road, Maidstone",
    postcode: "me15 9ps",
    phone: "01632 960701",
    email: "",
    url: "",
    free: "",
    attending: "in person; phone",
    opening_hours: "Mon 10:00-13:00",
  };

  it("makes the same snapshot the edit form would, with sensible defaults", () => {
    const mapped = mapCsvRow(row, null, new Map([["free sim or data", "free-data"]]));
    expect(mapped).toMatchObject({
      ok: true,
      organisation: "Connect Kent CIC",
      snapshot: {
        categories: ["device-loan", "free-data"],
        attending: ["in-person", "phone"],
        how_to_access: "drop-in",
        free: true,
        address_1: "Park Wood Community Hub",
        address_2: "Bicknor Road",
        city: "Maidstone",
        postcode: "ME15 9PS",
        hours: [{ day: "MO", opens: "10:00", closes: "13:00" }],
      },
    });
  });

  it("names the column at fault for each problem", () => {
    const mapped = mapCsvRow({ ...row, postcode: "ME15", categories: "laptops", free: "maybe", address: "Somewhere", opening_hours: "Mon 13:00-10:00" }, null);
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.errors).toEqual(
      expect.arrayContaining([
        { field: "address", message: "Give the building and street, then the town, separated by commas" },
        { field: "postcode", message: "Enter a real postcode, like ME14 1LE" },
        { field: "categories", message: "Choose categories from the list" },
        { field: "free", message: "Say whether the service is free" },
        { field: "opening hours", message: "The closing time must be after the opening time" },
      ]),
    );
  });

  it("keeps a listing's current values for the columns a file leaves out", () => {
    const current = listingSnapshotSchema.parse({
      name: "Laptop loans",
      description: "Borrow a laptop.",
      categories: ["device-loan"],
      how_to_access: "appointment",
      attending: ["in-person"],
      accepts_self_referral: true,
      free: true,
      phone: "01632 960701",
      address_1: "Park Wood Community Hub",
      city: "Maidstone",
      postcode: "ME15 9PS",
      eligibility: "Maidstone residents",
      languages: ["English", "Polish"],
    });
    const mapped = mapCsvRow({ name: "Laptop loans", organisation: "Connect Kent CIC", description: "Borrow a laptop or tablet.", categories: "device-loan" }, current);
    expect(mapped).toMatchObject({ ok: true, snapshot: { description: "Borrow a laptop or tablet.", eligibility: "Maidstone residents", languages: ["English", "Polish"], phone: "01632 960701", city: "Maidstone", how_to_access: "appointment" } });
  });
});

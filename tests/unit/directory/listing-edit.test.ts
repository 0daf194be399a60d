import { describe, expect, it } from "vitest";
import {
  diffListings,
  feesDescriptionFor,
  listingSnapshotSchema,
  readSnapshot,
  storedSnapshot,
  type ListingSnapshot,
  type ListingSnapshotInput,
} from "~/directory/listing-edit";
import { assuredDateFor, verificationState } from "~/directory/listing-edit-verified";

const base: ListingSnapshotInput = {
  name: "Laptop loans at Park Wood",
  description: "Borrow a laptop for six months.",
  categories: ["device-loan"],
  how_to_access: "appointment",
  attending: ["in-person"],
  accepts_self_referral: true,
  free: true,
  phone: "01632 960701",
  hours: [{ day: "MO", opens: "10:00", closes: "13:00" }],
  address_1: "Park Wood Community Hub",
  city: "Maidstone",
  postcode: "me15 9xx",
};

function snapshot(overrides: Partial<ListingSnapshotInput> = {}): ListingSnapshot {
  return listingSnapshotSchema.parse({ ...base, ...overrides });
}

function errorsOf(overrides: Partial<ListingSnapshotInput>): Record<string, string> {
  const result = listingSnapshotSchema.safeParse({ ...base, ...overrides });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("listing snapshot schema", () => {
  it("tidies what people type: postcode, blank optional fields, web address without a scheme, languages", () => {
    const s = snapshot({ eligibility: "   ", url: "connectkent.example.org", email: "Help@Example.ORG", languages: "English, Polish, ,English" as unknown as string[] });
    expect(s.postcode).toBe("ME15 9XX");
    expect(s.eligibility).toBeNull();
    expect(s.url).toBe("https://connectkent.example.org");
    expect(s.email).toBe("help@example.org");
    expect(s.languages).toEqual(["English", "Polish"]);
    expect(s.latitude).toBeNull();
  });

  it("reads yes/no and ages from form strings", () => {
    const s = snapshot({ accepts_self_referral: "no" as unknown as boolean, minimum_age: "16" as unknown as number, maximum_age: "" as unknown as number });
    expect(s.accepts_self_referral).toBe(false);
    expect(s.minimum_age).toBe(16);
    expect(s.maximum_age).toBeNull();
  });

  it("sorts opening hours Monday first so the same hours always compare equal", () => {
    const s = snapshot({ hours: [{ day: "WE", opens: "9:00", closes: "12:00" }, { day: "MO", opens: "14:00", closes: "16:00" }, { day: "MO", opens: "09:00", closes: "12:00" }] });
    expect(s.hours).toEqual([
      { day: "MO", opens: "09:00", closes: "12:00" },
      { day: "MO", opens: "14:00", closes: "16:00" },
      { day: "WE", opens: "09:00", closes: "12:00" },
    ]);
  });

  it("names the field at fault in plain English", () => {
    expect(errorsOf({ name: "" })).toEqual({ name: "Enter the name of the service" });
    expect(errorsOf({ categories: [] })).toEqual({ categories: "Choose at least one category" });
    expect(errorsOf({ categories: ["not-a-category" as never] })).toEqual({ "categories.0": "Choose categories from the list" });
    expect(errorsOf({ postcode: "ME15" })).toEqual({ postcode: "Enter a real postcode, like ME14 1LE" });
    expect(errorsOf({ phone: "12345" })).toEqual({ phone: "Enter a UK phone number, like 01632 960 001" });
    expect(errorsOf({ email: "not an email" })).toEqual({ email: "Enter an email address in the correct format, like name@example.org" });
    expect(errorsOf({ hours: [{ day: "MO", opens: "13:00", closes: "10:00" }] })).toEqual({ "hours.0.closes": "The closing time must be after the opening time" });
    expect(errorsOf({ hours: [{ day: "XX" as never, opens: "25:00", closes: "10:00" }] })).toMatchObject({ "hours.0.day": "Choose a day", "hours.0.opens": expect.stringContaining("24-hour") });
    expect(errorsOf({ name: "x".repeat(121) })).toEqual({ name: "Name must be 120 characters or fewer" });
  });

  it("checks fields against each other", () => {
    expect(errorsOf({ address_1: "", city: "", postcode: "" })).toMatchObject({
      address_1: "Enter the first line of the address where people go",
      city: "Enter the town or city",
      postcode: "Enter the postcode, like ME14 1LE",
    });
    expect(errorsOf({ attending: ["online"], address_1: "", city: "", postcode: "", accessibility: "Step-free" })).toEqual({
      accessibility: "Accessibility describes a place: add an address, or leave this blank",
    });
    expect(errorsOf({ minimum_age: 18, maximum_age: 16 })).toEqual({ maximum_age: "Maximum age must not be below the minimum age" });
    expect(errorsOf({ phone: "" })).toEqual({ phone: "Give at least one way to get in touch: a phone number, email address or website" });
    expect(errorsOf({ free: false })).toEqual({ fees: "Say what the service costs" });
    expect(errorsOf({ free: false, fees: "Free for tenants" })).toHaveProperty("fees");
  });

  it("lets an online service go without an address", () => {
    expect(errorsOf({ attending: ["online", "phone"], address_1: "", city: "", postcode: "" })).toEqual({});
  });
});

describe("fees description", () => {
  it("starts with Free exactly when the service is free, as search reads it", () => {
    expect(feesDescriptionFor({ free: true, fees: null })).toBe("Free");
    expect(feesDescriptionFor({ free: true, fees: "Printing 10p a page" })).toBe("Free. Printing 10p a page");
    expect(feesDescriptionFor({ free: true, fees: "Free to use" })).toBe("Free to use");
    expect(feesDescriptionFor({ free: false, fees: "£5 a session" })).toBe("£5 a session");
  });
});

describe("diffListings", () => {
  it("lists only the fields that changed, in form order, as people read them", () => {
    const before = snapshot();
    const after = snapshot({
      description: "Borrow a laptop or tablet for six months.",
      categories: ["device-loan", "free-data"],
      accepts_self_referral: false,
      hours: [{ day: "MO", opens: "10:00", closes: "13:00" }, { day: "TH", opens: "14:00", closes: "16:00" }],
    });
    const diff = diffListings(before, after, { categoryName: (id) => ({ "device-loan": "Device loan or gift", "free-data": "Free SIM or data" })[id as string] ?? id });
    expect(diff).toEqual([
      { field: "description", label: "Description", before: "Borrow a laptop for six months.", after: "Borrow a laptop or tablet for six months." },
      { field: "categories", label: "Categories", before: "Device loan or gift", after: "Device loan or gift, Free SIM or data" },
      { field: "accepts_self_referral", label: "People can refer themselves", before: "Yes", after: "No" },
      { field: "hours", label: "Opening hours", before: "Monday 10:00 to 13:00", after: "Monday 10:00 to 13:00; Thursday 14:00 to 16:00" },
    ]);
  });

  it("finds nothing when the same hours are given in another order", () => {
    const a = snapshot({ hours: [{ day: "TU", opens: "09:00", closes: "10:00" }, { day: "MO", opens: "09:00", closes: "10:00" }] });
    const b = snapshot({ hours: [{ day: "MO", opens: "09:00", closes: "10:00" }, { day: "TU", opens: "09:00", closes: "10:00" }] });
    expect(diffListings(a, b)).toEqual([]);
  });

  it("shows every filled field of a proposed new listing with nothing before", () => {
    const diff = diffListings(null, snapshot());
    expect(diff.map((d) => d.field)).toEqual(["name", "description", "categories", "how_to_access", "attending", "accepts_self_referral", "free", "phone", "hours", "address_1", "city", "postcode"]);
    expect(diff.every((d) => d.before === "")).toBe(true);
    expect(diff.find((d) => d.field === "attending")?.after).toBe("In person");
  });
});

describe("stored snapshots", () => {
  it("round-trips through JSON", () => {
    const s = snapshot({ latitude: 51.25, longitude: 0.55 } as Partial<ListingSnapshotInput>);
    expect(readSnapshot(JSON.stringify(s))).toEqual(s);
  });

  it("keeps stored values that break today's rules so the editor can put them right", () => {
    const s = storedSnapshot({ ...base, phone: "ring reception", email: null, url: null, name: "x".repeat(130) });
    expect(s.phone).toBe("ring reception");
    expect(s.name).toHaveLength(130);
    expect(s.postcode).toBe("ME15 9XX");
  });
});

describe("verificationState", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  it("is verified within six months, needs review after, out of date after twelve or never", () => {
    expect(verificationState("2026-06-01", now)).toBe("verified");
    expect(verificationState("2026-05-01", now)).toBe("needs-review");
    expect(verificationState("2025-11-01", now)).toBe("out-of-date");
    expect(verificationState(null, now)).toBe("out-of-date");
  });
});

describe("assuredDateFor", () => {
  it("is the day it is in the UK, so a check just after midnight in summer counts for the new day", () => {
    expect(assuredDateFor(new Date("2026-07-01T23:30:00Z"))).toBe("2026-07-02");
    expect(assuredDateFor(new Date("2026-12-01T23:30:00Z"))).toBe("2026-12-01");
  });
});

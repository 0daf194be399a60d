import { describe, expect, it } from "vitest";
import { hoursFieldName, hoursRowCount, listingFormValues, orderedListingErrors, parseListingForm } from "~/directory/listing-edit-form";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}

const filled = {
  name: "Drop-in help at Shepway Library",
  description: "Bring your phone or use ours.",
  categories: ["drop-in-help", "public-computers"],
  how_to_access: "drop-in",
  attending: ["in-person"],
  accepts_self_referral: "yes",
  free: "yes",
  phone: "01632 960402",
  address_1: "Shepway Library",
  city: "Maidstone",
  postcode: "ME15 8LS",
  "hours-0-day": "WE",
  "hours-0-opens": "14:00",
  "hours-0-closes": "16:00",
  "hours-1-day": "",
  "hours-1-opens": "",
  "hours-1-closes": "",
};

describe("parseListingForm", () => {
  it("makes a snapshot, skipping blank spare rows of hours", () => {
    const result = parseListingForm(form(filled));
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.hours).toEqual([{ day: "WE", opens: "14:00", closes: "16:00" }]);
    expect(result.data.categories).toEqual(["drop-in-help", "public-computers"]);
    expect(result.data.accepts_self_referral).toBe(true);
  });

  it("reports an error in a row of hours against that row's own field, after blank rows", () => {
    const result = parseListingForm(form({ ...filled, "hours-0-day": "", "hours-0-opens": "", "hours-0-closes": "", "hours-2-day": "TH", "hours-2-opens": "15:00", "hours-2-closes": "09:00" }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual({ "hours-2-closes": "The closing time must be after the opening time" });
    expect(result.values["hours-2-opens"]).toBe("15:00");
  });

  it("asks for a choice when no checkbox is ticked, and keeps what was typed", () => {
    const { categories: _c, attending: _a, ...rest } = filled;
    const result = parseListingForm(form({ ...rest, name: "" }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toMatchObject({ name: "Enter the name of the service", categories: "Choose at least one category", attending: "Choose at least one way people can use the service" });
    expect(result.values.description).toBe(filled.description);
    expect(result.values.categories).toEqual([]);
  });

  it("turns a forged value into a message, not a crash", () => {
    const result = parseListingForm(form({ ...filled, how_to_access: "teleport", categories: ["device-loan", "<script>"] }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toMatchObject({ how_to_access: "Choose how people get the service", categories: "Choose categories from the list" });
  });
});

describe("listingFormValues", () => {
  it("fills the form from a snapshot so that submitting it unchanged gives the same snapshot", () => {
    const first = parseListingForm(form(filled));
    if (!first.success) throw new Error("fixture should be valid");
    const again = parseListingForm(form(listingFormValues(first.data)));
    expect(again).toEqual(first);
  });

  it("draws the filled rows of hours plus three spare ones", () => {
    expect(hoursRowCount({ [hoursFieldName(0, "day")]: "MO", [hoursFieldName(1, "opens")]: "09:00" })).toBe(5);
    expect(hoursRowCount({})).toBe(3);
  });
});

describe("orderedListingErrors", () => {
  it("lists errors in the order of the form, rows of hours in row order", () => {
    const ordered = orderedListingErrors({ postcode: "p", "hours-10-day": "h10", name: "n", "hours-2-opens": "h2" });
    expect(Object.keys(ordered)).toEqual(["name", "hours-2-opens", "hours-10-day", "postcode"]);
  });
});

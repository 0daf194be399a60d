import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { consentAnswerSchema } from "~/referrals/consent";
import {
  needsStepSchema,
  personStepSchema,
  postcodeShortenedMessage,
  reasonsStepSchema,
  serviceStepSchema,
} from "~/referrals/referral-form";

/** The first message for each field, as the page shows them. */
function errors(schema: z.ZodTypeAny, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

const SCRIPT = "<script>alert('x')</script>";

describe("service step", () => {
  it("takes a service id", () => {
    expect(serviceStepSchema.parse({ serviceId: " svc-maidstone-1 " })).toEqual({ serviceId: "svc-maidstone-1" });
  });

  it.each([
    [{}, "Choose the service you are referring to"],
    [{ serviceId: "" }, "Choose the service you are referring to"],
    [{ serviceId: ["a", "b"] }, "Choose the service you are referring to"],
    [{ serviceId: "x".repeat(101) }, "Choose a service from the list"],
    [{ serviceId: SCRIPT }, "Choose a service from the list"],
    [{ serviceId: "../../etc/passwd" }, "Choose a service from the list"],
  ])("refuses %o", (input, message) => {
    expect(errors(serviceStepSchema, input)).toEqual({ serviceId: message });
  });
});

describe("reasons step", () => {
  it("takes barriers and goals from the shared lists, one or many, without repeats", () => {
    expect(reasonsStepSchema.parse({ barriers: "device", goals: ["job-search", "job-search", "banking"] })).toEqual({
      barriers: ["device"],
      goals: ["job-search", "banking"],
      reasonNote: null,
    });
  });

  it("takes a note on its own", () => {
    expect(reasonsStepSchema.parse({ reasonNote: "Wants to video call her grandchildren" }).reasonNote).toBe("Wants to video call her grandchildren");
  });

  it.each([
    [{}, { barriers: "Choose at least one reason for the referral, or say why in your own words" }],
    [{ barriers: ["device", "telepathy"] }, { barriers: "Choose reasons from the list" }],
    [{ goals: "world-domination" }, { goals: "Choose reasons from the list" }],
    [{ barriers: "skills", reasonNote: "a".repeat(501) }, { reasonNote: "What else the service should know about why must be 500 characters or fewer" }],
    [{ barriers: "skills", reasonNote: SCRIPT }, { reasonNote: expect.stringContaining("must be plain words") }],
  ])("refuses %o", (input, expected) => {
    expect(errors(reasonsStepSchema, input)).toEqual(expected);
  });
});

describe("person step", () => {
  const base = { personName: "Sam", contactMethod: "phone", phone: "01632 960 001", bestTimes: "", postcode: "" };

  it("keeps only the detail for the method chosen", () => {
    const person = personStepSchema.parse({ ...base, mobile: "07700 900 982", email: "sam@example.com" });
    expect(person).toEqual({
      personName: "Sam",
      contactMethod: "phone",
      contactDetail: "01632960001",
      bestTimes: null,
      outwardCode: null,
      postcodeShortened: false,
    });
  });

  it.each([
    [{ contactMethod: "text", mobile: "+44 7700 900982" }, "07700900982"],
    [{ contactMethod: "email", email: " Sam.Jones@example.com " }, "Sam.Jones@example.com"],
    [{ contactMethod: "letter", addressLine: "12 Week Street", addressPostcode: "me14 1ab" }, "12 Week Street, ME14 1AB"],
    [{ contactMethod: "through-champion" }, null],
  ])("stores %o as %s", (input, detail) => {
    expect(personStepSchema.parse({ ...base, phone: "", ...input }).contactDetail).toBe(detail);
  });

  it("accepts names with hyphens, apostrophes, accents and initials", () => {
    for (const name of ["Mary-Jane", "O'Neill", "Zoë", "J S", "Siobhán", "D’Arcy"]) {
      expect(personStepSchema.parse({ ...base, personName: name }).personName).toBe(name);
    }
  });

  it("keeps only the outward part of a full postcode and says so", () => {
    const person = personStepSchema.parse({ ...base, postcode: "me14 1ab" });
    expect(person).toMatchObject({ outwardCode: "ME14", postcodeShortened: true });
    expect(postcodeShortenedMessage("ME14")).toMatch(/^We kept only ME14, the first part of the postcode/);
    expect(personStepSchema.parse({ ...base, postcode: "CT9" })).toMatchObject({ outwardCode: "CT9", postcodeShortened: false });
  });

  it("takes the area from a letter's postcode when the area question is blank, without saying it was shortened", () => {
    const person = personStepSchema.parse({ ...base, contactMethod: "letter", addressLine: "1 High St", addressPostcode: "CT9 1AB" });
    expect(person).toMatchObject({ outwardCode: "CT9", postcodeShortened: false });
  });

  it.each([
    [{ personName: "" }, { personName: "Enter their first name or initials" }],
    [{ personName: "A".repeat(41) }, { personName: "First name or initials must be 40 characters or fewer" }],
    [{ personName: "Sam 2" }, { personName: "First name or initials must only include letters, spaces, hyphens and apostrophes" }],
    [{ personName: SCRIPT }, { personName: "First name or initials must only include letters, spaces, hyphens and apostrophes" }],
    [{ contactMethod: "" }, { contactMethod: "Choose how they would like to be contacted" }],
    [{ contactMethod: "carrier-pigeon" }, { contactMethod: "Choose how they would like to be contacted" }],
    [{ phone: "" }, { phone: "Enter a phone number" }],
    [{ phone: "555-0100" }, { phone: "Enter a UK phone number, like 01632 960 001 or 07700 900 982" }],
    [{ contactMethod: "text", mobile: "" }, { mobile: "Enter a mobile number for text messages" }],
    [{ contactMethod: "text", mobile: "01632 960001" }, { mobile: "Enter a UK mobile number, like 07700 900 982" }],
    [{ contactMethod: "email", email: "" }, { email: "Enter an email address" }],
    [{ contactMethod: "email", email: "sam@" }, { email: "Enter an email address in the correct format, like name@example.com" }],
    [{ contactMethod: "email", email: `${"a".repeat(250)}@example.com` }, { email: "Enter an email address in the correct format, like name@example.com" }],
    [{ contactMethod: "email", email: `"<script>"@example.com` }, { email: "Enter an email address in the correct format, like name@example.com" }],
    [
      { contactMethod: "letter" },
      { addressLine: "Enter the first line of their address", addressPostcode: "Enter the postcode for the letter" },
    ],
    [
      { contactMethod: "letter", addressLine: SCRIPT, addressPostcode: "ME14" },
      {
        addressLine: "The first line of the address must only include letters, numbers, spaces and , . ' / & ( ) -",
        addressPostcode: "Enter a full postcode, like ME14 1AB",
      },
    ],
    [{ contactMethod: "letter", addressLine: "1".repeat(101), addressPostcode: "ME14 1AB" }, { addressLine: "The first line of the address must be 100 characters or fewer" }],
    [{ bestTimes: "a".repeat(101) }, { bestTimes: "Best times to contact them must be 100 characters or fewer" }],
    [{ bestTimes: SCRIPT }, { bestTimes: expect.stringContaining("must be plain words") }],
    [{ postcode: "Maidstone" }, { postcode: "Enter the first part of their postcode, like ME14" }],
  ])("refuses %o", (input, expected) => {
    expect(errors(personStepSchema, { ...base, ...input })).toEqual(expected);
  });

  it("reports every wrong field at once", () => {
    expect(Object.keys(errors(personStepSchema, { ...base, personName: "", phone: "x", postcode: "x" })).sort()).toEqual(["personName", "phone", "postcode"]);
  });
});

describe("needs step", () => {
  it("takes access needs, a language and no safeguarding concern", () => {
    expect(needsStepSchema.parse({ accessNeeds: "Uses a wheelchair.\nNeeds large print.", language: "British Sign Language (BSL)", safeguarding: "no", safeguardingNote: "ignored" })).toEqual({
      accessNeeds: "Uses a wheelchair.\nNeeds large print.",
      language: "British Sign Language (BSL)",
      safeguarding: false,
      safeguardingNote: null,
    });
  });

  it("keeps the note when there is a safeguarding concern", () => {
    expect(needsStepSchema.parse({ safeguarding: "yes", safeguardingNote: "Worried about financial abuse" })).toMatchObject({
      safeguarding: true,
      safeguardingNote: "Worried about financial abuse",
    });
  });

  it.each([
    [{}, { safeguarding: "Select yes if you have a safeguarding concern about this person" }],
    [{ safeguarding: "maybe" }, { safeguarding: "Select yes if you have a safeguarding concern about this person" }],
    [{ safeguarding: "yes" }, { safeguardingNote: "Describe the safeguarding concern" }],
    [{ safeguarding: "yes", safeguardingNote: "a".repeat(501) }, { safeguardingNote: "The safeguarding concern must be 500 characters or fewer" }],
    [{ safeguarding: "no", accessNeeds: "a".repeat(501) }, { accessNeeds: "Access needs must be 500 characters or fewer" }],
    [{ safeguarding: "no", accessNeeds: SCRIPT }, { accessNeeds: expect.stringContaining("must be plain words") }],
    [{ safeguarding: "no", language: "Polish; DROP TABLE referrals" }, { language: expect.stringMatching(/^Language must only include letters/) }],
    [{ safeguarding: "no", language: "a".repeat(61) }, { language: "Language must be 60 characters or fewer" }],
  ])("refuses %o", (input, expected) => {
    expect(errors(needsStepSchema, input)).toEqual(expected);
  });
});

describe("consent step (the answer the consent page parses)", () => {
  it("records how consent was given", () => {
    expect(consentAnswerSchema.parse({ consent: "yes", consentMethod: "in-person" })).toEqual({ consentGiven: true, consentMethod: "in-person" });
  });

  it("keeps nothing else when consent is refused", () => {
    expect(consentAnswerSchema.parse({ consent: "no", consentMethod: "phone" })).toEqual({ consentGiven: false, consentMethod: null });
  });

  it.each([
    [{}, { consent: "Select yes if they agree to the referral, or no if they do not" }],
    [{ consent: "true" }, { consent: "Select yes if they agree to the referral, or no if they do not" }],
    [{ consent: "yes" }, { consentMethod: "Select how they gave their consent" }],
    [{ consent: "yes", consentMethod: "telepathy" }, { consentMethod: "Select how they gave their consent" }],
    [{ consent: "yes", consentMethod: SCRIPT }, { consentMethod: "Select how they gave their consent" }],
  ])("refuses %o", (input, expected) => {
    expect(errors(consentAnswerSchema, input)).toEqual(expected);
  });
});

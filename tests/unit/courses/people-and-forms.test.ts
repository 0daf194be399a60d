import { describe, expect, it } from "vitest";
import { courseReach } from "~/courses/access";
import { bookingFormSchema, registerFormSchema, walkInFormSchema } from "~/courses/booking-form";
import { sessionFormSchema } from "~/courses/course-form";
import { detailsToAdd, isPersonDueForErasure, matchPerson } from "~/courses/people";

const parse = <T>(schema: { safeParse: (v: unknown) => T }, v: unknown) => schema.safeParse(v);

describe("finding a person again", () => {
  const people = [
    { id: "a", triage_reference: "7KQ3MXP2", phone: null, email: "sam@example.com" },
    { id: "b", triage_reference: null, phone: "07700900111", email: null },
  ];

  it("matches by reference first, then mobile, then email", () => {
    expect(matchPerson({ triageReference: "7KQ3MXP2", phone: "07700900111", email: null }, people)?.id).toBe("a");
    expect(matchPerson({ triageReference: null, phone: "07700900111", email: "sam@example.com" }, people)?.id).toBe("b");
    expect(matchPerson({ triageReference: null, phone: null, email: "sam@example.com" }, people)?.id).toBe("a");
    expect(matchPerson({ triageReference: null, phone: null, email: null }, people)).toBeNull();
  });

  it("adds only details the person lacks and nobody else holds", () => {
    expect(detailsToAdd(people[0], { triageReference: "OTHER", phone: "07700900111", email: "new@example.com" }, new Set(["07700900111"]))).toEqual({});
    expect(detailsToAdd(people[1], { triageReference: "R1", phone: "07700900111", email: "b@example.com" }, new Set())).toEqual({ triage_reference: "R1", email: "b@example.com" });
  });

  it("is due for erasure the set months after their last session day, once", () => {
    const person = { last_seen_on: "2027-01-31", personal_data_erased_at: null };
    expect(isPersonDueForErasure(person, new Date("2027-07-30T12:00:00Z"), 6)).toBe(false);
    expect(isPersonDueForErasure(person, new Date("2027-08-01T00:00:00Z"), 6)).toBe(true);
    expect(isPersonDueForErasure({ ...person, personal_data_erased_at: "2027-08-01" }, new Date("2028-01-01"), 6)).toBe(false);
  });
});

describe("forms", () => {
  it("refuses a session that ends before it starts, or has no place", () => {
    const result = parse(sessionFormSchema, { date: "2027-02-30", startsAt: "12:00", endsAt: "10:00", where: "place", place: "", capacity: "0", weeks: "13" });
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["date", "endsAt", "place", "capacity", "weeks"]));
    expect(sessionFormSchema.parse({ date: "2027-01-11", startsAt: "10:00", endsAt: "12:00", where: "bus", capacity: "8", weeks: "5" })).toMatchObject({ capacity: 8, weeks: 5 });
    // A missing choice and a word for a number do not hide the other problems.
    const all = sessionFormSchema.safeParse({ date: "2027-01-11", startsAt: "12:00", endsAt: "10:00", capacity: "lots", weeks: "5" });
    expect(all.error?.issues.map((i) => i.path[0])).toEqual(["where", "capacity", "endsAt"]);
    const booking = bookingFormSchema.safeParse({ name: "", phone: "123", email: "" });
    expect(booking.error?.issues.map((i) => i.path[0])).toEqual(["name", "sendBy", "consent", "phone"]);
  });

  it("needs consent, and the contact for the way the dates are sent", () => {
    const refused = bookingFormSchema.safeParse({ name: "Sam", phone: "", email: "", sendBy: "sms" });
    expect(refused.success ? [] : refused.error.issues.map((i) => i.path[0])).toEqual(["consent", "phone"]);
    expect(walkInFormSchema.safeParse({ name: "", contact: "" }).error?.issues.map((i) => i.path[0])).toEqual(["name", "consent"]);
    const booked = bookingFormSchema.parse({ name: " Sam ", phone: "+44 7700 900111", email: "Sam@Example.com", sendBy: "sms", consent: "yes" });
    expect(booked).toMatchObject({ name: "Sam", phone: "07700900111", email: "sam@example.com" });
  });

  it("reads a walk-in's contact as a mobile or an email", () => {
    expect(walkInFormSchema.parse({ name: "Jo", contact: "07700 900 222", consent: "yes" })).toEqual({ name: "Jo", phone: "07700900222", email: null });
    expect(walkInFormSchema.parse({ name: "Jo", contact: "Jo@example.com", consent: "yes" })).toEqual({ name: "Jo", phone: null, email: "jo@example.com" });
    expect(walkInFormSchema.parse({ name: "Jo", contact: "", consent: "yes" })).toEqual({ name: "Jo", phone: null, email: null });
    expect(walkInFormSchema.safeParse({ name: "Jo", contact: "0123", consent: "yes" }).success).toBe(false);
  });

  it("marks everyone on the register in one go, refusing people not on it", () => {
    const schema = registerFormSchema(["p1", "p2"]);
    expect(schema.parse({ attended: ["p2"], "note-p2": "Set up email", "note-p1": "" })).toEqual([
      { personId: "p1", attended: false, note: null },
      { personId: "p2", attended: true, note: "Set up email" },
    ]);
    expect(schema.safeParse({ attended: ["p3"] }).success).toBe(false);
  });
});

describe("course reach", () => {
  const user = (role: "champion" | "provider" | "coordinator" | "admin") => ({ id: "u", role, organisationId: "org", areaIds: ["area"] });

  it("is the organisation's for a provider, the areas for a coordinator, everything for an admin and nothing for a champion", () => {
    expect(courseReach(user("provider"))).toEqual({ all: false, organisationId: "org", areaIds: [] });
    expect(courseReach(user("coordinator"))).toEqual({ all: false, organisationId: null, areaIds: ["area"] });
    expect(courseReach(user("admin")).all).toBe(true);
    expect(courseReach(user("champion"))).toEqual({ all: false, organisationId: null, areaIds: [] });
  });
});

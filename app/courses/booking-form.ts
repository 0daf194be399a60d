import { z } from "zod";
import { normaliseEmail, normalisePhone } from "./people";
import { SEND_DATES_BY, type SendDatesBy } from "./courses";

const emailShape = z.string().email();
// Checked with the other rules rather than by the shape, so a missing tick is reported with every other problem at once.
const consent = z.string().optional();
const CONSENT_MESSAGE = "The person must agree before you can record their details";

/** Booking a person onto a course: who, how to send them the dates, and their consent. */
export const bookingFormSchema = z
  .object({
    name: z.string().trim().min(1, "Enter the person’s name").max(100, "Name must be 100 characters or fewer"),
    phone: z.string().trim().max(30, "Enter a UK mobile number, like 07700 900 982").optional().default(""),
    email: z.string().trim().max(320, "Email address must be 320 characters or fewer").optional().default(""),
    // A refine, not an enum: a missing choice must not hide the other problems.
    sendBy: z.string().optional().default("").refine((v) => (SEND_DATES_BY as readonly string[]).includes(v), "Choose how to send them the dates"),
    consent,
  })
  .superRefine((form, ctx) => {
    if (form.consent !== "yes") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["consent"], message: CONSENT_MESSAGE });
    if (form.phone !== "" && normalisePhone(form.phone) === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["phone"], message: "Enter a UK mobile number, like 07700 900 982" });
    if (form.email !== "" && !emailShape.safeParse(form.email).success) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["email"], message: "Enter an email address in the correct format, like name@example.com" });
    if (form.sendBy === "sms" && form.phone === "") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["phone"], message: "Enter their mobile number to send the dates by text" });
    if (form.sendBy === "email" && form.email === "") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["email"], message: "Enter their email address to send the dates by email" });
  })
  .transform((form) => ({ name: form.name, sendBy: form.sendBy as SendDatesBy, phone: normalisePhone(form.phone), email: normaliseEmail(form.email) }));
export type BookingForm = z.output<typeof bookingFormSchema>;

/** A walk-in on the register: a name, and a mobile or email if they want to give one. */
export const walkInFormSchema = z
  .object({
    name: z.string().trim().min(1, "Enter the name of the person who walked in").max(100, "Name must be 100 characters or fewer"),
    contact: z.string().trim().max(320, "Contact must be 320 characters or fewer").optional().default(""),
    consent,
  })
  .superRefine((form, ctx) => {
    if (form.consent !== "yes") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["consent"], message: CONSENT_MESSAGE });
    if (form.contact === "") return;
    const valid = form.contact.includes("@") ? emailShape.safeParse(form.contact).success : normalisePhone(form.contact) !== null;
    if (!valid) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["contact"], message: "Enter a UK mobile number or an email address, or leave it empty" });
  })
  .transform((form) => ({
    name: form.name,
    phone: form.contact.includes("@") ? null : normalisePhone(form.contact),
    email: form.contact.includes("@") ? normaliseEmail(form.contact) : null,
  }));
export type WalkInForm = z.output<typeof walkInFormSchema>;

export const NOTE_MAX = 300;

/** The register form for these people: who came (ticked) and a short note on each. */
export function registerFormSchema(personIds: readonly string[]) {
  const ids = new Set(personIds);
  const notes = Object.fromEntries(personIds.map((id) => [`note-${id}`, z.string().trim().max(NOTE_MAX, `Notes must be ${NOTE_MAX} characters or fewer`).optional().default("")]));
  return z.object({
    attended: z.array(z.string().refine((id) => ids.has(id), "Tick people from the register")),
    ...notes,
  }).transform((form) => {
    const values = form as Record<string, unknown>;
    return personIds.map((id) => ({ personId: id, attended: form.attended.includes(id), note: (values[`note-${id}`] as string) || null }));
  });
}

/**
 * The steps of making a referral, one zod schema per page. Each takes the posted form fields
 * (strings, or lists for checkboxes) and gives back clean values ready to store. Messages follow
 * the GOV.UK pattern: say what to do, in plain words, next to the field at fault.
 *
 * Only the contact detail for the method chosen is kept; the others are dropped even if typed.
 */
import { z } from "zod";
import type { ConsentMethod, ContactMethod } from "~db/schema/referrals";
import { BARRIER_IDS, GOAL_IDS } from "~/lib/frameworks";
import { normaliseFullPostcode, normaliseUkMobile, normaliseUkPhone, outwardCodeOf } from "./contact-details";
import { asText, asTextList, cleanLine, optionalText } from "./text-fields";

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  phone: "Phone call",
  text: "Text message",
  email: "Email",
  letter: "Letter",
  "through-champion": "Through me (the person making this referral)",
};
export const CONTACT_METHOD_IDS = Object.keys(CONTACT_METHOD_LABELS) as [ContactMethod, ...ContactMethod[]];

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  "in-person": "In person",
  phone: "On the phone",
  online: "Online",
};
export const CONSENT_METHOD_IDS = Object.keys(CONSENT_METHOD_LABELS) as [ConsentMethod, ...ConsentMethod[]];

export const LIMITS = {
  reasonNote: 500,
  personName: 40,
  email: 254,
  addressLine: 100,
  bestTimes: 100,
  accessNeeds: 500,
  language: 60,
  safeguardingNote: 500,
} as const;

const line = (value: unknown) => cleanLine(asText(value));

function choice<T extends string>(ids: readonly [T, ...T[]], message: string) {
  return z.preprocess(line, z.enum(ids, { errorMap: () => ({ message }) }));
}

const yesNo = (message: string) => choice(["yes", "no"], message).transform((answer) => answer === "yes");

function addIssue(ctx: z.RefinementCtx, field: string, message: string): void {
  ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
}

export const serviceStepSchema = z.object({
  serviceId: z.preprocess(
    line,
    z
      .string()
      .min(1, "Choose the service you are referring to")
      .max(100, "Choose a service from the list")
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, "Choose a service from the list"),
  ),
});

const reasonList = <T extends string>(ids: readonly [T, ...T[]]) =>
  z
    .preprocess(asTextList, z.array(z.enum(ids, { errorMap: () => ({ message: "Choose reasons from the list" }) })))
    .transform((list) => [...new Set(list)]);

export const reasonsStepSchema = z
  .object({
    barriers: reasonList(BARRIER_IDS),
    goals: reasonList(GOAL_IDS),
    reasonNote: optionalText({ name: "What else the service should know about why", max: LIMITS.reasonNote, multiline: true }),
  })
  .superRefine((step, ctx) => {
    if (step.barriers.length === 0 && step.goals.length === 0 && !step.reasonNote) {
      addIssue(ctx, "barriers", "Choose at least one reason for the referral, or say why in your own words");
    }
  });

const NAME = /^[\p{L}\p{M}]+(?:[ '’-]+[\p{L}\p{M}]+)*[’']?$/u;
const LANGUAGE = /^[\p{L}\p{M}]+(?:[ ,'’()/-]+[\p{L}\p{M}]+)*\)?$/u;

export const personStepSchema = z
  .object({
    personName: z.preprocess(
      line,
      z
        .string()
        .min(1, "Enter their first name or initials")
        .max(LIMITS.personName, `First name or initials must be ${LIMITS.personName} characters or fewer`)
        .regex(NAME, "First name or initials must only include letters, spaces, hyphens and apostrophes"),
    ),
    contactMethod: choice(CONTACT_METHOD_IDS, "Choose how they would like to be contacted"),
    phone: z.preprocess(line, z.string()),
    mobile: z.preprocess(line, z.string()),
    email: z.preprocess(line, z.string()),
    addressLine: z.preprocess(line, z.string()),
    addressPostcode: z.preprocess(line, z.string()),
    bestTimes: optionalText({ name: "Best times to contact them", max: LIMITS.bestTimes }),
    postcode: z.preprocess(line, z.string()),
  })
  .superRefine((step, ctx) => {
    switch (step.contactMethod) {
      case "phone":
        if (!step.phone) addIssue(ctx, "phone", "Enter a phone number");
        else if (!normaliseUkPhone(step.phone)) addIssue(ctx, "phone", "Enter a UK phone number, like 01632 960 001 or 07700 900 982");
        break;
      case "text":
        if (!step.mobile) addIssue(ctx, "mobile", "Enter a mobile number for text messages");
        else if (!normaliseUkMobile(step.mobile)) addIssue(ctx, "mobile", "Enter a UK mobile number, like 07700 900 982");
        break;
      case "email":
        if (!step.email) addIssue(ctx, "email", "Enter an email address");
        else if (step.email.length > LIMITS.email || !z.string().email().safeParse(step.email).success) {
          addIssue(ctx, "email", "Enter an email address in the correct format, like name@example.com");
        }
        break;
      case "letter":
        if (!step.addressLine) addIssue(ctx, "addressLine", "Enter the first line of their address");
        else if (step.addressLine.length > LIMITS.addressLine) {
          addIssue(ctx, "addressLine", `The first line of the address must be ${LIMITS.addressLine} characters or fewer`);
        } else if (!/^[\p{L}\p{M}\p{N} ,.'’/&()-]+$/u.test(step.addressLine)) {
          addIssue(ctx, "addressLine", "The first line of the address must only include letters, numbers, spaces and , . ' / & ( ) -");
        }
        if (!step.addressPostcode) addIssue(ctx, "addressPostcode", "Enter the postcode for the letter");
        else if (!normaliseFullPostcode(step.addressPostcode)) addIssue(ctx, "addressPostcode", "Enter a full postcode, like ME14 1AB");
        break;
      case "through-champion":
        break;
    }
    if (step.postcode && !outwardCodeOf(step.postcode)) {
      addIssue(ctx, "postcode", "Enter the first part of their postcode, like ME14");
    }
  })
  .transform((step) => {
    const detail: Record<ContactMethod, string | null> = {
      phone: normaliseUkPhone(step.phone),
      text: normaliseUkMobile(step.mobile),
      email: step.email,
      letter: `${step.addressLine}, ${normaliseFullPostcode(step.addressPostcode)}`,
      "through-champion": null,
    };
    // A letter's postcode already says the area; use it when the area question was left blank.
    const area = outwardCodeOf(step.postcode || (step.contactMethod === "letter" ? step.addressPostcode : ""));
    return {
      personName: step.personName,
      contactMethod: step.contactMethod,
      contactDetail: detail[step.contactMethod],
      bestTimes: step.bestTimes,
      outwardCode: area?.outwardCode ?? null,
      postcodeShortened: Boolean(step.postcode) && (area?.shortened ?? false),
    };
  });

/** Shown after the person step when a full postcode was typed into the area question. */
export function postcodeShortenedMessage(outwardCode: string): string {
  return `We kept only ${outwardCode}, the first part of the postcode. It is enough to find help nearby and keeps their address private.`;
}

export const needsStepSchema = z
  .object({
    accessNeeds: optionalText({ name: "Access needs", max: LIMITS.accessNeeds, multiline: true }),
    language: optionalText({ name: "Language", max: LIMITS.language }).refine(
      (value) => value === null || LANGUAGE.test(value),
      "Language must only include letters, spaces and brackets, like Polish or British Sign Language (BSL)",
    ),
    safeguarding: yesNo("Select yes if you have a safeguarding concern about this person"),
    safeguardingNote: optionalText({ name: "The safeguarding concern", max: LIMITS.safeguardingNote, multiline: true }),
  })
  .superRefine((step, ctx) => {
    if (step.safeguarding && !step.safeguardingNote) addIssue(ctx, "safeguardingNote", "Describe the safeguarding concern");
  })
  .transform((step) => ({ ...step, safeguardingNote: step.safeguarding ? step.safeguardingNote : null }));

export type ServiceStep = z.infer<typeof serviceStepSchema>;
export type ReasonsStep = z.infer<typeof reasonsStepSchema>;
export type PersonStep = z.infer<typeof personStepSchema>;
export type NeedsStep = z.infer<typeof needsStepSchema>;

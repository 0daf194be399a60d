/**
 * The consent question as a champion asks it. The person's answer is recorded with who asked
 * (the signed-in user, taken from the session rather than typed), how it was given and when; the
 * page says in plain words what will be shared, with whom and for how long.
 */
import { z } from "zod";
import type { ConsentMethod } from "~db/schema/referrals";
import { CONSENT_METHOD_IDS } from "./referral-form";
import { asText, cleanLine } from "./text-fields";

const line = (value: unknown) => cleanLine(asText(value));

export const consentAnswerSchema = z
  .object({
    consent: z.preprocess(line, z.enum(["yes", "no"], { errorMap: () => ({ message: "Select yes if they agree to the referral, or no if they do not" }) })),
    consentMethod: z.preprocess(line, z.string()),
  })
  .superRefine((answer, ctx) => {
    if (answer.consent === "yes" && !(CONSENT_METHOD_IDS as readonly string[]).includes(answer.consentMethod)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["consentMethod"], message: "Select how they gave their consent" });
    }
  })
  .transform((answer) =>
    answer.consent === "yes"
      ? { consentGiven: true as const, consentMethod: answer.consentMethod as ConsentMethod }
      : { consentGiven: false as const, consentMethod: null },
  );

export const selfConsentSchema = z.object({
  consent: z.preprocess(line, z.enum(["yes", "no"], { errorMap: () => ({ message: "Select yes if you agree, or no if you do not" }) })),
});

/** What the service is sent, in words said to the person themselves. */
export function sharedDetails(options: { byChampion: boolean }): string[] {
  return [
    "your first name or initials",
    "how to contact you (the phone number, mobile, email or address you choose) and the best times",
    "the first part of your postcode, like ME14",
    ...(options.byChampion
      ? ["why you are being referred, and any notes about it", "any access needs, the language you prefer, and any worry about your safety"]
      : ["what you would like help with, from your check if you did one"]),
  ];
}

export function retentionWording(months: number): string {
  return `${months} month${months === 1 ? "" : "s"}`;
}

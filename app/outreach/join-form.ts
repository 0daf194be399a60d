import { z } from "zod";
import { parsePostcodeInput } from "~/directory/postcodes";
import { normaliseUkMobile } from "~/messaging/message";
import { OUTREACH_CHANNELS } from "./outreach";

/**
 * The sign-up form: how to be told, the number or address, and a box ticked to agree. Nothing
 * is pre-ticked. The postcode is asked only when the check or referral did not give a district.
 */
export const joinFormSchema = z
  .object({
    channel: z.enum(OUTREACH_CHANNELS, { errorMap: () => ({ message: "Choose text message or email" }) }),
    mobile: z.string().max(40).optional().default(""),
    email: z.string().trim().max(320, "Email address must be 320 characters or fewer").optional().default(""),
    postcode: z.string().trim().max(20, "Enter a postcode, like ME14 1LE").optional().default(""),
    agree: z.string().optional().default(""),
  })
  .transform((form, ctx) => {
    let contact = "";
    if (form.channel === "sms") {
      const mobile = normaliseUkMobile(form.mobile);
      if (!mobile) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["mobile"], message: "Enter a UK mobile number, like 07700 900 982" });
      contact = mobile ?? "";
    } else {
      const email = z.string().email().safeParse(form.email);
      if (!email.success) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["email"], message: "Enter an email address, like name@example.com" });
      contact = form.email.toLowerCase();
    }
    let outwardCode: string | null = null;
    if (form.postcode) {
      const parsed = parsePostcodeInput(form.postcode);
      if (parsed.kind === "invalid") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["postcode"], message: "Enter a real postcode, like ME14 1LE, or just the first half, like ME14" });
      else outwardCode = parsed.outwardCode;
    }
    if (form.agree !== "yes") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["agree"], message: "Tick the box to say you want these messages" });
    return { channel: form.channel, contact, outwardCode };
  });

export type JoinForm = z.output<typeof joinFormSchema>;

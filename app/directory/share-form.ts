/**
 * Sending listings to someone by email or text: the form (one schema for the service page's
 * "send" and the shortlist's), and the message, which holds only the listings. The address or
 * number is used once and then forgotten by the outbox (forgetRecipient).
 */
import { z } from "zod";
import { SMS_MAX_LENGTH, normaliseUkMobile } from "~/messaging/message";
import type { ServiceSummary } from "./service-view";

/** The form's error messages in English; other languages translate them in content/i18n (directory, share.errors). */
export const SHARE_ERROR_TEXT = {
  toEmpty: "Enter an email address or a UK mobile number",
  toLong: "That must be 320 characters or fewer",
  consent: "Tick the box to say we may send this message",
  emailFormat: "Enter an email address in the correct format, like name@example.com",
  mobileFormat: "Enter a UK mobile number, like 07700 900 982, or an email address",
  tooMany: "You have sent a lot of messages in the last hour. Try again later.",
  sendFailed: "We could not send this message. Check the details and try again.",
};
export type ShareErrorText = typeof SHARE_ERROR_TEXT;

/**
 * One box for an email address or a UK mobile number, which says which to send: fewer choices
 * for the person, and no conditionally revealed fields (whose aria-expanded axe rejects on radios).
 * The messages are in the page's language, so the schema is made for it.
 */
export function shareSchemaIn(text: ShareErrorText = SHARE_ERROR_TEXT) {
  return z
    .object({
      to: z.string().trim().min(1, text.toEmpty).max(320, text.toLong),
      consent: z.literal("yes", { message: text.consent }),
    })
    .transform((form, ctx) => {
      if (form.to.includes("@")) {
        if (z.string().email().safeParse(form.to).success) return { channel: "email" as const, to: form.to, consent: form.consent };
        ctx.addIssue({ code: "custom", path: ["to"], message: text.emailFormat });
        return z.NEVER;
      }
      const mobile = normaliseUkMobile(form.to);
      if (mobile) return { channel: "sms" as const, to: mobile, consent: form.consent };
      ctx.addIssue({ code: "custom", path: ["to"], message: text.mobileFormat });
      return z.NEVER;
    });
}

export const shareSchema = shareSchemaIn();
export type ShareForm = z.output<typeof shareSchema>;

export interface ShareMessage {
  subject: string;
  body: string;
}

function emailBlock(service: ServiceSummary, link: string): string {
  return [
    service.name,
    `From ${service.organisation}`,
    service.openingText,
    service.howToAccessText,
    `Cost: ${service.cost}`,
    `Details, address and phone number: ${link}`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** The message for a list of services; a text keeps to what fits in one message. */
export function shareMessage(services: ServiceSummary[], channel: "email" | "sms", linkFor: (id: string) => string): ShareMessage {
  const subject = services.length === 1 ? `${services[0].name} – from Waymark` : "Services you saved on Waymark";
  if (channel === "email") {
    const intro = services.length === 1 ? "Here are the details of a service you asked us to send." : "Here are the services you saved.";
    const blocks = services.map((s) => emailBlock(s, linkFor(s.id)));
    return { subject, body: [intro, ...blocks, "You asked for this message on Waymark. We have not kept your email address."].join("\n\n") };
  }
  const lines: string[] = [services.length === 1 ? "From Waymark:" : "Services you saved on Waymark:"];
  let length = lines[0].length;
  for (const [i, service] of services.entries()) {
    const line = `${service.name}: ${linkFor(service.id)}`;
    const more = `And ${services.length - i} more. Search Waymark to find them.`;
    // Leave room for the "and more" line if this one would not fit.
    if (length + line.length + 1 > SMS_MAX_LENGTH - more.length - 1) {
      lines.push(more);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return { subject, body: lines.join("\n") };
}

/** The share form's field labels from the page's share.* copy, for ShareFields. */
export function shareFieldText(share: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(share).filter(([key]) => /^(to|consent)\./.test(key)));
}

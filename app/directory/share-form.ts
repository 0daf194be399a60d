/**
 * Sending listings to someone by email or text: the form (one schema for the service page's
 * "send" and the shortlist's), and the message, which holds only the listings. The address or
 * number is used once and then forgotten by the outbox (forgetRecipient).
 */
import { z } from "zod";
import { SMS_MAX_LENGTH, normaliseUkMobile } from "~/messaging/message";
import type { ServiceSummary } from "./service-view";

/**
 * One box for an email address or a UK mobile number, which says which to send: fewer choices
 * for the person, and no conditionally revealed fields (whose aria-expanded axe rejects on radios).
 */
export const shareSchema = z
  .object({
    to: z.string().trim().min(1, "Enter an email address or a UK mobile number").max(320, "That must be 320 characters or fewer"),
    consent: z.literal("yes", { message: "Tick the box to say we may send this message" }),
  })
  .transform((form, ctx) => {
    if (form.to.includes("@")) {
      if (z.string().email().safeParse(form.to).success) return { channel: "email" as const, to: form.to, consent: form.consent };
      ctx.addIssue({ code: "custom", path: ["to"], message: "Enter an email address in the correct format, like name@example.com" });
      return z.NEVER;
    }
    const mobile = normaliseUkMobile(form.to);
    if (mobile) return { channel: "sms" as const, to: mobile, consent: form.consent };
    ctx.addIssue({ code: "custom", path: ["to"], message: "Enter a UK mobile number, like 07700 900 982, or an email address" });
    return z.NEVER;
  });
export type ShareForm = z.infer<typeof shareSchema>;

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

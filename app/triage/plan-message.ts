import { z } from "zod";
import { formatReferenceCode } from "~/lib/reference-code";
import { SMS_MAX_LENGTH, normaliseUkMobile, type MessageChannel } from "~/messaging/message";

/**
 * The short copy of a plan sent by text or email when a resident asks for it: the reference,
 * the first steps and a link back to the whole plan. Texts are kept to two fragments where
 * possible, since every fragment costs the partnership money.
 */

const SMS_TARGET_LENGTH = 306;
const EMAIL_STEPS = 5;

export interface PlanMessageInput {
  reference: string;
  steps: { title: string; text: string }[];
  link: string;
}

export function planMessage(channel: MessageChannel, input: PlanMessageInput): { subject: string; body: string } {
  const reference = formatReferenceCode(input.reference);
  if (channel === "email") {
    const steps = input.steps.slice(0, EMAIL_STEPS).map((s, i) => `${i + 1}. ${s.title}\n${s.text}`);
    const body = [
      "Here is your plan from Waymark.",
      steps.length > 0 ? `What to do next:\n\n${steps.join("\n\n")}` : "You are doing well. There is nothing you need to do next.",
      `See your whole plan and help near you:\n${input.link}`,
      `Your reference is ${reference}. You can use it to open your plan again.`,
      "We have not kept your email address.",
    ].join("\n\n");
    return { subject: "Your plan from Waymark", body };
  }

  const head = "Your Waymark plan.";
  const tail = `See it all: ${input.link} Reference ${reference}`;
  const lines: string[] = [];
  for (const [i, step] of input.steps.entries()) {
    const line = `${i + 1}. ${step.title}.`;
    if ([head, ...lines, line, tail].join("\n").length > SMS_TARGET_LENGTH) break;
    lines.push(line);
  }
  const body = [head, ...lines, tail].join("\n");
  return { subject: "", body: body.length <= SMS_MAX_LENGTH ? body : `${head}\n${tail}` };
}

/**
 * One box takes a mobile number or an email address, whichever the person has: simpler than
 * choosing a channel first, and it needs no JavaScript to show the right field.
 */
export function planRecipient(input: string): { ok: true; channel: MessageChannel; to: string } | { ok: false; error: string } {
  const text = input.trim();
  if (text === "") return { ok: false, error: "Enter a mobile phone number or an email address" };
  if (text.includes("@")) {
    return z.string().email().max(320).safeParse(text).success
      ? { ok: true, channel: "email", to: text }
      : { ok: false, error: "Enter an email address in the correct format, like name@example.com" };
  }
  const mobile = normaliseUkMobile(text);
  return mobile ? { ok: true, channel: "sms", to: mobile } : { ok: false, error: "Enter a UK mobile number, like 07700 900 982, or an email address" };
}

import { z } from "zod";

export const MESSAGE_CHANNELS = ["email", "sms"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_STATUSES = ["queued", "sending", "sent", "failed"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Why a message was sent; the outbox page filters on it and reports count by it. */
export const MESSAGE_PURPOSES = [
  "invite",
  "password-reset",
  "referral-new",
  "referral-status",
  "referral-chaser",
  "plan",
  "shortlist",
  "listing-review",
  "outreach",
  "course-booking",
] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

/** Notify refuses text messages longer than 918 characters (six fragments). */
export const SMS_MAX_LENGTH = 918;
export const EMAIL_BODY_MAX_LENGTH = 20_000;
export const SUBJECT_MAX_LENGTH = 200;

/**
 * Returns a UK mobile number as 07xxxxxxxxx, or null. Accepts what people type: spaces, dashes,
 * brackets, and +44 / 0044 / 44 prefixes, with or without the (0) people often keep after them. Only 07 numbers, because Notify texts UK mobiles only.
 */
export function normaliseUkMobile(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, "");
  const match = /^(?:(?:\+44|0044|44)0?|0)(7\d{9})$/.exec(compact);
  return match ? `0${match[1]}` : null;
}

const emailAddress = z
  .string()
  .trim()
  .min(1, "Enter an email address")
  .max(320, "Email address must be 320 characters or fewer")
  .email("Enter an email address in the correct format, like name@example.com");

const ukMobile = z
  .string()
  .trim()
  .min(1, "Enter a UK mobile number")
  .transform((value, ctx) => {
    const mobile = normaliseUkMobile(value);
    if (mobile === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Enter a UK mobile number, like 07700 900 982" });
      return z.NEVER;
    }
    return mobile;
  });

const related = z
  .object({
    type: z.string().trim().min(1).max(50),
    id: z.string().trim().min(1).max(100),
  })
  .optional();

const common = {
  purpose: z.enum(MESSAGE_PURPOSES, { errorMap: () => ({ message: `Purpose must be one of: ${MESSAGE_PURPOSES.join(", ")}` }) }),
  related,
  forgetRecipient: z.boolean().optional(),
};

export const messageInputSchema = z.discriminatedUnion("channel", [
  z.object({
    channel: z.literal("email"),
    to: emailAddress,
    subject: z
      .string()
      .trim()
      .min(1, "An email needs a subject")
      .max(SUBJECT_MAX_LENGTH, `Subject must be ${SUBJECT_MAX_LENGTH} characters or fewer`)
      .refine((s) => !/[\r\n]/.test(s), "Subject must be one line"),
    body: z
      .string()
      .trim()
      .min(1, "A message needs a body")
      .max(EMAIL_BODY_MAX_LENGTH, `Email body must be ${EMAIL_BODY_MAX_LENGTH} characters or fewer`),
    ...common,
  }),
  z.object({
    channel: z.literal("sms"),
    to: ukMobile,
    // Texts have no subject; one given is kept for the outbox page only.
    subject: z.string().trim().max(SUBJECT_MAX_LENGTH).optional().default(""),
    body: z
      .string()
      .trim()
      .min(1, "A message needs a body")
      .max(SMS_MAX_LENGTH, `A text message must be ${SMS_MAX_LENGTH} characters or fewer`),
    ...common,
  }),
]);

export type MessageInput = z.input<typeof messageInputSchema>;
export type ValidMessageInput = z.output<typeof messageInputSchema>;

/** What a sender hands to a client: only what is needed to send, never the related record. */
export interface OutgoingMessage {
  id: string;
  channel: MessageChannel;
  to: string;
  subject: string;
  body: string;
}

/**
 * The outcome of one attempt. `reason` is a status code and error type or a network error code,
 * never text from the message or the provider's error message, so it is safe to store and show.
 */
export type SendOutcome =
  | { kind: "sent"; providerId: string | null }
  | { kind: "retry"; reason: string }
  | { kind: "failed"; reason: string };

/** What a provider says about a message it may or may not have been given before. */
export type LookupOutcome = { kind: "found"; providerId: string } | { kind: "not-found" } | { kind: "unknown"; reason: string };

/** Anything that can deliver a message: GOV.UK Notify, the local outbox, or a test double. */
export interface MessageClient {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendOutcome>;
  /**
   * Asks whether the provider already accepted this message (by our id, sent as its reference).
   * Used before sending again a message whose sender died mid-send, so it is not sent twice.
   */
  lookup?(message: OutgoingMessage): Promise<LookupOutcome>;
}

import { NotifyClient } from "notifications-node-client";
import { type Config, getConfig } from "~/lib/config.server";
import { classifyNotifyFailure, type NotifyFailure } from "./delivery";
import type { LookupOutcome, MessageClient, OutgoingMessage, SendOutcome } from "./message";

/** Marks messages that went to the local outbox rather than through Notify. */
export const OUTBOX_PROVIDER_ID = "outbox";

/**
 * Without a timeout a hung connection would hold the worker forever. The Notify client (axios)
 * sets none and takes no signal, so the wait is cut short here; a reply that comes later is ignored.
 */
export const NOTIFY_TIMEOUT_MS = 15_000;

async function raceTimeout<T>(request: Promise<T>, timeoutMs: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    return await Promise.race([request, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface NotifyClientOptions {
  apiKey: string;
  baseUrl?: string;
  emailTemplateId: string;
  smsTemplateId: string;
  timeoutMs?: number;
}

/**
 * Sends through GOV.UK Notify with one generic template per channel: the email template is
 * "((subject))" / "((body))" and the text template is "((body))", so wording lives in this
 * codebase, under review, rather than in Notify's web interface.
 */
export function createNotifyMessageClient(options: NotifyClientOptions): MessageClient {
  const notify = options.baseUrl ? new NotifyClient(options.baseUrl, options.apiKey) : new NotifyClient(options.apiKey);
  const timeoutMs = options.timeoutMs ?? NOTIFY_TIMEOUT_MS;

  const post = (message: OutgoingMessage) =>
    message.channel === "email"
      ? notify.sendEmail(options.emailTemplateId, message.to, {
          personalisation: { subject: message.subject, body: message.body },
          reference: message.id,
        })
      : notify.sendSms(options.smsTemplateId, message.to, {
          personalisation: { body: message.body },
          reference: message.id,
        });

  const withTimeout = <T,>(request: Promise<T>) => raceTimeout(request, timeoutMs);

  return {
    name: "notify",
    async send(message: OutgoingMessage): Promise<SendOutcome> {
      try {
        const response = await withTimeout<{ data?: unknown }>(post(message));
        if (response === "timeout") return { kind: "retry", reason: "network TIMEOUT" };
        const id = (response.data as { id?: unknown } | undefined)?.id;
        return { kind: "sent", providerId: typeof id === "string" ? id : null };
      } catch (error) {
        return classifyNotifyFailure(describeFailure(error));
      }
    },
    async lookup(message: OutgoingMessage): Promise<LookupOutcome> {
      try {
        const response = await withTimeout(notify.getNotifications(message.channel, undefined, message.id));
        if (response === "timeout") return { kind: "unknown", reason: "network TIMEOUT" };
        const found = (response.data as { notifications?: Array<{ id?: unknown }> } | undefined)?.notifications?.find((n) => typeof n.id === "string");
        return found ? { kind: "found", providerId: found.id as string } : { kind: "not-found" };
      } catch (error) {
        return { kind: "unknown", reason: classifyNotifyFailure(describeFailure(error)).reason };
      }
    },
  };
}

/**
 * Pulls status, Notify error type and network code out of an axios error, and nothing else.
 * Anything that is not an axios error is a fault in our code or the client library, rethrown so
 * the sender records it as such.
 */
function describeFailure(error: unknown): NotifyFailure {
  const failure = error as {
    isAxiosError?: boolean;
    code?: unknown;
    cause?: { code?: unknown };
    response?: { status?: unknown; data?: { errors?: Array<{ error?: unknown }> } };
  };
  if (typeof error !== "object" || error === null || failure.isAxiosError !== true) throw error;
  if (typeof failure.response?.status === "number") {
    const errorType = failure.response.data?.errors?.[0]?.error;
    return { status: failure.response.status, errorType: typeof errorType === "string" ? errorType : undefined };
  }
  const code = [failure.code, failure.cause?.code].find((c): c is string => typeof c === "string");
  // A connection that closes without a reply carries no code on some paths.
  return { code: code ?? "NO_RESPONSE" };
}

/**
 * For development and demos without a Notify key: the message counts as sent and is read on the
 * outbox page instead of arriving anywhere.
 */
export function createOutboxMessageClient(): MessageClient {
  return {
    name: "outbox",
    async send(): Promise<SendOutcome> {
      return { kind: "sent", providerId: OUTBOX_PROVIDER_ID };
    },
    // Nothing leaves, so a message interrupted mid-"send" never went anywhere.
    async lookup(): Promise<LookupOutcome> {
      return { kind: "not-found" };
    },
  };
}

type NotifyConfig = Pick<Config, "NOTIFY_API_KEY" | "NOTIFY_BASE_URL" | "NOTIFY_EMAIL_TEMPLATE_ID" | "NOTIFY_SMS_TEMPLATE_ID">;

/** Notify when a key is configured, otherwise the local outbox. */
export function createMessageClient(config: NotifyConfig = getConfig()): MessageClient {
  if (!config.NOTIFY_API_KEY) return createOutboxMessageClient();
  // parseConfig refuses a key without both template ids, so a wrong deployment stops at start-up.
  return createNotifyMessageClient({
    apiKey: config.NOTIFY_API_KEY,
    baseUrl: config.NOTIFY_BASE_URL,
    emailTemplateId: config.NOTIFY_EMAIL_TEMPLATE_ID!,
    smsTemplateId: config.NOTIFY_SMS_TEMPLATE_ID!,
  });
}

/** Notify's status for one notification, or why it could not be had. */
export type NotificationStatus = { kind: "found"; status: string } | { kind: "unknown"; reason: string };

export type NotificationStatusLookup = (notifyId: string) => Promise<NotificationStatus>;

/**
 * Asks Notify for one notification's status (GET /v2/notifications/{id}), for the messages whose
 * delivery receipt never came. Null without a Notify key: the local outbox has no statuses.
 */
export function createNotificationStatusLookup(config: Pick<Config, "NOTIFY_API_KEY" | "NOTIFY_BASE_URL"> = getConfig(), timeoutMs = NOTIFY_TIMEOUT_MS): NotificationStatusLookup | null {
  if (!config.NOTIFY_API_KEY) return null;
  const notify = config.NOTIFY_BASE_URL ? new NotifyClient(config.NOTIFY_BASE_URL, config.NOTIFY_API_KEY) : new NotifyClient(config.NOTIFY_API_KEY);
  return async (notifyId) => {
    try {
      const response = await raceTimeout<{ data?: unknown }>(notify.getNotificationById(notifyId), timeoutMs);
      if (response === "timeout") return { kind: "unknown", reason: "network TIMEOUT" };
      const status = (response.data as { status?: unknown } | undefined)?.status;
      return typeof status === "string" ? { kind: "found", status } : { kind: "unknown", reason: "no status in Notify's answer" };
    } catch (error) {
      return { kind: "unknown", reason: classifyNotifyFailure(describeFailure(error)).reason };
    }
  };
}

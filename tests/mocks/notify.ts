import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { delay, http, HttpResponse } from "msw";

/**
 * GOV.UK Notify's API as msw handlers: checks the signed token and the payload the way Notify
 * does, answers 201 with the documented body, and can be told to fail the next requests.
 */
export const NOTIFY_BASE_URL = "https://api.notifications.service.gov.uk";

const SERVICE_ID = "4a8b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
const SECRET = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
/** Shaped like a real key (name, service id, secret) so the client signs with it as in production. */
export const TEST_NOTIFY_API_KEY = `waymark_test-${SERVICE_ID}-${SECRET}`;
export const TEST_EMAIL_TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a";
export const TEST_SMS_TEMPLATE_ID = "b6a4f8a2-6b73-4c36-8d86-2d3a4f1c9e07";

export type NotifyFailureKind = "rate-limit" | "server-error" | "validation" | "auth" | "dropped" | "slow";

export interface NotifyRequest {
  channel: "email" | "sms";
  body: Record<string, unknown>;
  /** What the mock answered: an HTTP status, or "dropped". */
  answer: number | "dropped";
}

/** Every request the mock received, in order, since the last reset. */
export const notifyRequests: NotifyRequest[] = [];
/** Notifications accepted, by our reference, as Notify keeps them for GET /v2/notifications. */
const accepted = new Map<string, { id: string; type: "email" | "sms" }>();
/** Each accepted notification's status for GET /v2/notifications/{id}: "sending" until a test says otherwise. */
const statuses = new Map<string, { reference: string | null; type: "email" | "sms"; status: string }>();
const failures: NotifyFailureKind[] = [];
let slowMs = 1_000;

/** Makes the next `times` requests fail in the given way; later calls queue after earlier ones. */
export function failNextNotifyRequests(kind: NotifyFailureKind, times = 1, options: { slowMs?: number } = {}): void {
  for (let i = 0; i < times; i++) failures.push(kind);
  if (options.slowMs !== undefined) slowMs = options.slowMs;
}

/** Sets what Notify says about the notification sent under our reference, as its delivery would. */
export function setNotifyStatus(reference: string, status: string): void {
  const found = accepted.get(reference);
  if (!found) throw new Error(`Notify has no notification with reference ${reference}`);
  statuses.set(found.id, { reference, type: found.type, status });
}

export function resetNotifyMock(): void {
  notifyRequests.length = 0;
  accepted.clear();
  statuses.clear();
  failures.length = 0;
  slowMs = 1_000;
}

function notifyError(status: number, error: string, message: string) {
  return HttpResponse.json({ status_code: status, errors: [{ error, message }] }, { status });
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString("base64url");
}

/** Notify refuses a token with a bad signature, the wrong issuer, or a clock more than 30 s out. */
function tokenIsValid(authorization: string | null): boolean {
  const token = authorization?.match(/^Bearer (.+)$/)?.[1];
  const [header, payload, signature] = token?.split(".") ?? [];
  if (!header || !payload || !signature) return false;
  const expected = base64url(createHmac("sha256", SECRET).update(`${header}.${payload}`).digest());
  if (expected.length !== signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) return false;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: string; iat?: number };
  return claims.iss === SERVICE_ID && typeof claims.iat === "number" && Math.abs(claims.iat - Date.now() / 1000) <= 30;
}

function handler(channel: "email" | "sms") {
  return http.post(`*/v2/notifications/${channel}`, async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    const failure = failures.shift();
    const record = (answer: number | "dropped") => notifyRequests.push({ channel, body, answer });

    switch (failure) {
      case "dropped":
        record("dropped");
        return HttpResponse.error();
      case "rate-limit":
        record(429);
        return notifyError(429, "RateLimitError", "Exceeded rate limit for key type TEAM of 3000 requests per 60 seconds");
      case "server-error":
        record(500);
        return notifyError(500, "Exception", "Internal server error");
      case "validation":
        record(400);
        return notifyError(400, "ValidationError", "phone_number Not a UK mobile number");
      case "auth":
        record(403);
        return notifyError(403, "AuthError", "Invalid token: API key not found");
      case "slow":
        await delay(slowMs);
        break;
      case undefined:
        break;
    }

    if (!tokenIsValid(request.headers.get("authorization"))) {
      record(403);
      return notifyError(403, "AuthError", "Invalid token: signature, api token not found");
    }
    const to = channel === "email" ? body.email_address : body.phone_number;
    if (typeof body.template_id !== "string" || typeof to !== "string" || to === "") {
      record(400);
      return notifyError(400, "ValidationError", `${channel === "email" ? "email_address" : "phone_number"} is a required property`);
    }

    record(201);
    const id = randomUUID();
    if (typeof body.reference === "string") accepted.set(body.reference, { id, type: channel });
    statuses.set(id, { reference: typeof body.reference === "string" ? body.reference : null, type: channel, status: "sending" });
    const personalisation = (body.personalisation ?? {}) as Record<string, string>;
    const template = { id: body.template_id, version: 1, uri: `${NOTIFY_BASE_URL}/v2/template/${body.template_id}` };
    const content =
      channel === "email"
        ? { subject: personalisation.subject ?? "", body: personalisation.body ?? "", from_email: "waymark@notifications.service.gov.uk", one_click_unsubscribe_url: null }
        : { body: personalisation.body ?? "", from_number: "Waymark" };
    return HttpResponse.json(
      { id, reference: body.reference ?? null, content, uri: `${NOTIFY_BASE_URL}/v2/notifications/${id}`, template },
      { status: 201 },
    );
  });
}

/** GET /v2/notifications?reference=…: what Notify has under that reference (used after a crash mid-send). */
const lookupHandler = http.get("*/v2/notifications", ({ request }) => {
  if (!tokenIsValid(request.headers.get("authorization"))) return notifyError(403, "AuthError", "Invalid token: signature, api token not found");
  const url = new URL(request.url);
  const found = accepted.get(url.searchParams.get("reference") ?? "");
  const type = url.searchParams.get("template_type");
  const notifications = found && (!type || type === found.type) ? [{ id: found.id, reference: url.searchParams.get("reference"), type: found.type, status: "sending" }] : [];
  return HttpResponse.json({ notifications, links: { current: url.toString() } });
});

/** GET /v2/notifications/{id}: one notification and its status (polled when a callback is missing). */
const statusHandler = http.get("*/v2/notifications/:id", ({ request, params }) => {
  if (!tokenIsValid(request.headers.get("authorization"))) return notifyError(403, "AuthError", "Invalid token: signature, api token not found");
  const found = statuses.get(String(params.id));
  if (!found) return notifyError(404, "NoResultFound", "No result found");
  return HttpResponse.json({ id: params.id, reference: found.reference, type: found.type, status: found.status });
});

export const notifyHandlers = [handler("sms"), handler("email"), lookupHandler, statusHandler];

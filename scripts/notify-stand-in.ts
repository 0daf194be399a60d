/**
 * A local stand-in for GOV.UK Notify's API, for the outreach benchmark and for trying a
 * deployment's Notify settings without sending anything: it answers POST /v2/notifications/sms
 * and /email with 201 and Notify's body, GET /v2/notifications?reference=… with what it holds,
 * GET /v2/notifications/{id} with "delivered" for anything it accepted (for the status poll),
 * and 429 beyond the rate limit, as Notify does. It keeps every reference it accepted, so a
 * caller can count losses and duplicates. Nothing leaves the machine.
 *
 * Run on its own: npx tsx scripts/notify-stand-in.ts [port] [per-minute]
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import { fileURLToPath } from "node:url";

export interface StandIn {
  url: string;
  /** Accepted sends per reference: more than 1 is a duplicate. */
  accepted: Map<string, number>;
  /** Accepted sends per phone number or address. */
  perRecipient: Map<string, number>;
  refused: number;
  close(): Promise<void>;
}

/** `replyDelayMs` holds each accepted send's answer that long, as a slow Notify would: the send is in flight meanwhile. */
export function startNotifyStandIn(options: { port?: number; perMinute: number; replyDelayMs?: number }): Promise<StandIn> {
  const accepted = new Map<string, number>();
  const perRecipient = new Map<string, number>();
  const ids = new Map<string, string>();
  const references = new Map<string, string>();
  const window: number[] = [];
  let refused = 0;
  const reply = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    if (!/^Bearer .+/.test(req.headers.authorization ?? "")) return reply(res, 403, { status_code: 403, errors: [{ error: "AuthError", message: "Unauthorized" }] });
    if (req.method === "GET" && url.pathname === "/v2/notifications") {
      const reference = url.searchParams.get("reference") ?? "";
      const id = ids.get(reference);
      return reply(res, 200, { notifications: id ? [{ id, reference, status: "sending" }] : [], links: {} });
    }
    const polled = /^\/v2\/notifications\/([0-9a-f-]{36})$/.exec(url.pathname)?.[1];
    if (req.method === "GET" && polled) {
      const reference = references.get(polled);
      if (reference === undefined) return reply(res, 404, { status_code: 404, errors: [{ error: "NoResultFound", message: "No result found" }] });
      return reply(res, 200, { id: polled, reference, status: "delivered" });
    }
    const channel = /^\/v2\/notifications\/(sms|email)$/.exec(url.pathname)?.[1];
    if (req.method !== "POST" || !channel) return reply(res, 404, { status_code: 404, errors: [{ error: "NotFound", message: "Not found" }] });
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const now = Date.now();
      while (window.length > 0 && window[0] <= now - 60_000) window.shift();
      if (window.length >= options.perMinute) {
        refused++;
        return reply(res, 429, { status_code: 429, errors: [{ error: "RateLimitError", message: `Exceeded rate limit for key type LIVE of ${options.perMinute} requests per 60 seconds` }] });
      }
      window.push(now);
      const body = JSON.parse(raw) as { reference?: string; phone_number?: string; email_address?: string };
      const id = randomUUID();
      const reference = body.reference ?? id;
      accepted.set(reference, (accepted.get(reference) ?? 0) + 1);
      ids.set(reference, id);
      references.set(id, reference);
      const to = body.phone_number ?? body.email_address ?? "";
      perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
      setTimeout(() => reply(res, 201, { id, reference, content: {}, uri: `/v2/notifications/${id}`, template: {} }), options.replyDelayMs ?? 0);
    });
  });
  return new Promise((resolve) => {
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        accepted,
        perRecipient,
        get refused() {
          return refused;
        },
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const standIn = await startNotifyStandIn({ port: Number(process.argv[2] ?? 0), perMinute: Number(process.argv[3] ?? 3000) });
  console.log(`Notify stand-in at ${standIn.url}`);
}

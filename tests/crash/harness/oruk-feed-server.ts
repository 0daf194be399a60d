/**
 * An Open Referral UK feed on a loopback port, for runs of `npm run import:oruk` in its own
 * process (msw only reaches requests made in the test's process). It pages the same way as the
 * msw feed in tests/mocks/oruk-feed.ts, and can be made slow, failing or garbled while it runs.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- serves ORUK JSON as the spec's examples shape it */
import http from "node:http";
import { orukListPage } from "../../mocks/oruk-feed";

export interface FeedBehaviour {
  services: Array<Record<string, any>>;
  perPage: number;
  /** Wait before each answer, so a run takes long enough to be killed part-way. */
  delayMs?: number;
  /** Pages that answer 500. */
  failingPages?: number[];
  /** Pages that answer 200 with a body that is not JSON at all. */
  garbledPages?: number[];
}

export interface OrukFeedServer {
  url: string;
  /** Changes what the feed serves from the next request on. */
  serve(behaviour: FeedBehaviour): void;
  /** Full records answered so far, counted when the whole body has gone. */
  readonly recordsServed: number;
  close(): Promise<void>;
}

export const GARBLED_BODY = '<html><body>502 Bad Gateway</body></html>\u0000\u001b[31m{"contents": [';

export function startOrukFeed(initial: FeedBehaviour): Promise<OrukFeedServer> {
  let behaviour = initial;
  let recordsServed = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://feed");
    const reply = (status: number, body: string, onDone?: () => void) =>
      setTimeout(() => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(body, onDone);
      }, behaviour.delayMs ?? 0);
    const record = /^\/oruk\/services\/([^/]+)$/.exec(url.pathname);
    if (record) {
      const service = behaviour.services.find((s) => s.id === decodeURIComponent(record[1]));
      if (!service) return reply(404, JSON.stringify({ error: "Not found" }));
      return reply(200, JSON.stringify(service), () => recordsServed++);
    }
    if (url.pathname !== "/oruk/services") return reply(404, JSON.stringify({ error: "Not found" }));
    const page = Number(url.searchParams.get("page") ?? "1");
    if (behaviour.failingPages?.includes(page)) return reply(500, JSON.stringify({ error: "Internal Server Error" }));
    if (behaviour.garbledPages?.includes(page)) return reply(200, GARBLED_BODY);
    reply(200, JSON.stringify(orukListPage(behaviour.services, page, behaviour.perPage)));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}/oruk`,
        serve: (next) => {
          behaviour = next;
        },
        get recordsServed() {
          return recordsServed;
        },
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

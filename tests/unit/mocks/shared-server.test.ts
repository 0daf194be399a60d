import { beforeEach, describe, expect, it, vi } from "vitest";
import { NOTIFY_BASE_URL } from "../../mocks/notify";
import { ORUK_FEED_URL } from "../../mocks/oruk-feed";
import { POSTCODES_IO_URL } from "../../mocks/postcodes-io";

// Unit tests get the same guard as integration tests (tests/setup/msw.ts): every outside
// service is answered by the shared msw server, and anything else fails rather than going out.
let logged: string[];
beforeEach(() => {
  logged = [];
  vi.mocked(console.error).mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(" "));
  });
});

describe("the shared msw server in unit tests", () => {
  it("answers every outside service Waymark talks to, with no handlers added by the test", async () => {
    const feed = await fetch(`${ORUK_FEED_URL}/services?page=1`);
    expect(feed.status).toBe(200);
    expect(await feed.json()).toMatchObject({ total_items: 7, page_number: 1 });

    const postcode = await fetch(`${POSTCODES_IO_URL}/postcodes/ME141LE`);
    expect(postcode.status).toBe(200);

    // Notify refuses an unsigned request, as the real one does: the handler is there.
    const notify = await fetch(`${NOTIFY_BASE_URL}/v2/notifications/email`, { method: "POST", body: "{}" });
    expect(notify.status).toBe(403);
    expect(logged).toEqual([]);
  });

  it("fails a request to anywhere else instead of letting it reach the network", async () => {
    await expect(fetch("https://not-a-mocked-service.example/")).rejects.toThrow();
    expect(logged.join("\n")).toMatch(/\[MSW\] Error: intercepted a request without a matching request handler/);
  });
});

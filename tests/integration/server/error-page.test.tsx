import { createRequestHandler } from "@remix-run/node";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rootBuild } from "../../helpers/root-build";

/**
 * The real root route and server entry, under Remix's own request handler, with one extra route
 * whose loader fails the way a bug would. Only the build manifest is made up, so what reaches
 * the visitor is what the production server would send.
 */
const SECRET = "secret detail";
const failing = {
  loader: () => {
    throw new Error(SECRET);
  },
  default: () => <p>never shown</p>,
};

const build = (mode: "production" | "development") => rootBuild(mode, { "routes/broken": { path: "broken", module: failing } });

async function get(mode: "production" | "development", path: string) {
  const handler = createRequestHandler(build(mode), mode);
  const response = await handler(new Request(`http://localhost${path}`), { cspNonce: "test-nonce", clientIp: "127.0.0.1" });
  return { status: response.status, body: await response.text() };
}

// Remix logs the thrown error on the server, where the detail belongs; the page must not carry it.
let logged: unknown[][];
beforeEach(() => {
  logged = [];
  vi.mocked(console.error).mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
});
afterEach(() => {
  expect(logged.flat()).toContainEqual(expect.objectContaining({ message: SECRET }));
});

describe("an unexpected error in production", () => {
  it("gives the friendly error page with status 500, and no error message or stack trace", async () => {
    const { status, body } = await get("production", "/broken");
    expect(status).toBe(500);
    expect(body).toContain(`<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>`);
    expect(body).toContain("<title>Sorry, there is a problem with the service – Waymark</title>");
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain("    at ");
  });

  it("answers a client-side navigation's data request with no error message or stack trace", async () => {
    const { status, body } = await get("production", "/broken?_data=routes%2Fbroken");
    expect(status).toBe(500);
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain("    at ");
  });

  // Shows the checks above can fail: outside production Remix sends the error to the browser.
  it("differs from development, where the detail is shown to help the developer", async () => {
    const { status, body } = await get("development", "/broken");
    expect(status).toBe(500);
    expect(body).toContain(SECRET);
  });
});

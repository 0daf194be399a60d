import { createRequestHandler } from "@remix-run/node";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { languageCookie } from "~/i18n/i18n.server";
import * as splat from "~/routes/$";
import { rootBuild } from "../../helpers/root-build";

/**
 * The error pages a resident may meet (404, 500) in the language they chose, through the real
 * root route and server entry under Remix's own request handler, as error-page.test.tsx does.
 */
const SECRET = "secret detail";
const failing = {
  loader: () => {
    throw new Error(SECRET);
  },
  default: () => <p>never shown</p>,
};

const build = (mode: "production" | "development") =>
  rootBuild(mode, {
    "routes/broken": { path: "broken", module: failing },
    // The app's own catch-all, so an unknown address runs the root loader and knows the language.
    "routes/$": { path: "*", module: { default: splat.default, loader: (): never => splat.loader() as never } },
  });

async function get(path: string, language: string | null) {
  const handler = createRequestHandler(build("production"), "production");
  const headers: Record<string, string> = language ? { Cookie: (await languageCookie.serialize(language)).split(";")[0] } : {};
  const response = await handler(new Request(`http://localhost${path}`, { headers }), { cspNonce: "test-nonce", clientIp: "127.0.0.1" });
  return { status: response.status, body: await response.text() };
}

// Remix logs the 500's thrown error on the server; that is expected here, not a failure.
beforeEach(() => {
  vi.mocked(console.error).mockImplementation(() => {});
});

const main = (body: string) => body.slice(body.indexOf("<main"), body.indexOf("</main>"));

describe("page not found", () => {
  it("is in Welsh for a Welsh reader, with its links, and not marked as English", async () => {
    const { status, body } = await get("/no-such-page", "cy");
    expect(status).toBe(404);
    expect(body).toContain('<html lang="cy"');
    expect(body).toContain("<title>Heb ddod o hyd i&#x27;r dudalen – Waymark</title>");
    expect(main(body)).toMatch(/^<main class="govuk-main-wrapper" id="main-content">/);
    expect(main(body)).toContain('<h1 class="govuk-heading-l">Heb ddod o hyd i&#x27;r dudalen</h1>');
    expect(main(body)).toContain('<a class="govuk-link" href="/check">wirio pa help y gallai fod ei angen arnoch chi</a>');
    expect(body).not.toContain("Page not found");
  });

  it("is in Polish for a Polish reader, and in English as before for everyone else", async () => {
    expect((await get("/no-such-page", "pl")).body).toContain('<h1 class="govuk-heading-l">Nie znaleziono strony</h1>');
    const english = await get("/no-such-page", null);
    expect(english.body).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
    expect(main(english.body)).toContain('You can <a class="govuk-link" href="/check">check what help you might need</a>, <a class="govuk-link" href="/services">find local help</a> or go to the <a class="govuk-link" href="/">Waymark home page</a>.');
  });
});

describe("an unexpected error", () => {
  it("says sorry in Welsh to a Welsh reader, with no detail of the error", async () => {
    const { status, body } = await get("/broken", "cy");
    expect(status).toBe(500);
    expect(main(body)).toContain("Mae&#x27;n ddrwg gennym, mae problem gyda&#x27;r gwasanaeth");
    expect(main(body)).toContain('<a class="govuk-link" href="/services">ddod o hyd i help lleol</a>');
    expect(body).not.toContain(SECRET);
  });
});

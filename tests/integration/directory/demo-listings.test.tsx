/** Demo listings are made up for trying Waymark: every page that shows one must say so in words. */
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seedDirectory } from "~/directory/seed.server";
import { DEMO_NOTE, DEMO_TAG } from "~/directory/service-view";
import { serviceIdFor } from "~/directory/stable-id";
import { getDb } from "~/lib/db.server";
import ServicePage, { loader as serviceLoader } from "~/routes/services.$id._index";
import ServiceSearch, { loader as searchLoader } from "~/routes/services._index";

// Remix's hooks read from its router; here they return what the real loader gave, so each page
// is rendered from real data without building the app.
const state = vi.hoisted(() => ({ loaderData: undefined as unknown }));
vi.mock("@remix-run/react", () => ({
  Form: (props: Record<string, unknown>) => {
    const { children, preventScrollReset: _reset, ...rest } = props;
    return <form {...(rest as object)}>{children as never}</form>;
  },
  useLoaderData: () => state.loaderData,
  useLocation: () => ({ pathname: "/services", search: "" }),
}));

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>;

async function render(loader: unknown, Page: () => JSX.Element, path: string, params: Record<string, string> = {}) {
  const response = await (loader as Loader)({ request: new Request(`http://localhost${path}`), params, context: { cspNonce: "", clientIp: "127.0.0.1" } });
  expect(response.status, path).toBe(200);
  state.loaderData = await response.json();
  return { data: state.loaderData as Record<string, never>, html: renderToString(<Page />) };
}

const DEMO = serviceIdFor("maidstone-library-get-online-drop-in");
const REAL = serviceIdFor("community-data-network-free-data");
const demoTag = `<strong class="govuk-tag govuk-tag--grey">${DEMO_TAG}</strong>`;

/** The markup of one result card on /services. */
function card(html: string, id: string): string {
  const start = html.indexOf(`id="result-${id}"`);
  expect(start, `result ${id} on the page`).toBeGreaterThan(-1);
  const end = html.indexOf("</li>", html.indexOf("</form>", start));
  return html.slice(start, end);
}

beforeAll(async () => {
  const db = getDb();
  await seedDirectory(db);
  // Stands in for a real listing, e.g. one imported from a partner's ORUK feed.
  await db.updateTable("services").set({ is_demo: 0 }).where("id", "=", REAL).execute();
});

describe("demo listings", () => {
  it("carry a “Demo listing” tag on their search result, and real listings do not", async () => {
    const { data, html } = await render(searchLoader, ServiceSearch, "/services?q=free%20data");
    const services = data.services as unknown as { id: string; isDemo: boolean }[];
    expect(services.find((s) => s.id === REAL)?.isDemo).toBe(false);
    const demo = services.filter((s) => s.isDemo);
    expect(demo.length).toBeGreaterThan(0);
    for (const service of demo) expect(card(html, service.id)).toContain(demoTag);
    expect(card(html, REAL)).not.toContain(DEMO_TAG);
  });

  it("say on their own page, in a tag and a sentence, that they are example data", async () => {
    const demo = await render(serviceLoader, ServicePage, `/services/${DEMO}`, { id: DEMO });
    expect((demo.data.service as { isDemo: boolean }).isDemo).toBe(true);
    expect(demo.html).toContain(demoTag);
    expect(demo.html).toContain(DEMO_NOTE);
    expect(DEMO_NOTE).toMatch(/example data for trying Waymark/);

    const real = await render(serviceLoader, ServicePage, `/services/${REAL}`, { id: REAL });
    expect((real.data.service as { isDemo: boolean }).isDemo).toBe(false);
    expect(real.html).not.toContain(DEMO_TAG);
    expect(real.html).not.toContain(DEMO_NOTE);
  });
});

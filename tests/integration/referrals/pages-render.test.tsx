import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "~/lib/db.server";
import { makeReferral, STEPS, VALID } from "./flow";
import { IDS, seedCast, Visitor, type Cast } from "./support";

// Remix's hooks read from its router; here they return what the real loader and action gave,
// so each page is rendered from real data without building the app.
const state = vi.hoisted(() => ({ loaderData: undefined as unknown, actionData: undefined as unknown }));
vi.mock("@remix-run/react", () => ({
  Form: (props: Record<string, unknown>) => {
    const { children, reloadDocument: _reload, ...rest } = props;
    return <form {...(rest as object)}>{children as never}</form>;
  },
  useLoaderData: () => state.loaderData,
  useActionData: () => state.actionData,
}));

type Module = {
  default: () => JSX.Element;
  loader: (args: never) => Promise<unknown>;
  action?: (args: never) => Promise<unknown>;
};

let cast: Cast;
beforeAll(async () => {
  cast = await seedCast(getDb());
});

async function render(visitor: Visitor, mod: Module, path: string, params: Record<string, string> = {}, post?: Record<string, string | string[]>) {
  state.actionData = undefined;
  if (post && mod.action) {
    const response = await visitor.post(mod.action as never, path, post, params);
    expect(response.status, `${path} POST`).toBe(400);
    state.actionData = await response.json();
  }
  const response = await visitor.get(mod.loader as never, path, params);
  expect(response.status, path).toBe(200);
  state.loaderData = await response.json();
  const html = renderToString(<mod.default />);
  expect(html.match(/<h1[\s>]/g), `${path}: one h1`).toHaveLength(1);
  expect(html).not.toMatch(/\sstyle="/);
  if (post) expect(html).toContain("govuk-error-summary");
  return html;
}

describe("referral pages", () => {
  it("render from their loaders, with an error summary after a bad answer", async () => {
    const v = await Visitor.signedIn(cast.champion);
    await v.get(STEPS.start.loader, `/referrals/new?service=${IDS.parkWood}`);
    const service = await render(v, STEPS.service as never, "/referrals/new/service?q=laptop", {}, { serviceId: IDS.cliftonville });
    expect(service).toContain("Laptop, tablet and free SIM scheme at Park Wood");
    await render(v, STEPS.reasons as never, "/referrals/new/reasons", {}, { barriers: [], goals: [], reasonNote: "" });
    await v.post(STEPS.reasons.action, "/referrals/new/reasons", VALID.reasons);
    await render(v, STEPS.person as never, "/referrals/new/person", {}, { ...VALID.person, email: "nope" });
    await v.post(STEPS.person.action, "/referrals/new/person", VALID.person);
    await render(v, STEPS.needs as never, "/referrals/new/needs", {}, { safeguarding: "" });
    await v.post(STEPS.needs.action, "/referrals/new/needs", VALID.needs);
    const consent = await render(v, STEPS.consent as never, "/referrals/new/consent", {}, { consent: "" });
    expect(consent).toContain("Connect Kent CIC");
    expect(consent).toContain("6 months");
    await v.post(STEPS.consent.action, "/referrals/new/consent", VALID.consent);
    const check = await render(v, STEPS.check as never, "/referrals/new/check");
    expect(check).toContain("/referrals/new/person?return=check");
    await v.post(STEPS.consent.action, "/referrals/new/consent", { consent: "no" });
    expect(await render(v, STEPS.signpost as never, "/referrals/new/signpost")).not.toContain("safeguarding concern");
  });

  it("tell a champion who signposts with a safeguarding concern to contact their coordinator now", async () => {
    const v = await Visitor.signedIn(cast.champion);
    await v.get(STEPS.start.loader, `/referrals/new?service=${IDS.parkWood}`);
    await v.post(STEPS.reasons.action, "/referrals/new/reasons", VALID.reasons);
    await v.post(STEPS.person.action, "/referrals/new/person", VALID.person);
    await v.post(STEPS.needs.action, "/referrals/new/needs", { ...VALID.needs, safeguarding: "yes", safeguardingNote: "Bruises" });
    await v.post(STEPS.consent.action, "/referrals/new/consent", { consent: "no" });
    expect(await render(v, STEPS.signpost as never, "/referrals/new/signpost")).toContain("we will tell your area&#x27;s coordinators");
    await v.post(STEPS.signpost.action, "/referrals/new/signpost", {});
    const confirmation = await render(v, STEPS.confirmation as never, "/referrals/new/confirmation");
    expect(confirmation).toContain("Contact your coordinator or safeguarding lead now");
    expect(confirmation).not.toContain("Bruises");
  });

  it("render the confirmation, inbox, referral page and erase page", async () => {
    const v = await Visitor.signedIn(cast.champion);
    const reference = await makeReferral(v, { serviceId: IDS.parkWood });
    const confirmation = await render(v, STEPS.confirmation as never, "/referrals/new/confirmation");
    expect(confirmation).toContain(`${reference.slice(0, 4)} ${reference.slice(4)}`);

    const inbox = (await import("~/routes/referrals._index")) as unknown as Module;
    const page = (await import("~/routes/referrals.$reference")) as unknown as Module;
    const erase = (await import("~/routes/referrals.$reference_.erase")) as unknown as Module;
    const coordinator = await Visitor.signedIn(cast.coordinator);
    expect(await render(coordinator, inbox, "/referrals?stuck=yes")).toContain("Referrals in your areas");
    const provider = await Visitor.signedIn(cast.provider);
    const html = await render(provider, page, `/referrals/${reference}`, { reference }, { intent: "move", to: "declined", declineReason: "" });
    expect(html).toContain("Choose why the referral is being declined");
    expect(html).toContain("sam.person@example.org");
    const forCoordinator = await render(coordinator, page, `/referrals/${reference}`, { reference });
    expect(forCoordinator).toContain(`/referrals/${reference}/export.csv`);
    await render(coordinator, erase, `/referrals/${reference}/erase`, { reference });
  });

  it("render the self-referral pages", async () => {
    const start = (await import("~/routes/referrals.self._index")) as unknown as Module;
    const contact = (await import("~/routes/referrals.self.contact")) as unknown as Module;
    const consent = (await import("~/routes/referrals.self.consent")) as unknown as Module;
    const check = (await import("~/routes/referrals.self.check")) as unknown as Module;
    const confirmation = (await import("~/routes/referrals.self.confirmation")) as unknown as Module;
    const v = Visitor.anonymous();
    await render(v, start, "/referrals/self");
    await render(v, contact, "/referrals/self/contact", {}, { personName: "" });
    await v.post(contact.action as never, "/referrals/self/contact", { personName: "Lee", contactMethod: "phone", phone: "01632 960001", postcode: "ME14" });
    await render(v, consent, "/referrals/self/consent", {}, { consent: "" });
    await v.post(consent.action as never, "/referrals/self/consent", { consent: "yes" });
    await render(v, check, "/referrals/self/check");
    await v.post(check.action as never, "/referrals/self/check", {});
    expect(await render(v, confirmation, "/referrals/self/confirmation")).toContain("We have your request");
  });
});

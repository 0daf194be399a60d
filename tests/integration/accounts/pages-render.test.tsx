import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "~/lib/db.server";
import { createTestUser, formBody, signedInRequest } from "../../helpers/auth";
import { args } from "./support";

// Remix's hooks read from its router; here they return what the real loader and action gave,
// so each page is rendered from real data without building the app.
const state = vi.hoisted(() => ({ loaderData: undefined as unknown, actionData: undefined as unknown, search: "" }));
vi.mock("@remix-run/react", () => ({
  Form: (props: Record<string, unknown>) => {
    const { children, ...rest } = props;
    return <form {...(rest as object)}>{children as never}</form>;
  },
  useLoaderData: () => state.loaderData,
  useActionData: () => state.actionData,
  useSearchParams: () => [new URLSearchParams(state.search)],
}));

const routes = {
  "admin._index": () => import("~/routes/admin._index"),
  "admin.users._index": () => import("~/routes/admin.users._index"),
  "admin.users.invite": () => import("~/routes/admin.users.invite"),
  "admin.users.$id": () => import("~/routes/admin.users.$id"),
  "admin.organisations._index": () => import("~/routes/admin.organisations._index"),
  "admin.organisations.new": () => import("~/routes/admin.organisations.new"),
  "admin.organisations.$id": () => import("~/routes/admin.organisations.$id"),
  "admin.areas._index": () => import("~/routes/admin.areas._index"),
  "admin.areas.$id": () => import("~/routes/admin.areas.$id"),
  "admin.audit": () => import("~/routes/admin.audit"),
  "admin.outbox": () => import("~/routes/admin.outbox"),
  "forgot-password": () => import("~/routes/forgot-password"),
  "accept-invite.$token": () => import("~/routes/accept-invite.$token"),
  "reset-password.$token": () => import("~/routes/reset-password.$token"),
};

describe("account and admin pages", () => {
  it("render from their loaders, and show an error summary after a bad submission", async () => {
    const db = getDb();
    const admin = await createTestUser(db, { role: "admin" });
    const other = await createTestUser(db, { role: "staff", organisationId: admin.organisationId, areaIds: admin.areaIds });
    const cases: [keyof typeof routes, string, Record<string, string>, Record<string, string>?][] = [
      ["admin._index", "/admin", {}],
      ["admin.users._index", "/admin/users", {}],
      ["admin.users.invite", "/admin/users/invite", {}, { name: "", email: "bad" }],
      ["admin.users.$id", `/admin/users/${other.id}?done=updated`, { id: other.id }, { intent: "update", role: "nonsense" }],
      ["admin.organisations._index", "/admin/organisations", {}],
      ["admin.organisations.new", "/admin/organisations/new", {}, { name: "" }],
      ["admin.organisations.$id", `/admin/organisations/${admin.organisationId}`, { id: admin.organisationId }, { name: "" }],
      ["admin.areas._index", "/admin/areas", {}, { name: "", districts: "x" }],
      ["admin.areas.$id", `/admin/areas/${admin.areaIds[0]}`, { id: admin.areaIds[0] }, { name: "", districts: "x" }],
      ["admin.audit", "/admin/audit?from=bad", {}],
      ["admin.outbox", "/admin/outbox", {}],
      ["forgot-password", "/forgot-password", {}, { email: "x" }],
      ["accept-invite.$token", "/accept-invite/x", { token: "x" }],
      ["reset-password.$token", "/reset-password/x", { token: "x" }],
    ];
    for (const [name, path, params, fields] of cases) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const mod = (await routes[name]()) as Record<string, any>;
      state.search = path.includes("?") ? path.slice(path.indexOf("?")) : "";
      const lr = mod.loader ? await mod.loader(args(await signedInRequest(path, admin), params)) : null;
      state.loaderData = lr ? await lr.json() : null;
      state.actionData = undefined;
      const html = renderToString(<mod.default />);
      expect(html, name).toContain("<h1");
      if (fields && mod.action) {
        const res = await mod.action(args(await signedInRequest(path, admin, { method: "POST", body: formBody(fields) }), params));
        state.actionData = await res.json();
        const withErrors = renderToString(<mod.default />);
        expect(withErrors, name).toContain("govuk-error-summary");
      }
    }
  });
});

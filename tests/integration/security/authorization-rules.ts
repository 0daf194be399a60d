/**
 * Who may reach each route, as data. Keys are file names in app/routes. `expect` gives the status a
 * loader (or, for POST-only routes, the action) answers with for each visitor: 200, "login" (a
 * redirect to sign in), "redirect" (somewhere else), 403 or 404.
 */
export type Actor = "signedOut" | "champion" | "staff" | "provider" | "coordinator" | "admin";
export type Expected = 200 | "login" | "redirect" | 400 | 403 | 404 | 405;

export interface Fixtures {
  /** A champion in the coordinator's area, for user-management pages. */
  managedUserId: string;
  organisationId: string;
  areaId: string;
}

export interface Rule {
  path: (fx: Fixtures) => string;
  params?: (fx: Fixtures) => Record<string, string>;
  method?: "POST";
  body?: Record<string, string>;
  expect: Record<Actor, Expected>;
}

const all = (status: Expected): Record<Actor, Expected> => ({
  signedOut: status,
  champion: status,
  staff: status,
  provider: status,
  coordinator: status,
  admin: status,
});

/** Signed-out visitors are sent to sign in; signed-in roles get 200 if listed, otherwise `denied`. */
const signedIn = (allowed: Actor[], denied: Expected = 403): Record<Actor, Expected> => ({
  signedOut: "login",
  champion: allowed.includes("champion") ? 200 : denied,
  staff: allowed.includes("staff") ? 200 : denied,
  provider: allowed.includes("provider") ? 200 : denied,
  coordinator: allowed.includes("coordinator") ? 200 : denied,
  admin: allowed.includes("admin") ? 200 : denied,
});

const fixed = (p: string) => () => p;

export const matrix: Record<string, Rule> = {
  "_index.tsx": { path: fixed("/"), expect: all(200) },
  "$.tsx": { path: fixed("/no-such-page"), params: () => ({ "*": "no-such-page" }), expect: all(404) },
  "accessibility.tsx": { path: fixed("/accessibility"), expect: all(200) },
  "privacy.tsx": { path: fixed("/privacy"), expect: all(200) },
  "cookies.tsx": { path: fixed("/cookies"), expect: all(200) },
  "healthz.ts": { path: fixed("/healthz"), expect: all(200) },
  // Signed-in people are sent on to their own start page.
  "login.tsx": { path: fixed("/login"), expect: { ...all("redirect"), signedOut: 200 } },
  "logout.tsx": { path: fixed("/logout"), expect: all("redirect") },
  // No loader: the action answers an empty form with 400 and its messages, whoever sends it.
  "forgot-password.tsx": { path: fixed("/forgot-password"), expect: all(400) },
  // An unknown token gets its own page saying the link does not work, with status 404.
  "accept-invite.$token.tsx": { path: fixed("/accept-invite/not-a-token"), params: () => ({ token: "not-a-token" }), expect: all(404) },
  "reset-password.$token.tsx": { path: fixed("/reset-password/not-a-token"), params: () => ({ token: "not-a-token" }), expect: all(404) },

  "admin._index.tsx": { path: fixed("/admin"), expect: signedIn(["coordinator", "admin"]) },
  "admin.users._index.tsx": { path: fixed("/admin/users"), expect: signedIn(["coordinator", "admin"]) },
  "admin.users.invite.tsx": { path: fixed("/admin/users/invite"), expect: signedIn(["coordinator", "admin"]) },
  "admin.users.$id.tsx": {
    path: (fx) => `/admin/users/${fx.managedUserId}`,
    params: (fx) => ({ id: fx.managedUserId }),
    expect: signedIn(["coordinator", "admin"]),
  },
  "admin.audit.tsx": { path: fixed("/admin/audit"), expect: signedIn(["coordinator", "admin"]) },
  "admin.outbox.tsx": { path: fixed("/admin/outbox"), expect: signedIn(["admin"]) },
  "admin.organisations._index.tsx": { path: fixed("/admin/organisations"), expect: signedIn(["admin"]) },
  "admin.organisations.new.tsx": { path: fixed("/admin/organisations/new"), expect: signedIn(["admin"]) },
  "admin.organisations.$id.tsx": {
    path: (fx) => `/admin/organisations/${fx.organisationId}`,
    params: (fx) => ({ id: fx.organisationId }),
    expect: signedIn(["admin"]),
  },
  "admin.areas._index.tsx": { path: fixed("/admin/areas"), expect: signedIn(["admin"]) },
  "admin.areas.$id.tsx": { path: (fx) => `/admin/areas/${fx.areaId}`, params: (fx) => ({ id: fx.areaId }), expect: signedIn(["admin"]) },
};

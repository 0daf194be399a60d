import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// scripts/patches make Remix build its route table once per build instead of on every request
// (docs/decisions/007-12-patched-route-matching.md). They are applied by `npm install`'s
// postinstall; these tests fail if that did not happen or if matching changed meaning.
const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof import("@remix-run/router");

const routes = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "services", path: "services" },
      { id: "service", path: "services/:id" },
      { id: "shortlist", path: "services/shortlist" },
      { id: "check-question", path: "check/q/:question" },
      { id: "Case", path: "Upper", caseSensitive: true },
      { id: "splat", path: "docs/*" },
    ],
  },
];

const ids = (pathname: string) => router.matchRoutes(routes, pathname)?.map((m) => m.route.id) ?? null;

describe("route matching with the framework patches", () => {
  it("is applied to the installed router", () => {
    const source = fs.readFileSync(require.resolve("@remix-run/router/dist/router.cjs.js"), "utf8");
    expect(source).toContain("Waymark patch: a route table is flattened and ranked once");
  });

  it("matches as the framework does, however often it is asked", () => {
    for (let round = 0; round < 3; round++) {
      expect(ids("/")).toEqual(["root", "home"]);
      expect(ids("/services")).toEqual(["root", "services"]);
      expect(ids("/services/shortlist")).toEqual(["root", "shortlist"]);
      expect(ids("/services/abc-123")).toEqual(["root", "service"]);
      expect(router.matchRoutes(routes, "/check/q/goals")?.[1].params).toEqual({ question: "goals" });
      expect(ids("/Upper")).toEqual(["root", "Case"]);
      expect(ids("/upper")).toBeNull();
      expect(router.matchRoutes(routes, "/docs/a/b")?.[1].params["*"]).toBe("a/b");
      expect(ids("/nowhere")).toBeNull();
    }
  });

  it("reads a new route table afresh rather than answering from another's", () => {
    const other = [{ id: "only", path: "services" }];
    expect(router.matchRoutes(other, "/services")?.map((m) => m.route.id)).toEqual(["only"]);
    expect(router.matchRoutes(other, "/")).toBeNull();
  });
});

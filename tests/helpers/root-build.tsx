import type { ServerBuild } from "@remix-run/node";
import handleRequest from "~/entry.server";
import * as root from "~/root";

/** The route modules a test adds under the real root, by id, with the path each answers. */
export type ExtraRoutes = Record<string, { path: string; module: ServerBuild["routes"][string]["module"] }>;

const entryRoute = (id: string, path: string, parentId?: string) => ({
  id,
  path,
  parentId,
  module: `/build/${id}.js`,
  hasAction: false,
  hasLoader: true,
  hasClientAction: false,
  hasClientLoader: false,
  hasErrorBoundary: id === "root",
});

/**
 * A server build of the real root route and server entry with a few routes of the test's own
 * under it. Only the manifest is made up, so Remix's own request handler sends what the
 * production server would.
 */
export function rootBuild(mode: "production" | "development", extra: ExtraRoutes): ServerBuild {
  const routes: ServerBuild["routes"] = { root: { id: "root", path: "", module: root } };
  const manifest: Record<string, ReturnType<typeof entryRoute>> = { root: entryRoute("root", "") };
  for (const [id, { path, module }] of Object.entries(extra)) {
    routes[id] = { id, parentId: "root", path, module };
    manifest[id] = entryRoute(id, path, "root");
  }
  return {
    mode,
    // The entry's promise is untyped (new Promise); it always resolves to a Response.
    entry: { module: { default: (...args) => handleRequest(...args) as Promise<Response> } },
    routes,
    assets: {
      entry: { imports: [], module: "/build/entry.client.js" },
      routes: manifest,
      url: "/build/manifest.js",
      version: "test",
    },
    publicPath: "/build/",
    assetsBuildDirectory: "build/client/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: false },
    isSpaMode: false,
  };
}

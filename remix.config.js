/** @type {import('@remix-run/dev').AppConfig} */
export default {
  appDirectory: "app",
  // Everything the browser fetches lives under build/client, served by app/server/create-app.ts (started by scripts/start.ts).
  assetsBuildDirectory: "build/client/build",
  publicPath: "/build/",
  serverBuildPath: "build/server/index.js",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Only files that look like route modules become routes; helpers beside them stay private.
  ignoredRouteFiles: ["**/.*", "**/*.test.*", "**/*.css"],
  watchPaths: ["content/**/*"],
  future: {
    v3_fetcherPersist: true,
    v3_lazyRouteDiscovery: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
  },
};

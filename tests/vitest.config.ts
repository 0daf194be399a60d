import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));
const alias = {
  "~db": fileURLToPath(new URL("../db", import.meta.url)),
  "~": fileURLToPath(new URL("../app", import.meta.url)),
};

const integration = {
  // Hang guards, not timings, as for the unit project.
  testTimeout: 60_000,
  hookTimeout: 60_000,
  include: ["tests/integration/**/*.test.{ts,tsx}"],
  globalSetup: ["tests/setup/global-database.ts"],
  setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/msw.ts", "tests/setup/integration.ts"],
};

/**
 * The integration suite runs a second time on PostgreSQL when TEST_DATABASE_URL names a server
 * (.ci/run starts one). Without it the run is skipped and says so, except in CI, which must
 * never skip it.
 */
const postgresServer = process.env.TEST_DATABASE_URL;
if (!postgresServer) {
  if (process.env.CI === "true") throw new Error("TEST_DATABASE_URL is not set: CI must run the integration suite on PostgreSQL too");
  console.log("PostgreSQL integration run skipped: set TEST_DATABASE_URL to a PostgreSQL server (scripts/ci/start-postgres.sh starts one)");
}
const postgresProjects = postgresServer
  ? [
      { resolve: { alias }, test: { name: "integration-pg", root, ...integration, provide: { postgresServer } } },
      {
        resolve: { alias },
        test: {
          // Two built app servers on one database; npm run test:e2e builds the app first.
          name: "multi-server",
          root,
          include: ["tests/multi-server/**/*.test.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
          provide: { postgresServer },
          testTimeout: 180_000,
          hookTimeout: 420_000,
        },
      },
    ]
  : [];

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          root,
          // Hang guards, not timings: a test that would pass alone must not fail because the
          // 2-core machine is busy (seeding twice once took over vitest's 5 s default there).
          testTimeout: 60_000,
          hookTimeout: 60_000,
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/msw.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          root,
          ...integration,
        },
      },
      ...postgresProjects,
      {
        resolve: { alias },
        test: {
          // Needs `npm run build`: hostile input against the built app, in this process, with msw outside.
          name: "fuzz",
          root,
          include: ["tests/fuzz/**/*.test.ts"],
          globalSetup: ["tests/setup/global-database.ts"],
          setupFiles: ["tests/setup/msw.ts", "tests/setup/integration.ts"],
          testTimeout: 1_800_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Needs `npm run build`: starts the built server (or an import script), kills it with SIGKILL and checks what survived.
          name: "crash",
          root,
          include: ["tests/crash/**/*.test.ts"],
          // No msw here: the tests talk to their own processes on loopback, whose outside services (Notify, an ORUK feed) are stand-ins on loopback too.
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          root,
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/harness/global-setup.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
          // Each page is scanned with axe (a few seconds on a 2-core machine); long journeys need room.
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

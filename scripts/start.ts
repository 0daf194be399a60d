/**
 * `npm start`: builds if needed, migrates, seeds demo data on first run, serves, and prints
 * where to go and how to sign in. The same entry point runs in production.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { migrateToLatest } from "~db/migrator";
import { ConfigError, getConfig } from "~/lib/config.server";
import { createDatabase, databaseLocation, setDb } from "~/lib/db.server";
import { createApp } from "~/server/create-app";
import { startBackgroundWork } from "~/server/background.server";
import { checkContent } from "~/lib/content-check.server";
import { ensureDemoData } from "~/lib/demo-seed.server";

const started = performance.now();
const root = fileURLToPath(new URL("..", import.meta.url));
const serverBuildPath = path.join(root, "build/server/index.js");

let config;
try {
  config = getConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

if (needsBuild()) {
  console.log("Building Waymark (first start, or the source has changed)…");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

try {
  for (const line of checkContent({ demo: config.SEED_DEMO_DATA })) console.log(`Languages: ${line}`);
} catch (error) {
  console.error(`Waymark cannot start because a content file is invalid:\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const db = createDatabase(databaseLocation(config));
setDb(db);
await migrateToLatest(db);
const demo = config.SEED_DEMO_DATA ? await ensureDemoData(db) : null;

const build = (await import(pathToFileURL(serverBuildPath).href)) as ServerBuild;
const app = createApp({ config, build, clientDir: path.join(root, "build/client") });
const stopBackground = startBackgroundWork(db, config);

const server = http.createServer(app);
// A load balancer or proxy keeps idle connections open for about a minute and reuses them; Node
// closes them after 5 s by default, so a request sent on a connection just as Waymark closes it
// fails ("fetch failed", a 502 at the balancer). Waymark keeps them longer than its front.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = config.BASE_URL ?? `http://localhost:${port}`;
  console.log(`Waymark is running at ${url} (ready in ${Math.round(performance.now() - started)} ms)`);
  if (demo) {
    console.log(demo.seededNow ? "Demo data loaded." : "Demo data is in place.");
    console.log("Demo sign-ins (password for all: " + demo.password + "):");
    for (const user of demo.users) console.log(`  ${user.role.padEnd(12)} ${user.email}`);
  }
});

function shutdown() {
  server.close(() => {
    void stopBackground()
      .then(() => db.destroy())
      .then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

/** A build is needed when there is none, or (outside production) when any source is newer. */
function needsBuild(): boolean {
  if (!fs.existsSync(serverBuildPath)) return true;
  if (process.env.NODE_ENV === "production") return false;
  const builtAt = fs.statSync(serverBuildPath).mtimeMs;
  return newestMtime(path.join(root, "app")) > builtAt;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.name === "waymark.css") continue;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../../scripts/free-port";
import { chromiumPath } from "./chromium-path";

/**
 * Starts the built app once for the e2e run: production mode, a free port that is also its
 * BASE_URL, a temporary database seeded with the demo data. Tests receive its URL through
 * `inject("baseUrl")`.
 */
export default async function setup(project: TestProject) {
  chromiumPath(); // fail early, with install instructions, if there is no browser

  const root = path.resolve(import.meta.dirname, "../../..");
  if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
    throw new Error("The app is not built. Run `npm run build` first (npm test does this for you).");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-e2e-"));
  // Production requires BASE_URL, so the port is chosen here rather than left to PORT=0.
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      BASE_URL: `http://127.0.0.1:${port}`,
      DATABASE_PATH: path.join(dataDir, "waymark.db"),
      SESSION_SECRET: "e2e-session-secret-that-is-long-enough-0123456789",
      SEED_DEMO_DATA: "true",
      // The browser must never reach the internet; nothing in the app should try either.
      POSTCODES_API_URL: "http://127.0.0.1:9",
      // The journeys send text campaigns at whatever hour the suite runs; quiet hours themselves
      // are tested without a clock (tests/unit/outreach/rules.test.ts, the dispatch tests).
      OUTREACH_QUIET_HOURS: "none",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const baseUrl = await waitForUrl(child);
  project.provide("baseUrl", baseUrl);
  project.provide("dataDir", dataDir);

  return async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}


export function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    // A hang guard, not a timing: a first start on PostgreSQL migrates and seeds over the network,
    // which took 42 s on a 2-core machine under a load of 16.
    const timer = setTimeout(() => reject(new Error(`The app did not start within 180 s:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The app exited with code ${code} before it was ready:\n${output}`));
    });
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

/**
 * Page throughput beside the framework's own: a minimal Remix v2 page (minimal-remix.ts) and the
 * built Waymark are started on loopback and measured in the same run, alternating — the minimal
 * page, then one Waymark page, and so on — so a busy shared machine slows both alike. Each case
 * gets autocannon at 50 connections for a few seconds (requests/s, p50, p99 and the ratio to the
 * minimal page measured just before it), and the median of 30 sequential requests (one user).
 *
 * postcodes.io is pointed at a loopback port that accepts connections and never answers, the
 * worst kind of outage: every lookup that reaches it waits for the whole timeout.
 *
 * Needs `npm run build` first. Run:
 *   npx tsx scripts/bench/pages.ts [--seconds 4] [--only home,service] [--cpu-prof] [--before <dir>]
 * --cpu-prof starts Waymark under `node --cpu-prof` and prints the profile's top entries.
 * --before measures a second, built copy of Waymark too (an older commit unpacked with
 * `git archive <commit> | tar -x -C <dir>`, its node_modules linked, `npm run build` run in it),
 * in the same rotation, so before and after are compared under the same load.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { serviceIdFor } from "~/directory/stable-id";
import { freePort } from "../free-port";
import { summariseProfile } from "./cpu-profile";
import { buildMinimalRemix, startMinimalRemix } from "./minimal-remix";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SECONDS = Number(option("--seconds") ?? 4);
const ONLY = option("--only")?.split(",");
const CPU_PROF = args.includes("--cpu-prof");
const BEFORE = option("--before");
const CONNECTIONS = 50;
const SEQUENTIAL = 30;

const root = fileURLToPath(new URL("../..", import.meta.url));
if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
  console.error("The app is not built. Run `npm run build` first.");
  process.exit(1);
}

interface Case {
  key: string;
  path: string;
  signedIn?: boolean;
}

const CASES: Case[] = [
  { key: "home", path: "/" },
  { key: "check", path: "/check" },
  { key: "service", path: `/services/${serviceIdFor("park-wood-device-and-data")}` },
  { key: "search-words", path: "/services?q=laptop" },
  // ME14 1LQ is embedded; CT9 is an outward code; BT1 1AA is not embedded, so it meets the breaker.
  { key: "search-postcode", path: "/services?postcode=ME14+1LQ" },
  { key: "search-both", path: "/services?q=laptop&postcode=ME14+1LQ" },
  { key: "search-outcode", path: "/services?q=laptop&postcode=CT9" },
  { key: "search-not-embedded", path: "/services?q=laptop&postcode=BT1+1AA" },
  { key: "referrals", path: "/referrals", signedIn: true },
  { key: "oruk", path: "/api/oruk/services" },
  { key: "favicon", path: "/favicon.ico" },
].filter((c) => !ONLY || ONLY.includes(c.key));

const children: ChildProcess[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-pages-bench-"));
// Kept after the run, for DevTools or another look with cpu-profile.ts.
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-pages-profile-"));

/** Resolves with the address a server prints once it is listening. */
function started(child: ChildProcess, name: string): Promise<string> {
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${name} exited with code ${code}:\n${output}`)));
  });
}

/** A postcodes.io that takes every connection and never says a word. */
async function blackHole(): Promise<{ url: string; close: () => void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => socket.destroy());
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

async function startWaymark(appRoot: string, name: string, postcodesUrl: string): Promise<string> {
  const port = await freePort();
  const nodeArgs = CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/start.ts"], {
    cwd: appRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: path.join(dataDir, `${name}.db`),
      SESSION_SECRET: "pages-bench-session-secret-0123456789abcdef",
      SEED_DEMO_DATA: "true",
      BASE_URL: `http://127.0.0.1:${port}`,
      POSTCODES_API_URL: postcodesUrl,
      NOTIFY_API_KEY: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return started(child, name);
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(new URL("/login", base), {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "champion@waymark.example", password: "waymark-demo-2026", redirectTo: "/referrals" }),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("waymark_session=") && c !== "waymark_session=");
  if (response.status !== 302 || !cookie) throw new Error(`Signing in failed: ${response.status}`);
  return cookie;
}

async function timeOne(url: string, headers: Record<string, string>): Promise<{ ms: number; status: number; bytes: number }> {
  const begun = performance.now();
  const response = await fetch(url, { headers, redirect: "manual" });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - begun, status: response.status, bytes: body.byteLength };
}

/** Median of `rounds` requests one after another, after two to warm up. */
async function sequentialMedian(url: string, headers: Record<string, string>, rounds = SEQUENTIAL): Promise<number> {
  await timeOne(url, headers);
  await timeOne(url, headers);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) times.push((await timeOne(url, headers)).ms);
  times.sort((a, b) => a - b);
  const middle = Math.floor(rounds / 2);
  return rounds % 2 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

async function main(): Promise<void> {
  console.log(`Building the minimal Remix page…`);
  const minimalDir = buildMinimalRemix(root);
  const postcodes = await blackHole();
  try {
    const [minimalBase, ...bases] = await Promise.all([
      started(startMinimalRemix(minimalDir, await freePort()), "minimal Remix"),
      startWaymark(root, "waymark", postcodes.url),
      ...(BEFORE ? [startWaymark(path.resolve(BEFORE), "before", postcodes.url)] : []),
    ]);
    const targets = bases.map((base, i) => ({ base, label: i === 0 ? "" : " (before)" }));
    const cookies = await Promise.all(targets.map((t) => (CASES.some((c) => c.signedIn) ? signIn(t.base) : "")));
    const minimalUrl = `${minimalBase}/`;
    console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    console.log(`${CONNECTIONS} connections, ${SECONDS} s each, alternating with the minimal page; one-user medians of ${SEQUENTIAL}\n`);

    console.log("| page | status | req/s | p50 ms | p99 ms | minimal req/s | ratio | one user ms | notes |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    const minimalSequential = await sequentialMedian(minimalUrl, {});
    for (const c of CASES) {
      for (const [i, target] of targets.entries()) {
        const url = `${target.base}${c.path}`;
        const headers: Record<string, string> = c.signedIn ? { cookie: cookies[i] } : {};
        const probe = await timeOne(url, headers);
        // A page that takes seconds (a postcodes.io timeout) gets 5 rounds, not 30, to keep the run short.
        const slow = probe.ms > 1000;
        const sequential = await sequentialMedian(url, headers, slow ? 5 : SEQUENTIAL);
        const minimal = await load(minimalUrl, {});
        const page = await load(url, headers);
        const flags = [slow ? "one user: 5 rounds" : "", page.non2xx ? `${page.non2xx} non-2xx` : "", page.errors ? `${page.errors} errors` : ""].filter(Boolean).join(", ");
        console.log(
          `| ${c.key}${target.label} \`${c.path}\` | ${probe.status} | ${Math.round(page.rps)} | ${page.p50} | ${page.p99} | ${Math.round(minimal.rps)} | ${((100 * page.rps) / minimal.rps).toFixed(0)}% | ${sequential.toFixed(1)} | ${flags} |`,
        );
      }
    }
    console.log(`\nminimal Remix page, one user: median ${minimalSequential.toFixed(1)} ms`);
  } finally {
    for (const child of children) {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
    }
    postcodes.close();
    if (CPU_PROF) {
      for (const file of fs.readdirSync(profileDir)) console.log(`\n${path.join(profileDir, file)}\n${summariseProfile(path.join(profileDir, file))}`);
    }
    fs.rmSync(minimalDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (!CPU_PROF) fs.rmSync(profileDir, { recursive: true, force: true });
  }
}

await main();

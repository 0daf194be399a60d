/**
 * How long hashing and checking a password takes with the parameters in use. This is the cost
 * of every sign-in and password change, and what an attacker pays per guess.
 *
 *   npx tsx scripts/bench/password-hash.ts [runs]
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { hashPassword, verifyPassword } from "~/accounts/password.server";

const runs = Number(process.argv[2] ?? 20);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(label: string, task: () => Promise<unknown>): Promise<void> {
  await task(); // warm-up, so the first allocation of scrypt's memory is not counted
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(16)} median ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   (${runs} runs)`);
}

const password = "correct horse battery staple";
const stored = await hashPassword(password);
console.log(`${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${stored.split("$").slice(0, 4).join("$")}`);
await measure("hashPassword", () => hashPassword(password));
await measure("verifyPassword", () => verifyPassword(password, stored));

/**
 * The yardstick for scripts/bench/pages.ts: the smallest Remix v2 page worth measuring (a root
 * with Meta, Links and Scripts, and one route rendering 20 list items from its loader) served
 * through a bare node:http adapter around createRequestHandler. It is written and built into a
 * temporary folder on each run, so the repository holds no second app; it resolves the same
 * Remix, React and compiler versions as Waymark through a link to this repository's node_modules.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const FILES: Record<string, string> = {
  // The compiler picks its server runtime from the dependencies listed here.
  "package.json": JSON.stringify({
    name: "minimal-remix",
    private: true,
    type: "module",
    sideEffects: false,
    dependencies: { "@remix-run/node": "*", "@remix-run/react": "*", isbot: "*", react: "*", "react-dom": "*" },
  }),
  // The same future flags as Waymark's remix.config.js, so both run the same framework code paths.
  "remix.config.js": `export default {
  serverModuleFormat: "esm",
  serverBuildPath: "build/server/index.js",
  future: { v3_fetcherPersist: true, v3_lazyRouteDiscovery: true, v3_relativeSplatPath: true, v3_throwAbortReason: true },
};
`,
  "app/root.tsx": `import { Links, Meta, Outlet, Scripts } from "@remix-run/react";
export default function App() {
  return (
    <html lang="en">
      <head><meta charSet="utf-8" /><Meta /><Links /></head>
      <body><Outlet /><Scripts /></body>
    </html>
  );
}
`,
  "app/routes/_index.tsx": `import { useLoaderData } from "@remix-run/react";
export const meta = () => [{ title: "Minimal" }];
export async function loader() {
  return { items: Array.from({ length: 20 }, (_, i) => ({ id: i, name: "Item " + i })) };
}
export default function Index() {
  const { items } = useLoaderData<typeof loader>();
  return <ul>{items.map((item) => <li key={item.id}>{item.name}</li>)}</ul>;
}
`,
  "server.mjs": `import http from "node:http";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import * as build from "./build/server/index.js";
const handle = createRequestHandler(build, "production");
const server = http.createServer(async (req, res) => {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request("http://" + req.headers.host + req.url, {
    method: req.method, headers, signal: controller.signal,
    ...(hasBody ? { body: createReadableStreamFromReadable(req), duplex: "half" } : {}),
  });
  const response = await handle(request);
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.appendHeader(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("running at http://127.0.0.1:" + process.env.PORT));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
`,
};

/** Writes and builds the minimal app; returns its folder. */
export function buildMinimalRemix(root: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-minimal-remix-"));
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  const built = spawnSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`The minimal Remix app did not build:\n${built.stdout}\n${built.stderr}`);
  return dir;
}

export function startMinimalRemix(dir: string, port: number): ChildProcess {
  return spawn(process.execPath, ["server.mjs"], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

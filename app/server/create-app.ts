import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { Config } from "~/lib/config.server";
import { checkCrossSite } from "./csrf";
import { cspNonce, permissionsPolicy, securityHeaders } from "./security-headers";
import { withAnonymousPostLimits } from "~/lib/rate-limit.server";
import { withStorageFaultPages } from "./storage-faults";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    clientIp: string;
  }
}

/** Every route as the server runs it: anonymous forms rate-limited, and a database that cannot be written answered with a clear 503. */
function guardRoutes(build: ServerBuild): ServerBuild {
  return withStorageFaultPages(withAnonymousPostLimits(build));
}

export interface CreateAppOptions {
  config: Config;
  build: ServerBuild | (() => Promise<ServerBuild>);
  clientDir: string;
}

/**
 * The HTTP edge: security headers and CSRF checks for every response and request, static files,
 * then Remix. Kept small because every layer here costs throughput on every request.
 */
export function createApp({ config, build, clientDir }: CreateAppOptions): express.Express {
  const production = config.NODE_ENV === "production";
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.use(compression());
  app.use(cspNonce, securityHeaders({ production, https: config.BASE_URL?.startsWith("https://") ?? false }), permissionsPolicy);

  app.use(
    "/build",
    express.static(path.join(clientDir, "build"), { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(express.static(clientDir, { maxAge: "1h", index: false }));

  app.use((req, res, next) => {
    const allowed = [`${req.protocol}://${req.get("host")}`];
    if (config.BASE_URL) allowed.push(new URL(config.BASE_URL).origin);
    const verdict = checkCrossSite(req.method, { get: (name) => req.get(name) }, allowed);
    if (verdict.ok) return next();
    res.status(403).type("text/plain").send("This form was sent from another website, so Waymark refused it.");
  });

  app.all(
    "*",
    createRequestHandler({
      build: typeof build === "function" ? async () => guardRoutes(await build()) : guardRoutes(build),
      mode: config.NODE_ENV,
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
    }),
  );
  return app;
}

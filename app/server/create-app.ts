import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import proxyAddr from "proxy-addr";
import type { Config } from "~/lib/config.server";
import { checkCrossSite } from "./csrf";
import { withAnonymousPostLimits } from "~/lib/rate-limit.server";
import { PERMISSIONS_POLICY, cspNonceFor, securityHeaders } from "./security-headers";
import { createStaticFiles } from "./static-files";
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

type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/** A reverse proxy on this machine (nginx, Caddy) is trusted to say who the client is and over which scheme. */
const trustProxy = proxyAddr.compile("loopback");

/**
 * The HTTP edge, in the order each request meets it: compression, static files (which need
 * nothing else), security headers, the cross-site check, then Remix. A plain node:http listener
 * rather than Express: with one route and four steps, Express's router, request decoration and
 * its adapter cost a tenth of every page's time (docs/PERFORMANCE.md).
 */
export function createApp({ config, build, clientDir }: CreateAppOptions): RequestListener {
  const production = config.NODE_ENV === "production";
  const compress = compression() as unknown as Middleware;
  const serveStatic = createStaticFiles(clientDir, { production });
  const headers = securityHeaders({ production, https: config.BASE_URL?.startsWith("https://") ?? false });
  const handleRemix = createRequestHandler(
    typeof build === "function" ? async () => guardRoutes(await build()) : guardRoutes(build),
    config.NODE_ENV,
  );
  const publicOrigin = config.BASE_URL ? new URL(config.BASE_URL).origin : null;

  const fail = (res: ServerResponse, error: unknown) => {
    console.error(error);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
    }
    res.end("Sorry, there is a problem with the service. Try again later.");
  };

  async function remix(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const trusted = trustProxy(req.socket.remoteAddress ?? "", 0);
    const forwarded = (name: string) => (trusted ? (req.headers[name] as string | undefined)?.split(",")[0].trim() : undefined);
    const protocol = forwarded("x-forwarded-proto") ?? ("encrypted" in req.socket && req.socket.encrypted ? "https" : "http");
    const origin = `${protocol}://${forwarded("x-forwarded-host") ?? req.headers.host}`;

    const allowed = publicOrigin ? [origin, publicOrigin] : [origin];
    const verdict = checkCrossSite(req.method ?? "GET", { get: (name) => req.headers[name.toLowerCase()] as string | undefined }, allowed);
    if (!verdict.ok) {
      res.statusCode = 403;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("This form was sent from another website, so Waymark refused it.");
      return;
    }

    const request = toRequest(req, res, origin);
    const response = await handleRemix(request, { cspNonce: cspNonceFor(res), clientIp: proxyAddr(req, trustProxy) });
    res.statusCode = response.status;
    if (response.statusText) res.statusMessage = response.statusText;
    for (const [name, value] of response.headers) res.appendHeader(name, value);
    if (response.body) await writeReadableStreamToWritable(response.body, res);
    else res.end();
  }

  return (req, res) => {
    compress(req, res, () =>
      serveStatic(req, res, () =>
        headers(req, res, (error) => {
          if (error) return fail(res, error);
          res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
          remix(req, res).catch((e: unknown) => fail(res, e));
        }),
      ),
    );
  };
}

/** The Fetch API request Remix expects; aborted if the client goes away before the answer is sent. */
function toRequest(req: IncomingMessage, res: ServerResponse, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`${origin}${req.url}`, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: createReadableStreamFromReadable(req), duplex: "half" } : {}),
  } as RequestInit);
}

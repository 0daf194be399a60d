import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import serveStatic from "serve-static";

/**
 * The files under build/client, answered before anything else runs: no session, no nonce, no
 * Remix. Only paths under the two asset folders (and the favicon) touch the disk, so a page
 * request never waits for a file lookup that will miss.
 *
 * - /build/…: the Remix compiler's output, fingerprinted, so cached for a year as immutable.
 * - /assets/…: our own icons and scripts under fixed names, so cached for a day and revalidated.
 * - /favicon.ico: asked for by browsers whatever the page says, from /assets.
 */
export function createStaticFiles(clientDir: string, { production }: { production: boolean }) {
  const setHeaders = (res: ServerResponse) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  };
  const fingerprinted = serveStatic(path.join(clientDir, "build"), { immutable: true, maxAge: "1y", index: false, fallthrough: true, setHeaders });
  const assets = serveStatic(path.join(clientDir, "assets"), { maxAge: "1d", index: false, fallthrough: true, setHeaders });

  /** Serves the request if it names a static file; otherwise calls `next`. */
  return function serve(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const url = req.url ?? "/";
    if (url.startsWith("/build/")) return below("/build", req, () => fingerprinted(req, res, restoring(req, url, next)));
    if (url.startsWith("/assets/")) return below("/assets", req, () => assets(req, res, restoring(req, url, next)));
    if (url === "/favicon.ico") return assets(req, res, next);
    next();
  };
}

/** serve-static looks files up from req.url, so it is shown the path below its folder. */
function below(prefix: string, req: IncomingMessage, serve: () => void): void {
  req.url = req.url!.slice(prefix.length);
  serve();
}

/** A file that is not there falls through to Remix (and its 404 page) with the address as asked. */
const restoring = (req: IncomingMessage, url: string, next: () => void) => () => {
  req.url = url;
  next();
};

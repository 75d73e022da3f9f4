import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, Router } from 'express';

/** Options of {@link createPageHandler}. */
export interface PageHandlerOptions {
  /** The folder `vite build` writes the page to. */
  distDir: string;
  /** Path prefixes that never get the page, e.g. the API's. */
  excludedPrefixes: readonly string[];
}

/**
 * Serves the built editor page: its files from `distDir`, and `index.html` for every other GET
 * (the page routes itself). Before the page is built it answers 503 saying how to build it.
 *
 * @remarks Whether `distDir` holds a build is checked on each request, so building while the
 * server runs needs no restart.
 */
export function createPageHandler({ distDir, excludedPrefixes }: PageHandlerOptions): Router {
  const indexHtml = path.join(distDir, 'index.html');
  const router = Router();
  const files = express.static(distDir, { index: false });
  const isPageRequest = (method: string, pathname: string): boolean =>
    (method === 'GET' || method === 'HEAD') &&
    !excludedPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

  const page: RequestHandler = (req, res, next) => {
    if (!isPageRequest(req.method, req.path)) {
      next();
      return;
    }
    if (!existsSync(indexHtml)) {
      res
        .status(503)
        .type('text/plain')
        .send(
          'The editor page is not built yet. Run `npm start` at the repository root, or `npm run build -w @flowloom/example-quickstart`, then reload.\n',
        );
      return;
    }
    files(req, res, () => {
      // A missing asset is a 404, not the page: only extension-less paths are page routes.
      if (path.extname(req.path)) next();
      else res.sendFile(indexHtml);
    });
  };
  router.use(page);
  return router;
}

import express, { type Response, type Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';

/** Content-Security-Policy of the console page: only its own script, styles and server. */
const CONSOLE_CSP =
  "default-src 'self'; img-src 'self' blob: data:; connect-src 'self' ws: wss:; " +
  "style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * The two browser entry points: `/widget.js` (the chat widget bundle, loadable from any site)
 * and `/console` (the agent console page). Everything else in `public/` is served statically.
 */
export function webStaticRoutes(publicDir: string): Router {
  const router = express.Router();
  const widget = path.join(publicDir, 'build', 'widget.js');
  const consolePage = path.join(publicDir, 'console', 'index.html');

  router.get('/widget.js', (_req, res) => {
    // Other sites embed the widget; a CORS header lets them load it with crossorigin/integrity too.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'public, max-age=300');
    sendIfBuilt(res, widget, 'application/javascript; charset=utf-8');
  });

  router.get(['/console', '/console/'], (_req, res) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cache-Control', 'no-cache');
    sendIfBuilt(res, consolePage, 'text/html; charset=utf-8');
  });

  return router;
}

function sendIfBuilt(res: Response, file: string, type: string): void {
  if (!fs.existsSync(file)) {
    res.status(503).json({
      error: { code: 'not_built', message: 'The browser bundles are not built yet: run `npm run build:ui`' },
    });
    return;
  }
  res.type(type).sendFile(file);
}

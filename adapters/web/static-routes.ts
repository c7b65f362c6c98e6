import express, { type Response, type Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { HashedAssets, IMMUTABLE_CACHE } from './hashed-assets';

/** Content-Security-Policy of the console page: only its own script, styles and server. */
const CONSOLE_CSP =
  "default-src 'self'; img-src 'self' blob: data:; connect-src 'self' ws: wss:; " +
  "style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * The browser entry points: `/widget.js` (the chat widget bundle, loadable from any site; a stable
 * URL with a short cache, since sites embed it by that name), `/console` (the agent console page,
 * which references its script and styles by content-hashed URLs) and `/assets/NAME.HASH.EXT` (the
 * bundles under their hashed names, cached for a year). Everything else in `public/` is static.
 */
export function webStaticRoutes(publicDir: string): Router {
  const router = express.Router();
  const widget = path.join(publicDir, 'build', 'widget.js');
  const consolePage = path.join(publicDir, 'console', 'index.html');
  const widgetAsset = { stablePath: '/widget.js', file: widget };
  const consoleBundle = {
    stablePath: '/build/console.js',
    file: path.join(publicDir, 'build', 'console.js'),
  };
  const assets = new HashedAssets([
    widgetAsset,
    consoleBundle,
    { stablePath: '/console/console.css', file: path.join(publicDir, 'console', 'console.css') },
  ]);

  router.get('/widget.js', (_req, res) => {
    // Other sites embed the widget; a CORS header lets them load it with crossorigin/integrity too.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'public, max-age=300');
    const hashed = assets.urlOf(widgetAsset);
    // Sites that pin a version (with Subresource Integrity) can find the hashed URL here.
    if (hashed) res.setHeader('Link', `<${hashed}>; rel="canonical"`);
    sendIfBuilt(res, widget, 'application/javascript; charset=utf-8');
  });

  router.get('/assets/:name', (req, res, next) => {
    const file = assets.fileFor(req.params.name);
    if (!file) {
      next();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', IMMUTABLE_CACHE);
    res.sendFile(file, { cacheControl: false });
  });

  router.get(['/console', '/console/'], (_req, res) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cache-Control', 'no-cache');
    if (!fs.existsSync(consolePage) || !assets.urlOf(consoleBundle)) {
      notBuilt(res);
      return;
    }
    res.type('text/html; charset=utf-8').send(assets.rewrite(fs.readFileSync(consolePage, 'utf8')));
  });

  return router;
}

function sendIfBuilt(res: Response, file: string, type: string): void {
  if (!fs.existsSync(file)) {
    notBuilt(res);
    return;
  }
  res.type(type).sendFile(file);
}

function notBuilt(res: Response): void {
  res.status(503).json({
    error: { code: 'not_built', message: 'The browser bundles are not built yet: run `npm run build:ui`' },
  });
}

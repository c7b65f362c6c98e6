import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A browser file served under a name holding a hash of its content, so it can be cached for good. */
export interface HashedAsset {
  /** The stable path pages used to reference (`/build/console.js`). */
  stablePath: string;
  file: string;
}

/** A year: a content-hashed URL never changes meaning, so browsers and CDNs may keep it that long. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/**
 * Content hashes of the browser bundles, recomputed only when a file's modification time changes
 * (a rebuild while the server runs is picked up by the next request).
 */
export class HashedAssets {
  private readonly seen = new Map<string, { mtimeMs: number; hash: string }>();

  constructor(private readonly assets: readonly HashedAsset[]) {}

  /** The hashed URL of an asset (`/assets/console.3f2a9c1b7d4e.js`), or undefined when not built. */
  urlOf(asset: HashedAsset): string | undefined {
    const hash = this.hashOf(asset.file);
    if (!hash) return undefined;
    const ext = path.extname(asset.file);
    return `/assets/${path.basename(asset.file, ext)}.${hash}${ext}`;
  }

  /** The file a hashed URL's last segment names, when its hash is the current content's. */
  fileFor(name: string): string | undefined {
    return this.assets.find((asset) => this.urlOf(asset) === `/assets/${name}`)?.file;
  }

  /** Rewrites a page's references to the stable paths into hashed URLs. */
  rewrite(html: string): string {
    let out = html;
    for (const asset of this.assets) {
      const url = this.urlOf(asset);
      if (url) out = out.split(`"${asset.stablePath}"`).join(`"${url}"`);
    }
    return out;
  }

  private hashOf(file: string): string | undefined {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      return undefined;
    }
    const known = this.seen.get(file);
    if (known?.mtimeMs === mtimeMs) return known.hash;
    const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
    this.seen.set(file, { mtimeMs, hash });
    return hash;
  }
}

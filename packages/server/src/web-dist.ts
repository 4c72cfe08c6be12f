import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The built web app: the `dist/` folder of the @hemispasm/web package (a dependency of this one), found
 * through the package wherever npm installed it, not by a path between this repository's folders.
 * `npm ci` builds it (the root `prepare` step); without a build the server serves the API alone.
 */
export function defaultWebDist(): string | false {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@hemispasm/web/package.json')), 'dist');
  } catch {
    return false;
  }
}

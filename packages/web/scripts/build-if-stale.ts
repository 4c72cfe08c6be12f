/**
 * Builds the web app (`npm run build`) unless dist/ is newer than everything it is built from: this
 * package's sources, and those of the packages it bundles (@hemispasm/core, @hemispasm/vision, found by
 * name). Used by `npm start` and the browser tests, so an unchanged app is not built twice.
 * `npm ci` always builds (the root `prepare` step).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

/** Whether dist/ is missing or older than a source of the app. */
export function webBuildIsStale(): boolean {
  const index = join(webDir, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const sources = [
    join(webDir, 'src'),
    join(webDir, 'public'),
    join(webDir, 'index.html'),
    join(webDir, 'vite.config.ts'),
    // Each bundled package's source folder (its entry point's folder and everything under it).
    dirname(require.resolve('@hemispasm/core')),
    dirname(dirname(require.resolve('@hemispasm/vision'))),
  ];
  return statSync(index).mtimeMs <= Math.max(...sources.map(newestMtime));
}

export function ensureWebBuilt(): void {
  if (!webBuildIsStale()) return;
  // A production build whoever asks: under a test runner NODE_ENV is `test`, and Vite would then bundle
  // React's development build into the dist/ that `npm start` serves next.
  execFileSync('npm', ['run', 'build', '--silent'], {
    cwd: webDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureWebBuilt();

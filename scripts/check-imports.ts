/**
 * `npm run lint` (after Biome): the package boundaries. Each workspace under packages/ may reach another
 * only through that package's name and its `exports` (never `../../other/src/...`), and declares in its
 * own package.json every package it imports (shared dev tools may sit in the root package.json
 * instead). Reads every tracked .ts/.tsx/.mts/.js/.mjs file with TypeScript's import scanner, plus
 * `new URL('…', import.meta.url)`, which bundlers and Node follow like imports. Exits 1 with one line
 * per problem (file:line: what).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

interface Manifest {
  name: string;
  exports?: string | Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const declared = (m: Manifest) =>
  new Set(
    [m.dependencies, m.devDependencies, m.peerDependencies, m.optionalDependencies].flatMap((d) =>
      Object.keys(d ?? {}),
    ),
  );

const rootManifest = readManifest(root);
const workspaces = new Map<string, { dir: string; manifest: Manifest }>();
for (const dir of (rootManifest as Manifest & { workspaces: string[] }).workspaces) {
  const manifest = readManifest(join(root, dir));
  workspaces.set(manifest.name, { dir: join(root, dir), manifest });
}
const sharedTools = declared(rootManifest);
const builtins = new Set(builtinModules);

/** `@scope/name/sub/path` → [`@scope/name`, `./sub/path`]; `name/sub` → [`name`, `./sub`]. */
function splitSpecifier(spec: string): [string, string] {
  const parts = spec.split('/');
  const n = spec.startsWith('@') ? 2 : 1;
  const rest = parts.slice(n).join('/');
  return [parts.slice(0, n).join('/'), rest ? `./${rest}` : '.'];
}

function exportsSubpath(m: Manifest, subpath: string): boolean {
  if (m.exports === undefined) return true; // no map: every file is reachable
  if (typeof m.exports === 'string') return subpath === '.';
  return subpath in m.exports;
}

function lineOf(text: string, pos: number): number {
  return text.slice(0, pos).split('\n').length;
}

const problems: string[] = [];
const tracked = execFileSync(
  'git',
  ['ls-files', '-z', '--cached', '--others', '--exclude-standard', 'packages'],
  {
    cwd: root,
    encoding: 'utf8',
  },
)
  .split('\0')
  .filter((f) => /\.(ts|tsx|mts|js|mjs)$/.test(f) && !f.endsWith('.gen.ts'));

for (const [, ws] of workspaces) {
  const own = declared(ws.manifest);
  const files = tracked.filter((f) => join(root, f).startsWith(ws.dir + sep));
  for (const file of files) {
    const abs = join(root, file);
    const text = readFileSync(abs, 'utf8');
    const info = ts.preProcessFile(text, true, true);
    const found = info.importedFiles.map((f) => ({ spec: f.fileName, pos: f.pos }));
    for (const m of text.matchAll(/new URL\(\s*(['"`])([^'"`]+)\1\s*,\s*import\.meta\.url\s*\)/g)) {
      found.push({ spec: m[2] ?? '', pos: m.index ?? 0 });
    }
    for (const { spec, pos } of found) {
      const at = `${file}:${lineOf(text, pos)}`;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(abs), spec);
        for (const [name, other] of workspaces) {
          if (other !== ws && (target === other.dir || target.startsWith(other.dir + sep))) {
            problems.push(
              `${at}: '${spec}' reaches into ${relative(root, other.dir)}; import it as '${name}' (or a subpath its package.json exports)`,
            );
          }
        }
        continue;
      }
      if (spec.startsWith('node:') || builtins.has(spec) || spec.startsWith('/') || /^[a-z]+:/.test(spec))
        continue;
      const [pkg, subpath] = splitSpecifier(spec.split('?')[0] ?? spec);
      const target = workspaces.get(pkg);
      if (target) {
        if (target === ws) continue;
        if (!own.has(pkg))
          problems.push(
            `${at}: imports ${pkg}, which ${relative(root, ws.dir)}/package.json does not declare`,
          );
        if (!exportsSubpath(target.manifest, subpath))
          problems.push(
            `${at}: '${spec}' is not in the "exports" of ${relative(root, target.dir)}/package.json`,
          );
        continue;
      }
      const typesPkg = `@types/${pkg.replace(/^@/, '').replace('/', '__')}`;
      if (![pkg, typesPkg].some((p) => own.has(p) || sharedTools.has(p)))
        problems.push(
          `${at}: imports ${pkg}, declared neither in ${relative(root, ws.dir)}/package.json nor at the root`,
        );
    }
  }
}

if (problems.length) {
  console.error(
    `check-imports: ${problems.length} problem(s) with package boundaries:\n${problems.join('\n')}`,
  );
  process.exit(1);
}
console.log(
  `check-imports: ${tracked.length} files, every import within its package or through a declared package`,
);

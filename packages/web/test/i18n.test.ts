import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import zh from '../src/i18n/zh.json';

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const enLeaves = leaves(en as Tree);
const zhLeaves = leaves(zh as Tree);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

describe('UI strings', () => {
  it('English and Simplified Chinese have exactly the same keys', () => {
    const onlyEn = [...enLeaves.keys()].filter((k) => !zhLeaves.has(k));
    const onlyZh = [...zhLeaves.keys()].filter((k) => !enLeaves.has(k));
    expect({ onlyEn, onlyZh }).toEqual({ onlyEn: [], onlyZh: [] });
  });

  it('no string is empty in either language', () => {
    const empty = [...enLeaves, ...zhLeaves].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('Chinese strings are translated (contain Chinese characters) unless they are codes or numbers', () => {
    const untranslated = [...zhLeaves]
      .map(([k, v]) => [k, v.replace(/\{\{\w+\}\}/g, '')] as const)
      .filter(([, v]) => /[a-z]{4,}/i.test(v) && !/[\u4e00-\u9fff]/.test(v))
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it('every literal key the code asks for exists', () => {
    const src = sourceFiles(join(import.meta.dirname, '../src'));
    const missing = new Set<string>();
    for (const file of src) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        if (!enLeaves.has(m[1]!)) missing.add(`${m[1]} (${file.split('/src/')[1]})`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});

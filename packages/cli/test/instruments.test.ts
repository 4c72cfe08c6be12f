import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INSTRUMENT_IDS } from '@hemispasm/core';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { scratchDir } from './scratch';

// Every instrument the core registers (the core's own test pins which ones those are).
const IDS = INSTRUMENT_IDS;

const dir = scratchDir('instruments');

describe('hemispasm instruments', () => {
  it('lists every instrument with version, range and verification', async () => {
    const r = await runCli(['instruments']);
    expect(r.code).toBe(0);
    for (const id of IDS) expect(r.stdout).toContain(id);
    const cohen = r.stdout.split('\n').find((l) => l.includes('cohen-albert'))!;
    expect(cohen).toContain('commonly-cited');
    expect(cohen).toContain('0–4');
    expect(cohen).toContain('UNVERIFIED');
    expect(r.stdout.split('\n').find((l) => l.includes('│ hfs7'))).toContain('wording licensed');
  });

  it('lists as JSON with --json', async () => {
    const r = await runCli(['instruments', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as {
      id: string;
      version: string;
      range: string;
      verification: string;
    }[];
    expect(list.map((i) => i.id)).toEqual(IDS);
    expect(list.find((i) => i.id === 'hfs30')).toMatchObject({ range: '0–120', version: 'tan-2004' });
    expect(list.find((i) => i.id === 'jankovic-hfs')?.verification).toBe('partial');
  });

  it('shows one instrument with its worded options, bands and cautions', async () => {
    const r = await runCli(['instruments', 'house-brackmann']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Grade VI: Total paralysis');
    expect(r.stdout).toContain('does not replace');
    const cohen = await runCli(['instruments', 'cohen-albert']);
    expect(cohen.stdout).toMatch(/! Wording unverified/);
    const hfs7 = await runCli(['instruments', 'hfs7']);
    expect(hfs7.stdout).toContain('HFS-7 item 3');
    expect(hfs7.stdout).toContain('--wording <pack.json>');
  });

  it('applies a valid wording pack and rejects a bad one field by field', async () => {
    const items = Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => [`q${i + 1}`, { text: `Placeholder ${i + 1}` }]),
    );
    const pack = {
      instrumentId: 'hfs7',
      instrumentVersion: 'tan-2005',
      name: 'Test pack',
      licence: 'fixture',
      items,
    };
    const good = join(dir, 'pack.json');
    await writeFile(good, JSON.stringify(pack));
    const r = await runCli(['instruments', 'hfs7', '--wording', good]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('q3: Placeholder 3');
    expect(r.stdout).toContain('licensed pack "Test pack"');

    const bad = join(dir, 'bad-pack.json');
    await writeFile(
      bad,
      JSON.stringify({ ...pack, instrumentVersion: 'v2', items: { ...items, q9: { text: 'x' } } }),
    );
    const b = await runCli(['instruments', 'hfs7', '--wording', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr.trim().split('\n').sort()).toEqual([
      'instrumentVersion: this pack is for version v2, but hfs7 is version tan-2005',
      'items.q9: unknown item (hfs7 has q1–q7)',
    ]);
  });

  it('rejects an unknown id with exit 2, listing the known ids', async () => {
    const r = await runCli(['instruments', 'hfs-7']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^instrument: unknown instrument "hfs-7"; known ids: smc, /);
    expect(r.stderr).not.toMatch(/at .*\.ts/);
  });

  it('rejects --wording without an instrument id', async () => {
    const r = await runCli(['instruments', '--wording', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--wording needs an instrument id');
  });
});

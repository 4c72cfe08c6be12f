import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../../src/index';
import { issuesFor, paths } from './helpers';

const hear = (ptaDb: unknown, wrsPercent: unknown) =>
  scoreInstrument('hearing-aao-hns', { items: { ptaDb, wrsPercent } });

describe('AAO-HNS hearing class', () => {
  it('reaches classes A–D at the cut-offs evidence.md gives', () => {
    expect(hear(30, 70).band?.id).toBe('A');
    expect(hear(-10, 100).band?.id).toBe('A');
    expect(hear(30.1, 70).band?.id).toBe('B');
    expect(hear(50, 50).band?.id).toBe('B');
    expect(hear(50.1, 50).band?.id).toBe('C');
    expect(hear(120, 100).band?.id).toBe('C');
    expect(hear(10, 49.9).band?.id).toBe('D');
    expect(hear(90, 0).band?.id).toBe('D');
  });

  it('has no total: the class is the result, and the raw audiometry is kept', () => {
    const s = hear(42.5, 84);
    expect(s.total).toBeNull();
    expect(s.display).toBe('Class B');
    expect(s.answers).toEqual({ ptaDb: 42.5, wrsPercent: 84 });
  });

  it('marks class A verified and classes B–D unverified', () => {
    const a = hear(20, 90);
    expect(a.verification).toBe('verified');
    expect(a.unverified).toEqual([]);
    for (const s of [hear(40, 80), hear(60, 80), hear(20, 30)]) {
      expect(s.verification).toBe('unverified');
      expect(s.unverified.join(' ')).toMatch(/classes B, C and D are general knowledge/);
    }
  });

  it('leaves PTA ≤ 30 dB with WRS 50–69 % unclassified instead of inventing a class', () => {
    for (const s of [hear(30, 69.9), hear(0, 50)]) {
      expect(s.band).toBeNull();
      expect(s.display).toBe('unclassified');
      expect(s.bandNote).toMatch(/must classify/);
      expect(s.verification).toBe('unverified');
    }
  });

  it('rejects impossible audiometry, naming the field', () => {
    const issues = issuesFor('hearing-aao-hns', { items: { ptaDb: 200, wrsPercent: 101 } });
    expect(issues).toEqual([
      { path: 'items.ptaDb', message: 'expected a number -20–140 dB, got 200' },
      { path: 'items.wrsPercent', message: 'expected a number 0–100 %, got 101' },
    ]);
    expect(paths(issuesFor('hearing-aao-hns', { items: { ptaDb: '30 dB', wrsPercent: 80 } }))).toEqual([
      'items.ptaDb',
    ]);
    expect(paths(issuesFor('hearing-aao-hns', { items: { ptaDb: 30 } }))).toEqual(['items.wrsPercent']);
    expect(
      paths(issuesFor('hearing-aao-hns', { instrument: 'smc', items: { ptaDb: 30, wrsPercent: 80 } })),
    ).toEqual(['instrument']);
    expect(
      paths(issuesFor('hearing-aao-hns', { items: { ptaDb: 30, wrsPercent: 80, ear: 'left' } })),
    ).toEqual(['items.ear']);
  });
});

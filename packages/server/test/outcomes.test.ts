/** Clinic outcome figures from episodes and follow-ups (pure computation). */
import { describe, expect, it } from 'vitest';
import {
  computeOutcomes,
  type EpisodeFact,
  type FollowUpFact,
  failureOrRecurrenceObservation,
  monthsSinceStart,
  wearingOffObservation,
} from '../src/domain/outcomes';

const ep = (
  id: string,
  kind: EpisodeFact['kind'],
  complications: string[] = [],
  startDate: string | null = null,
): EpisodeFact => ({
  id,
  patientId: `p-${id}`,
  kind,
  complications,
  startDate,
});
const fu = (
  episodeId: string,
  timePoint: FollowUpFact['timePoint'],
  spasmStatus: FollowUpFact['spasmStatus'],
  recurrence = false,
  assessedOn: string | null = null,
): FollowUpFact => ({
  episodeId,
  timePoint,
  assessedOn,
  spasmStatus,
  complications: [],
  recurrence,
});
/** The MVD event-free curve of episodes `ids`, all treated on `startDate`, with these follow-ups. */
const mvdCurve = (ids: string[], startDate: string, followUps: FollowUpFact[]) =>
  computeOutcomes(
    ids.map((id) => ep(id, 'mvd', [], startDate)),
    followUps,
  ).find((k) => k.kind === 'mvd')!.eventFree;

describe('computeOutcomes', () => {
  const out = computeOutcomes(
    [ep('a', 'mvd'), ep('b', 'mvd', ['hearing loss']), ep('c', 'botulinum_toxin')],
    [
      fu('a', '1m', 'resolved'),
      fu('a', '12m', 'worse', true),
      fu('b', '1m', 'resolved'),
      fu('b', '12m', 'resolved'),
      fu('c', '1m', 'improved'),
    ],
  );
  const mvd = out.find((k) => k.kind === 'mvd')!;

  it('reports every kind, including kinds without episodes', () => {
    expect(out.map((k) => k.kind)).toEqual(['oral_medication', 'botulinum_toxin', 'mvd', 'rf_neurotomy']);
    expect(out[0]).toMatchObject({ episodes: 0, complications: { episodes: 0, rate: null } });
  });
  it('counts follow-up status at each time point', () => {
    expect(mvd.followUps.find((f) => f.timePoint === '1m')).toMatchObject({ total: 2, resolved: 2 });
    expect(mvd.followUps.find((f) => f.timePoint === '12m')).toMatchObject({
      total: 2,
      resolved: 1,
      worse: 1,
    });
  });
  it('gives complication rates per episode', () => {
    expect(mvd.complications).toEqual({ episodes: 1, rate: 0.5 });
  });
  it('enters every followed episode in a Kaplan–Meier curve: a recurrence lowers it at its time', () => {
    // Without dates the nominal months are used: a recurred at 12 months, b censored at 12 months.
    expect(mvd.eventFree).toMatchObject({
      definition: 'failure_or_recurrence',
      windowMonths: 12,
      episodes: 2,
      events: 1,
      failures: 0,
      recurrences: 1,
    });
    expect(mvd.eventFree.steps).toEqual([
      { time: 0, atRisk: 2, events: 0, censored: 0, survival: 1, ci95Low: null, ci95High: null },
      // Both at risk at 12 months, one recurrence (counted before the censoring): 1 − 1/2.
      expect.objectContaining({ time: 12, atRisk: 2, events: 1, censored: 1, survival: 0.5 }),
    ]);
  });
});

describe('event-free curve (MVD: failure or recurrence), with episodes that all resolved', () => {
  // Five MVD episodes treated on 2025-01-01, follow-ups on their real dates:
  //   a: resolved at 1 and 3 months, recurrence on 2025-07-02 (6 months)          → event at 6.0
  //   b: resolved, last seen 2025-04-02 (3 months)                                → censored at 3.0
  //   c: resolved, then recurrence on 2026-01-01 (12 months)                       → event at 12.0
  //   d: improved at 1 week only                                                   → censored at 0.2
  //   e: resolved at 12 months                                                     → censored at 12.0
  //   f: no follow-up                                                              → not in the estimate
  const start = '2025-01-01';
  const out = mvdCurve(['a', 'b', 'c', 'd', 'e', 'f'], start, [
    fu('a', '1m', 'resolved', false, '2025-02-01'),
    fu('a', '3m', 'resolved', false, '2025-04-02'),
    fu('a', '6m', 'unchanged', true, '2025-07-02'),
    fu('a', '12m', 'improved', false, '2026-01-01'),
    fu('b', '1m', 'resolved', false, '2025-02-01'),
    fu('b', '3m', 'resolved', false, '2025-04-02'),
    fu('c', '6m', 'resolved', false, '2025-07-02'),
    fu('c', '12m', 'worse', true, '2026-01-01'),
    fu('d', '1w', 'improved', false, '2025-01-08'),
    fu('e', '12m', 'resolved', false, '2026-01-01'),
  ]);
  const month = (days: number) => days / (365.25 / 12);

  it('takes months from the treatment date to each follow-up’s own date', () => {
    expect(out).toMatchObject({ episodes: 5, events: 2, failures: 0, recurrences: 2 });
    expect(out.steps.map((s) => s.time)).toEqual([0, month(7), month(91), month(182), month(365)]);
  });

  it('drops when a recurrence happens and never rises', () => {
    const s = out.steps.map((x) => x.survival);
    // 5 at risk; d leaves at 0.2 and b at 3 months (censored, no drop); a recurs at 6 with 3 at risk
    // → 2/3; c recurs at 12 with 2 at risk (c and e; e censored there) → 2/3 · 1/2 = 1/3.
    expect(s[0]).toBe(1);
    expect(s[1]).toBe(1);
    expect(s[2]).toBe(1);
    expect(s[3]).toBeCloseTo(2 / 3, 12);
    expect(s[4]).toBeCloseTo(1 / 3, 12);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]!);
  });

  it('takes censored episodes out of the risk set after their last follow-up', () => {
    expect(out.steps.map((x) => [x.atRisk, x.events, x.censored])).toEqual([
      [5, 0, 0],
      [5, 0, 1],
      [4, 0, 1],
      [3, 1, 0],
      [2, 1, 1],
    ]);
  });

  it('ignores follow-ups after the first recurrence', () => {
    // a is "improved" again at 12 months, but its event stays at 6 months.
    expect(out.steps.find((x) => x.time === month(182))).toMatchObject({ events: 1 });
  });

  it('falls back to the nominal time point without a usable date', () => {
    expect(monthsSinceStart(null, fu('x', '3m', 'resolved'))).toBe(3);
    expect(monthsSinceStart('2025-01-01', fu('x', '1w', 'resolved'))).toBe(0.25);
    // A follow-up dated before the treatment is a data error: the nominal time point is used.
    expect(monthsSinceStart('2025-01-01', fu('x', '6m', 'resolved', false, '2024-12-01'))).toBe(6);
    expect(monthsSinceStart('2025-01-01', fu('x', '6m', 'resolved', false, '2025-07-02'))).toBeCloseTo(
      month(182),
      12,
    );
  });

  it('orders follow-ups by time, not by the order they were recorded in', () => {
    expect(
      failureOrRecurrenceObservation(
        ep('y', 'rf_neurotomy', [], '2025-01-01'),
        [fu('y', '12m', 'unchanged', true, '2026-01-01'), fu('y', '1m', 'resolved', false, '2025-02-01')],
        3,
      ),
    ).toEqual({ time: month(365), event: true, reason: 'recurrence' });
    expect(failureOrRecurrenceObservation(ep('z', 'mvd'), [], 12)).toBeNull();
  });

  it('is an empty curve for a kind without followed episodes', () => {
    const none = computeOutcomes([ep('q', 'rf_neurotomy')], []).find((k) => k.kind === 'rf_neurotomy')!;
    expect(none.eventFree).toEqual({
      definition: 'failure_or_recurrence',
      windowMonths: 3,
      episodes: 0,
      events: 0,
      failures: 0,
      recurrences: 0,
      steps: [],
    });
  });
});

describe('failures count as events: a treatment that never worked no longer keeps the curve high', () => {
  const start = '2025-01-01';
  const month = (days: number) => days / (365.25 / 12);

  it('MVD never resolved by 12 months is a failure at the visit that shows it; within the window it is censored', () => {
    const never = ep('n', 'mvd', [], start);
    expect(
      failureOrRecurrenceObservation(
        never,
        [fu('n', '1m', 'unchanged', false, '2025-02-01'), fu('n', '12m', 'improved', false, '2026-01-01')],
        12,
      ),
    ).toEqual({ time: month(365), event: true, reason: 'failure' });
    // At 6 months still spasming: delayed relief is expected, not yet a failure.
    expect(
      failureOrRecurrenceObservation(never, [fu('n', '6m', 'unchanged', false, '2025-07-02')], 12),
    ).toEqual({ time: month(182), event: false });
    // A "12 months" visit a few days early still closes the window (its nominal time point).
    expect(
      failureOrRecurrenceObservation(never, [fu('n', '12m', 'unchanged', false, '2025-12-20')], 12),
    ).toEqual({ time: month(353), event: true, reason: 'failure' });
    // Resolved late (delayed cure) within the window: no failure.
    expect(
      failureOrRecurrenceObservation(
        never,
        [fu('n', '6m', 'unchanged', false, '2025-07-02'), fu('n', '12m', 'resolved', false, '2026-01-01')],
        12,
      ),
    ).toEqual({ time: month(365), event: false });
  });

  it('RF not resolved by 3 months is a failure at the 3-month visit', () => {
    expect(
      failureOrRecurrenceObservation(
        ep('r', 'rf_neurotomy', [], start),
        [fu('r', '3m', 'improved', false, '2025-04-02')],
        3,
      ),
    ).toEqual({ time: month(91), event: true, reason: 'failure' });
  });

  it('the curve drops for failures (half the MVDs never resolved: 50 % at 12 months)', () => {
    const out = mvdCurve(['a', 'b', 'c', 'd'], start, [
      fu('a', '12m', 'unchanged', false, '2026-01-01'),
      fu('b', '12m', 'worse', false, '2026-01-01'),
      fu('c', '1m', 'resolved', false, '2025-02-01'),
      fu('c', '12m', 'resolved', false, '2026-01-01'),
      fu('d', '12m', 'resolved', false, '2026-01-01'),
    ]);
    expect(out).toMatchObject({ episodes: 4, events: 2, failures: 2, recurrences: 0 });
    // Failures and successes seen at the same 12-month visit: 4 at risk, 2 events, then 2 censored.
    expect(out.steps.at(-1)).toMatchObject({
      time: month(365),
      atRisk: 4,
      events: 2,
      censored: 2,
      survival: 0.5,
    });
  });
});

describe('toxin and oral drugs: time to wearing off', () => {
  const start = '2025-01-01';
  const month = (days: number) => days / (365.25 / 12);
  const toxin = ep('t', 'botulinum_toxin', [], start);

  it('the event is the spasm back after an effect, or no effect at the first follow-up', () => {
    expect(
      wearingOffObservation(toxin, [
        fu('t', '1m', 'improved', false, '2025-02-01'),
        fu('t', '3m', 'worse', false, '2025-04-02'),
      ]),
    ).toEqual({ time: month(91), event: true, reason: 'recurrence' });
    expect(wearingOffObservation(toxin, [fu('t', '1m', 'unchanged', false, '2025-02-01')])).toEqual({
      time: month(31),
      event: true,
      reason: 'failure',
    });
    expect(wearingOffObservation(toxin, [fu('t', '1m', 'resolved', false, '2025-02-01')])).toEqual({
      time: month(31),
      event: false,
    });
  });

  it('labels the toxin and oral curves as time to wearing off, without a window', () => {
    const out = computeOutcomes([toxin], [fu('t', '1m', 'improved', false, '2025-02-01')]);
    for (const kind of ['botulinum_toxin', 'oral_medication'] as const)
      expect(out.find((k) => k.kind === kind)!.eventFree).toMatchObject({
        definition: 'time_to_wearing_off',
        windowMonths: null,
      });
  });
});

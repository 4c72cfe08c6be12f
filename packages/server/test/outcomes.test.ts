/** Clinic outcome figures from episodes and follow-ups (pure computation). */
import { describe, expect, it } from 'vitest';
import { computeOutcomes, type EpisodeFact, type FollowUpFact } from '../src/domain/outcomes';

const ep = (id: string, kind: EpisodeFact['kind'], complications: string[] = []): EpisodeFact => ({
  id,
  patientId: `p-${id}`,
  kind,
  complications,
});
const fu = (
  episodeId: string,
  timePoint: FollowUpFact['timePoint'],
  spasmStatus: FollowUpFact['spasmStatus'],
  recurrence = false,
): FollowUpFact => ({
  episodeId,
  timePoint,
  spasmStatus,
  complications: [],
  recurrence,
});

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
  it('counts an episode as recurrence-free only while resolved without a recorded recurrence', () => {
    expect(mvd.recurrenceFree.find((f) => f.timePoint === '1m')).toMatchObject({
      followed: 2,
      recurrenceFree: 2,
      proportion: 1,
    });
    expect(mvd.recurrenceFree.find((f) => f.timePoint === '12m')).toMatchObject({
      followed: 2,
      recurrenceFree: 1,
      proportion: 0.5,
    });
  });
});

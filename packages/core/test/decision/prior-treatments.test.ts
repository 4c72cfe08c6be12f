/** Prior treatments read from a record's episodes and follow-ups: the one rule of the web form and CDS Hooks. */
import { describe, expect, it } from 'vitest';
import { readPriorTreatments, type TreatmentCourse } from '../../src/decision/prior-treatments';

const course = (
  c: Partial<TreatmentCourse<string>> & Pick<TreatmentCourse<string>, 'option' | 'source'>,
) => ({
  monthsSince: 6,
  followUps: [],
  ...c,
});

describe('readPriorTreatments', () => {
  it('reads MVD, RF and drugs one entry per episode, from the latest follow-up status, in the order given', () => {
    const out = readPriorTreatments([
      course({
        option: 'mvd',
        source: 'mvd',
        followUps: [{ spasmStatus: 'improved' }, { spasmStatus: 'resolved' }],
      }),
      course({ option: 'rf_neurotomy', source: 'rf', followUps: [{ spasmStatus: 'worse' }] }),
      course({ option: 'oral_medication', source: 'drug', monthsSince: 0, followUps: [] }),
    ]);
    expect(out.map((r) => [r.option, r.response, r.monthsSince, r.sources])).toEqual([
      ['mvd', 'good', 6, ['mvd']],
      ['rf_neurotomy', 'none', 6, ['rf']],
      ['oral_medication', undefined, 0, ['drug']],
    ]);
    expect(out[0]!.followUp).toEqual({ spasmStatus: 'resolved' });
  });

  it('says recurred when a follow-up records the spasm back, and lets a recorded response win', () => {
    const [recurred, recorded] = readPriorTreatments([
      course({
        option: 'mvd',
        source: 'a',
        followUps: [{ spasmStatus: 'resolved' }, { spasmStatus: 'unchanged', recurrence: true }],
      }),
      course({
        option: 'mvd',
        source: 'b',
        recordedResponse: 'not_tolerated',
        followUps: [{ spasmStatus: 'resolved' }],
      }),
    ]);
    expect(recurred!.response).toBe('recurred');
    expect(recorded!.response).toBe('not_tolerated');
    expect(recorded!.followUp).toBeUndefined();
  });

  it('reads toxin as one entry: cycles, months since the latest, the best status of the latest followed session', () => {
    const [toxin, ...rest] = readPriorTreatments([
      course({
        option: 'botulinum_toxin',
        source: 'old',
        monthsSince: 9,
        followUps: [{ spasmStatus: 'worse' }],
      }),
      course({
        option: 'botulinum_toxin',
        source: 'mid',
        monthsSince: 5,
        // Wearing off (and the spasm back) is expected after toxin: judged at its peak, not a recurrence.
        followUps: [{ spasmStatus: 'resolved' }, { spasmStatus: 'worse', recurrence: true }],
      }),
      course({ option: 'botulinum_toxin', source: 'new', monthsSince: 1, followUps: [] }),
      course({ option: 'botulinum_toxin', source: 'undated', monthsSince: undefined, followUps: [] }),
    ]);
    expect(rest).toEqual([]);
    expect(toxin).toMatchObject({
      option: 'botulinum_toxin',
      response: 'good',
      monthsSince: 1,
      cycles: 4,
      sources: ['new', 'mid', 'old', 'undated'],
      followUp: { spasmStatus: 'resolved' },
    });
  });

  it('gives no response, never a default, when no session was followed', () => {
    const [toxin] = readPriorTreatments([course({ option: 'botulinum_toxin', source: 's' })]);
    expect(toxin).toMatchObject({ response: undefined, cycles: 1 });
    expect(readPriorTreatments([])).toEqual([]);
  });
});

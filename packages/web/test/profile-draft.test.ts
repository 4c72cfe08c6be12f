/**
 * The clinician's profile form starts from the record: prior treatments from episodes and their follow-ups,
 * SMC grade and duration never defaulted, the patient's warning signs on their fields, reviewed flags kept.
 */
import { recommend } from '@hemispasm/core';
import { describe, expect, it } from 'vitest';
import type { DecisionRecord, Episode, FollowUp, Patient, Preference } from '../src/api/types';
import {
  initialDraft,
  missingFields,
  monthsBetween,
  priorTreatmentsFromRecord,
  toProfile,
} from '../src/pages/clinician/profile-draft';

const TODAY = new Date('2026-11-30T12:00:00Z');
const ids = { patientId: 'p1', createdBy: 'u1' };

const patient = (over: Partial<Patient> = {}): Patient => ({
  id: 'p1',
  clinicId: 'c1',
  name: 'Test Patient',
  birthDate: '1962-04-18',
  sex: 'male',
  affectedSide: 'right',
  onsetDate: '2022-09-01',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

const toxin = (id: string, startDate: string, createdAt = `${startDate}T10:00:00Z`): Episode => ({
  ...ids,
  id,
  kind: 'botulinum_toxin',
  startDate,
  side: 'right',
  product: 'onabotulinumtoxinA',
  injections: [{ site: 'orbicularis oculi', units: 5 }],
  totalUnits: 5,
  createdAt,
});

const mvd = (id: string, startDate: string): Episode =>
  ({
    ...ids,
    id,
    kind: 'mvd',
    startDate,
    side: 'right',
    createdAt: `${startDate}T10:00:00Z`,
  }) as unknown as Episode;

const fu = (
  episodeId: string,
  timePoint: FollowUp['timePoint'],
  assessedOn: string,
  spasmStatus: FollowUp['spasmStatus'],
  recurrence = false,
): FollowUp => ({
  ...ids,
  id: `${episodeId}-${timePoint}`,
  episodeId,
  timePoint,
  assessedOn,
  spasmStatus,
  houseBrackmann: null,
  hearingClass: null,
  complications: [],
  recurrence,
  notes: null,
  createdAt: `${assessedOn}T10:00:00Z`,
});

describe('priorTreatmentsFromRecord', () => {
  it('one toxin session with a "no change" follow-up: no response, one cycle, months since the session', () => {
    const rows = priorTreatmentsFromRecord(
      [toxin('t1', '2026-10-30')],
      [fu('t1', '1m', '2026-11-28', 'unchanged')],
      TODAY,
    );
    expect(rows).toEqual([
      expect.objectContaining({ option: 'botulinum_toxin', response: 'none', cycles: 1, monthsSince: 1 }),
    ]);
  });

  it('several toxin sessions: cycles counted, the latest followed session judged at its best (peak), not wear-off', () => {
    const rows = priorTreatmentsFromRecord(
      [toxin('t1', '2026-01-10'), toxin('t2', '2026-05-10'), toxin('t3', '2026-09-10')],
      [
        fu('t2', '1m', '2026-06-10', 'resolved'),
        fu('t2', '3m', '2026-08-10', 'worse', true),
        fu('t1', '1m', '2026-02-10', 'unchanged'),
      ],
      TODAY,
    );
    expect(rows).toEqual([
      expect.objectContaining({ option: 'botulinum_toxin', response: 'good', cycles: 3, monthsSince: 2.7 }),
    ]);
  });

  it('MVD: the latest follow-up gives the response, a recorded recurrence makes it `recurred`', () => {
    const rows = priorTreatmentsFromRecord(
      [mvd('m1', '2024-02-01'), mvd('m2', '2026-09-30')],
      [
        fu('m1', '1m', '2024-03-01', 'resolved'),
        fu('m1', '12m', '2025-02-01', 'worse', true),
        fu('m2', '1m', '2026-10-30', 'improved'),
      ],
      TODAY,
    );
    expect(rows.map((r) => [r.option, r.response, r.monthsSince])).toEqual([
      ['mvd', 'recurred', 34],
      ['mvd', 'partial', 2],
    ]);
  });

  it('a treatment without a follow-up has no response until the clinician picks one', () => {
    const [row] = priorTreatmentsFromRecord([mvd('m1', '2026-10-01')], [], TODAY);
    expect(row).toMatchObject({ option: 'mvd', response: '' });
    expect(row!.from?.followUp).toBeUndefined();
  });

  it('counts months from the dates', () => {
    expect(monthsBetween('2026-11-30', TODAY)).toBe(0);
    expect(monthsBetween('2025-11-30', TODAY)).toBe(12);
    expect(monthsBetween('2027-01-01', TODAY)).toBe(0);
  });
});

describe('initialDraft', () => {
  it('never defaults the SMC grade or the duration: both stay empty and are reported missing', () => {
    const d = initialDraft({
      patient: patient({ onsetDate: null }),
      smcGrade: null,
      episodes: [],
      followUps: [],
      today: TODAY,
    });
    expect(d.smcGrade).toBe('');
    expect(d.symptomDurationMonths).toBe('');
    expect(missingFields(d)).toEqual(['severity.smcGrade', 'symptomDurationMonths']);
  });

  it('takes the SMC grade from the latest assessment and the duration from the onset date', () => {
    const d = initialDraft({ patient: patient(), smcGrade: 3, episodes: [], followUps: [], today: TODAY });
    expect(d.smcGrade).toBe(3);
    expect(d.symptomDurationMonths).toBe(51);
    expect(d.profile.age).toBe(64);
  });

  it('sends a toxin episode with a "no change" follow-up to the engine: toxin_non_response, MVD not preferred', () => {
    const d = initialDraft({
      patient: patient(),
      smcGrade: 3,
      episodes: [toxin('t1', '2026-10-30')],
      followUps: [fu('t1', '1m', '2026-11-28', 'unchanged')],
      today: TODAY,
    });
    expect(missingFields(d)).toEqual([]);
    const profile = toProfile({
      ...d,
      profile: { ...d.profile, imaging: { mri: 'neurovascular_conflict' } },
    });
    expect(profile.priorTreatments).toEqual([
      { option: 'botulinum_toxin', response: 'none', monthsSince: 1, cycles: 1 },
    ]);
    const r = recommend(profile);
    expect(r.redFlags.map((f) => f.code)).toContain('toxin_non_response');
    expect(r.options.find((o) => o.id === 'mvd')!.recommendation).not.toBe('preferred');
  });

  it("sets the patient's newer warning signs on their fields, and keeps what the last decision recorded", () => {
    const last = {
      id: 'd1',
      patientId: 'p1',
      profile: {
        ...toProfile(
          initialDraft({ patient: patient(), smcGrade: 2, episodes: [], followUps: [], today: TODAY }),
        ),
        imaging: { mri: 'normal' },
        redFlagsReviewed: ['young_onset'],
        priorTreatments: [{ option: 'oral_medication', response: 'good', monthsSince: 4 }],
      },
      result: recommend({
        ...toProfile(
          initialDraft({ patient: patient(), smcGrade: 2, episodes: [], followUps: [], today: TODAY }),
        ),
      }),
      chosenOption: null,
      chosenBy: null,
      chosenAt: null,
      createdBy: 'u1',
      createdAt: '2026-11-01T00:00:00Z',
    } as DecisionRecord;
    const pref = {
      id: 'pr1',
      patientId: 'p1',
      decisionId: null,
      preferredOption: null,
      values: { avoidSurgery: 3, 'flag.lowerFirst': true, 'flag.numbness': true, 'flag.unknown': true },
      sure: { sure: true, understand: true, riskBenefit: true, encouragement: true },
      sureScore: 4,
      createdBy: 'u2',
      createdAt: '2026-11-15T00:00:00Z',
    } as Preference;
    const d = initialDraft({
      patient: patient(),
      smcGrade: null,
      episodes: [],
      followUps: [],
      lastDecision: last,
      preference: pref,
      today: TODAY,
    });
    expect(d.profile.imaging.mri).toBe('normal');
    expect(d.profile.redFlagsReviewed).toEqual(['young_onset']);
    expect(d.smcGrade).toBe(2);
    expect(d.profile.features?.lowerFaceOnset).toBe(true);
    expect(d.profile.neurology?.otherCranialNerveSigns).toBe(true);
    expect(d.profile.neurology?.facialWeakness).toBe(false);
    // Nothing recorded since the last decision: its (edited) history is kept.
    expect(d.prior.map((r) => [r.option, r.response, r.monthsSince])).toEqual([
      ['oral_medication', 'good', 4],
    ]);
    // An episode recorded after it: the history is rebuilt from the record.
    const later = initialDraft({
      patient: patient(),
      smcGrade: null,
      episodes: [toxin('t9', '2026-11-20', '2026-11-20T09:00:00Z')],
      followUps: [],
      lastDecision: last,
      today: TODAY,
    });
    expect(later.prior.map((r) => r.option)).toEqual(['botulinum_toxin']);
    expect(missingFields(later)).toEqual(['priorTreatments.0.response']);
    // Signs saved before the last decision are not applied again (the clinician already saw them).
    const older = initialDraft({
      patient: patient(),
      smcGrade: null,
      episodes: [],
      followUps: [],
      lastDecision: last,
      preference: { ...pref, createdAt: '2026-10-01T00:00:00Z' },
      today: TODAY,
    });
    expect(older.profile.features?.lowerFaceOnset).toBe(false);
  });
});

/**
 * Seeds a demo clinic with synthetic patients so a newcomer sees a living system: an admin, two
 * clinicians and a patient login; patients with diaries (toxin cycles marked), assessments scored by
 * the core, treatment episodes of all four kinds with follow-ups, a decision record computed by the
 * decision engine, and a video measurement analysed from the core's synthetic face signals.
 *
 * Everything is generated from a fixed seed and a fixed table of courses (`DEMO_COURSES`), so every demo
 * database looks the same relative to its seeding day. The people and their courses are invented. The
 * courses follow the general pattern the evidence reference describes, so that the outcome page looks
 * plausible — they are NOT clinical figures and must never be quoted as such:
 * - MVD: mostly resolved, often only after weeks to months (delayed relief), one persistent, one rare
 *   recurrence, an occasional complication (transient delayed facial palsy, ipsilateral hearing loss);
 * - botulinum toxin: improved within a week, still improved at 1 month, worn off by 3 months (back to
 *   "unchanged" — the expected end of a toxin cycle, not a recurrence, which the follow-up form defines as
 *   "spasm came back after having resolved"); an occasional transient ptosis or mild facial weakness;
 * - RF neurotomy: House–Brackmann II–III weakness early that fades by 3–6 months, spasm resolved, and a
 *   recurrence around 6–12 months in half of them;
 * - tablets: mostly unchanged, a fading partial effect in one, drowsiness or dizziness.
 * The demo passwords are fixed and printed on purpose: this is demo data, never for real patients.
 */
import {
  analyzeSignals,
  DEFAULT_SCENARIO,
  EXAMPLE_PROFILE,
  FOLLOW_UP_TIME_POINTS,
  generateScenario,
  type HearingClass,
  type TreatmentKind as Kind,
  makeRng,
  type PatientProfileInput,
  recommend,
  type SpasmStatus as Status,
  scoreInstrument,
  type FollowUpTimePoint as TimePoint,
} from '@hemispasm/core';
import { sql } from 'kysely';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/database';

export const DEMO_CLINIC_NAME = 'Demo HFS Clinic (synthetic data)';

export interface DemoLogin {
  role: 'admin' | 'clinician' | 'patient';
  email: string;
  password: string;
  note: string;
}

export const DEMO_LOGINS: DemoLogin[] = [
  {
    role: 'admin',
    email: 'admin@demo.hemispasm.test',
    password: 'demo-admin-2026',
    note: 'manages users, audit trail',
  },
  {
    role: 'clinician',
    email: 'clinician@demo.hemispasm.test',
    password: 'demo-clinician-2026',
    note: 'all demo patients',
  },
  {
    role: 'patient',
    email: 'patient@demo.hemispasm.test',
    password: 'demo-patient-2026',
    note: 'Ada Demo’s own record',
  },
];

/** One follow-up visit of a demo course. */
interface Visit {
  tp: TimePoint;
  status: Status;
  hb?: number;
  hearing?: HearingClass;
  complications?: string[];
  recurrence?: boolean;
}
/** One treatment episode of a demo patient: started `daysAgo` before the seeding day. */
interface DemoEpisode {
  kind: Kind;
  daysAgo: number;
  visits: Visit[];
  /** Episode-level details merged over the defaults (e.g. a procedure complication). */
  details?: Record<string, unknown>;
}

/** Days after treatment of each visit (before a few days' jitter); a visit not reached yet is not seeded. */
export const VISIT_DAY: Record<TimePoint, number> = {
  '1w': 7,
  '1m': 30,
  '3m': 91,
  '6m': 182,
  '12m': 365,
  later: 730,
};
const JITTER_DAYS: Record<TimePoint, number> = { '1w': 1, '1m': 4, '3m': 7, '6m': 10, '12m': 14, later: 30 };
const ORDER = FOLLOW_UP_TIME_POINTS;
const reached = (tp: TimePoint, from: TimePoint) => ORDER.indexOf(tp) >= ORDER.indexOf(from);

/**
 * MVD: improved until `resolvesAt` (null: persistent spasm), resolved from then on; a recurrence at
 * `recurrenceAt` brings it back. House–Brackmann I and hearing class A unless a complication says otherwise.
 */
function mvd(
  daysAgo: number,
  o: {
    resolvesAt: TimePoint | null;
    recurrenceAt?: TimePoint;
    delayedFacialPalsy?: boolean;
    hearingLoss?: boolean;
  },
): DemoEpisode {
  const visits = ORDER.map((tp): Visit => {
    const recurred = o.recurrenceAt !== undefined && reached(tp, o.recurrenceAt);
    const resolved = o.resolvesAt !== null && reached(tp, o.resolvesAt);
    const palsy = o.delayedFacialPalsy
      ? ({ '1m': 3, '3m': 2 } as Partial<Record<TimePoint, number>>)[tp]
      : undefined;
    return {
      tp,
      status: recurred ? 'unchanged' : resolved ? 'resolved' : 'improved',
      recurrence: tp === o.recurrenceAt,
      hb: palsy ?? 1,
      hearing: o.hearingLoss ? 'C' : 'A',
      complications: palsy === 3 ? ['delayed facial palsy (transient)'] : [],
    };
  });
  return {
    kind: 'mvd',
    daysAgo,
    visits,
    details: o.hearingLoss ? { complications: ['ipsilateral hearing loss'] } : {},
  };
}

/** Toxin: improved within a week and at 1 month, worn off (unchanged) by 3 months unless `lasting`. */
function toxin(
  daysAgo: number,
  o: { lasting?: boolean; ptosis?: boolean; weakness?: boolean; partial?: boolean } = {},
): DemoEpisode {
  const early = (tp: TimePoint): Visit => ({
    tp,
    status: 'improved',
    hb: o.weakness ? 2 : 1,
    complications: [
      ...(o.ptosis ? ['transient ptosis'] : []),
      ...(o.weakness ? ['mild facial weakness (transient)'] : []),
    ],
  });
  return {
    kind: 'botulinum_toxin',
    daysAgo,
    visits: [
      o.partial ? { ...early('1w'), status: 'unchanged' } : early('1w'),
      early('1m'),
      { tp: '3m', status: o.lasting ? 'improved' : 'unchanged', hb: 1 },
    ],
  };
}

/** RF: resolved at once with House–Brackmann `hb` (II–III) weakness fading by 6 months; optional recurrence. */
function rf(daysAgo: number, o: { hb: 2 | 3; recurrenceAt?: TimePoint; complication?: string }): DemoEpisode {
  const weakness: Record<TimePoint, number> = {
    '1w': o.hb,
    '1m': o.hb,
    '3m': 2,
    '6m': 1,
    '12m': 1,
    later: 1,
  };
  const visits = (['1w', '1m', '3m', '6m', '12m'] as const).map(
    (tp): Visit => ({
      tp,
      status: o.recurrenceAt && reached(tp, o.recurrenceAt) ? 'improved' : 'resolved',
      recurrence: tp === o.recurrenceAt,
      hb: Math.min(weakness[tp], o.hb),
      complications: o.complication && tp === '1w' ? [o.complication] : [],
    }),
  );
  return {
    kind: 'rf_neurotomy',
    daysAgo,
    visits,
    details: { immediateHouseBrackmann: o.hb, complications: [] },
  };
}

/** Tablets: unchanged, or a partial effect at 1 month that fades by 3 months; side effects reported. */
function tablets(
  daysAgo: number,
  drug: string,
  doseSchedule: string,
  o: { fading?: boolean; sideEffect?: string } = {},
): DemoEpisode {
  const complications = o.sideEffect ? [o.sideEffect] : [];
  return {
    kind: 'oral_medication',
    daysAgo,
    visits: [
      { tp: '1m', status: o.fading ? 'improved' : 'unchanged', complications },
      { tp: '3m', status: 'unchanged', complications },
    ],
    details: { drug, doseSchedule, sideEffects: complications },
  };
}

/**
 * The demo patients and their treatments (oldest first). Ada, the demo patient login, is in a toxin
 * cycle that started 59 days ago, as her diary shows.
 */
export const DEMO_COURSES: Array<{ name: string; episodes: DemoEpisode[] }> = [
  { name: 'Ada', episodes: [toxin(59)] },
  { name: 'Bruno', episodes: [toxin(1010, { partial: true }), mvd(770, { resolvesAt: '1w' })] },
  { name: 'Chiara', episodes: [toxin(720), mvd(610, { resolvesAt: '3m' })] },
  { name: 'Dmitri', episodes: [rf(700, { hb: 3, recurrenceAt: '12m' })] },
  { name: 'Elif', episodes: [toxin(100, { ptosis: true })] },
  { name: 'Farid', episodes: [mvd(540, { resolvesAt: '1w', recurrenceAt: '12m' })] },
  { name: 'Greta', episodes: [mvd(420, { resolvesAt: '1m', delayedFacialPalsy: true })] },
  { name: 'Hiro', episodes: [mvd(380, { resolvesAt: '6m' })] },
  { name: 'Ines', episodes: [toxin(112, { partial: true })] },
  { name: 'Jonas', episodes: [mvd(300, { resolvesAt: '1w', hearingLoss: true })] },
  { name: 'Kalinda', episodes: [rf(500, { hb: 2, recurrenceAt: '6m' })] },
  { name: 'Luca', episodes: [toxin(130, { lasting: true })] },
  { name: 'Mei', episodes: [toxin(290), mvd(200, { resolvesAt: '1m' })] },
  { name: 'Nikos', episodes: [rf(450, { hb: 3 })] },
  {
    name: 'Olga',
    episodes: [tablets(400, 'carbamazepine', '200 mg twice daily'), mvd(150, { resolvesAt: '6m' })],
  },
  { name: 'Priya', episodes: [toxin(97, { weakness: true })] },
  { name: 'Quentin', episodes: [rf(390, { hb: 2, recurrenceAt: '12m' })] },
  {
    name: 'Rosa',
    episodes: [tablets(160, 'clonazepam', '0.5 mg at night', { fading: true, sideEffect: 'drowsiness' })],
  },
  { name: 'Samuel', episodes: [mvd(800, { resolvesAt: null })] },
  { name: 'Tomasz', episodes: [rf(230, { hb: 2 })] },
  { name: 'Uma', episodes: [toxin(40)] },
  {
    name: 'Viktor',
    episodes: [tablets(120, 'carbamazepine', '200 mg twice daily', { sideEffect: 'dizziness' })],
  },
  { name: 'Wen', episodes: [mvd(95, { resolvesAt: '1w' })] },
  { name: 'Yusuf', episodes: [rf(120, { hb: 3, complication: 'dry eye (transient)' })] },
];

const SIDES = ['left', 'right'] as const;

const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

export interface DemoSeedResult {
  clinicId: string;
  patients: number;
  logins: DemoLogin[];
}

/** True when no clinic exists yet: the only case in which `npm start` seeds the demo by itself. */
export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const r = await db
    .selectFrom('clinics')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n === 0;
}

export async function demoClinicExists(db: Db): Promise<boolean> {
  return !!(await db
    .selectFrom('clinics')
    .select('id')
    .where('name', '=', DEMO_CLINIC_NAME)
    .executeTakeFirst());
}

/** Seeds the demo clinic in one transaction (all or nothing). Refuses when it already exists. */
export async function seedDemo(db: Db, opts: { today?: Date } = {}): Promise<DemoSeedResult> {
  const today = opts.today ?? new Date();
  const rng = makeRng(20260401);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const hashes = await Promise.all(DEMO_LOGINS.map((l) => hashPassword(l.password)));

  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('clinics')
      .select('id')
      .where('name', '=', DEMO_CLINIC_NAME)
      .executeTakeFirst();
    if (existing) throw new Error('the demo clinic already exists in this database');
    const clinic = await trx
      .insertInto('clinics')
      .values({ name: DEMO_CLINIC_NAME })
      .returning('id')
      .executeTakeFirstOrThrow();

    await trx
      .insertInto('users')
      .values({
        clinic_id: clinic.id,
        email: DEMO_LOGINS[0]!.email,
        display_name: 'Demo Admin',
        role: 'admin',
        password_hash: hashes[0]!,
      })
      .execute();
    const clinician = await trx
      .insertInto('users')
      .values({
        clinic_id: clinic.id,
        email: DEMO_LOGINS[1]!.email,
        display_name: 'Dr Demo',
        role: 'clinician',
        password_hash: hashes[1]!,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const patientIds: string[] = [];
    for (const [i, course] of DEMO_COURSES.entries()) {
      const side = pick(SIDES);
      const age = 35 + Math.floor(rng() * 40);
      const firstTreatment = Math.max(...course.episodes.map((e) => e.daysAgo));
      const onset = addDays(today, -(firstTreatment + 200 + Math.floor(rng() * 1500)));
      const p = await trx
        .insertInto('patients')
        .values({
          clinic_id: clinic.id,
          name: `${course.name} Demo`,
          birth_date: day(addDays(today, -Math.round(age * 365.25 + rng() * 300))),
          sex: i % 2 === 0 ? 'female' : 'male',
          affected_side: side,
          onset_date: day(onset),
          created_by: clinician.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      patientIds.push(p.id);

      // SMC grade and HFS-7 at baseline (before the first treatment): scored by the core, as a real
      // submission would be.
      const smcGrade = 1 + Math.floor(rng() * 4);
      const assessments = [
        { id: 'smc', answers: { items: { grade: smcGrade } } },
        {
          id: 'hfs7',
          answers: {
            items: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((q) => [`q${q}`, Math.floor(rng() * 5)])),
          },
        },
      ];
      for (const a of assessments) {
        const score = scoreInstrument(a.id, a.answers);
        await trx
          .insertInto('assessments')
          .values({
            patient_id: p.id,
            instrument_id: score.instrumentId,
            instrument_version: score.instrumentVersion,
            answers: JSON.stringify(a.answers),
            score: JSON.stringify(score),
            total: score.total,
            band_id: score.band?.id ?? null,
            assessed_on: day(addDays(today, -(firstTreatment + 14))),
            created_by: clinician.id,
          })
          .execute();
      }

      // The course's treatment episodes, each with the follow-ups already reached by the seeding day.
      let lastStatus: Status | null = null;
      for (const episode of course.episodes) {
        const { kind, daysAgo, visits } = episode;
        const start = addDays(today, -daysAgo);
        const ep = await trx
          .insertInto('treatment_episodes')
          .values({
            patient_id: p.id,
            kind,
            start_date: day(start),
            end_date: kind === 'oral_medication' ? day(addDays(start, 90)) : null,
            side: kind === 'oral_medication' ? null : side,
            details: JSON.stringify({ ...episodeDetails(kind, rng), ...episode.details }),
            created_by: clinician.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const rows = [];
        for (const v of visits) {
          const offset = VISIT_DAY[v.tp] + Math.round((rng() * 2 - 1) * JITTER_DAYS[v.tp]);
          if (offset > daysAgo) break;
          lastStatus = v.status;
          rows.push({
            patient_id: p.id,
            episode_id: ep.id,
            time_point: v.tp,
            assessed_on: day(addDays(start, offset)),
            spasm_status: v.status,
            house_brackmann: v.hb ?? null,
            hearing_class: v.hearing ?? null,
            complications: JSON.stringify(v.complications ?? []),
            recurrence: v.recurrence ?? false,
            created_by: clinician.id,
          });
        }
        if (rows.length > 0) await trx.insertInto('follow_ups').values(rows).execute();
      }

      // Sixty days of diary (one multi-row insert). Severity follows the latest follow-up; a patient whose
      // latest treatment is toxin marks injection, effect and wearing off of a 13-week cycle.
      const latest = course.episodes.at(-1)!;
      const onToxin = latest.kind === 'botulinum_toxin';
      const settled = lastStatus === 'resolved' ? 0.5 : lastStatus === 'improved' ? 2.5 : 3 + smcGrade;
      const diary = [];
      for (let d = 59; d >= 0; d--) {
        const cycleDay = (latest.daysAgo - d) % 91;
        const base = onToxin ? (cycleDay < 5 ? 6 : cycleDay < 70 ? 2 : 5) : settled;
        const severity = Math.max(0, Math.min(10, Math.round(base + (rng() - 0.5) * 3)));
        diary.push({
          patient_id: p.id,
          entry_date: day(addDays(today, -d)),
          severity,
          spasm_episodes: Math.round(severity * (3 + rng() * 4)),
          triggers: JSON.stringify(
            severity >= 6 ? [pick(['stress', 'fatigue', 'talking', 'bright light'])] : [],
          ),
          notes: null,
          toxin_injection: onToxin && cycleDay === 0,
          toxin_effect_noticed: onToxin && cycleDay === 5,
          toxin_wearing_off: onToxin && cycleDay === 70,
          created_by: clinician.id,
        });
      }
      await trx.insertInto('diary_entries').values(diary).execute();

      // A video measurement: the core's analyzer on the core's synthetic face signals.
      const scenario = generateScenario({
        ...DEFAULT_SCENARIO,
        seed: 1000 + i,
        durationS: 30,
        affected: side,
      });
      const { events, ...summary } = analyzeSignals(scenario.series);
      await trx
        .insertInto('video_measurements')
        .values({
          patient_id: p.id,
          recorded_at: addDays(today, -3).toISOString(),
          analyzer_version: summary.analyzerVersion,
          summary: JSON.stringify(summary),
          events: JSON.stringify(events),
          notes: 'synthetic signals (demo)',
          created_by: clinician.id,
        })
        .execute();

      if (i === 0) {
        const profile: PatientProfileInput = {
          ...EXAMPLE_PROFILE,
          age,
          affectedSide: side,
          symptomDurationMonths: Math.round((today.getTime() - onset.getTime()) / (30.44 * 86_400_000)),
          severity: { smcGrade },
          priorTreatments: [{ option: 'botulinum_toxin', response: 'partial' }],
        };
        await trx
          .insertInto('decision_records')
          .values({
            patient_id: p.id,
            profile: JSON.stringify(profile),
            result: JSON.stringify(recommend(profile, { explain: true })),
            chosen_option: null,
            created_by: clinician.id,
          })
          .execute();
      }
    }

    await trx
      .insertInto('users')
      .values({
        clinic_id: clinic.id,
        email: DEMO_LOGINS[2]!.email,
        display_name: 'Ada Demo',
        role: 'patient',
        patient_id: patientIds[0]!,
        password_hash: hashes[2]!,
      })
      .execute();

    return { clinicId: clinic.id, patients: patientIds.length, logins: DEMO_LOGINS };
  });
}

/** Episode details of each kind with typical synthetic values (shared with the registry seed). */
export function episodeDetails(kind: string, rng: () => number): Record<string, unknown> {
  switch (kind) {
    case 'oral_medication':
      return { drug: 'carbamazepine', doseSchedule: '200 mg twice daily', sideEffects: [] };
    case 'botulinum_toxin': {
      const injections = [
        { site: 'orbicularis oculi, upper lateral', units: 2.5 },
        { site: 'orbicularis oculi, lower lateral', units: 2.5 },
        { site: 'orbicularis oculi, upper medial', units: 2.5 },
        { site: 'zygomaticus major', units: 2.5 },
      ];
      return {
        product: 'onabotulinumtoxinA',
        injections,
        totalUnits: injections.reduce((s, x) => s + x.units, 0),
      };
    }
    case 'mvd':
      return {
        surgeon: 'Dr Demo Surgeon',
        offendingVessels: [rng() < 0.6 ? 'AICA' : 'PICA'],
        monitoring: {
          lateralSpreadResponse: true,
          lsrDisappeared: rng() < 0.8,
          brainstemAuditoryEvokedPotentials: true,
        },
        complications: [],
      };
    default:
      return {
        ctGuided: true,
        approach: 'stylomastoid foramen',
        needle: '22 G RF cannula, 5 mm active tip',
        temperatureC: 80,
        durationS: 60,
        immediateHouseBrackmann: 2,
        complications: [],
      };
  }
}

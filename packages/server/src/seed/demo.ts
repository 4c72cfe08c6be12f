/**
 * Seeds a demo clinic with synthetic patients so a newcomer sees a living system: an admin, two
 * clinicians and a patient login; patients with diaries (toxin cycles marked), assessments scored by
 * the core, treatment episodes of all four kinds with follow-ups, a decision record computed by the
 * decision engine, and a video measurement analysed from the core's synthetic face signals.
 *
 * Everything is generated from a fixed seed, so every demo database looks the same. The people and
 * their courses are invented; the follow-up statuses are random draws, not clinical figures.
 * The demo passwords are fixed and printed on purpose: this is demo data, never for real patients.
 */
import {
  analyzeSignals,
  DEFAULT_SCENARIO,
  generateScenario,
  makeRng,
  type PatientProfileInput,
  recommend,
  scoreInstrument,
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

const FIRST = [
  'Ada',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Elif',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kalinda',
  'Luca',
];
const SIDES = ['left', 'right'] as const;
const STATUS_DRAW = [
  'resolved',
  'resolved',
  'resolved',
  'improved',
  'improved',
  'unchanged',
  'worse',
] as const;

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

    const kinds = [
      'botulinum_toxin',
      'mvd',
      'botulinum_toxin',
      'rf_neurotomy',
      'oral_medication',
      'mvd',
    ] as const;
    const patientIds: string[] = [];
    for (let i = 0; i < FIRST.length; i++) {
      const side = pick(SIDES);
      const age = 35 + Math.floor(rng() * 40);
      const onset = addDays(today, -(200 + Math.floor(rng() * 2500)));
      const p = await trx
        .insertInto('patients')
        .values({
          clinic_id: clinic.id,
          name: `${FIRST[i]} Demo`,
          birth_date: day(addDays(today, -Math.round(age * 365.25 + rng() * 300))),
          sex: i % 2 === 0 ? 'female' : 'male',
          affected_side: side,
          onset_date: day(onset),
          created_by: clinician.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      patientIds.push(p.id);

      // SMC grade and HFS-7 at baseline: scored by the core, as a real submission would be.
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
            assessed_on: day(addDays(today, -120)),
            created_by: clinician.id,
          })
          .execute();
      }

      // One treatment episode per patient, with follow-ups at the time points already reached.
      const kind = kinds[i % kinds.length]!;
      const start = addDays(today, -(40 + Math.floor(rng() * 500)));
      const details = episodeDetails(kind, rng);
      const ep = await trx
        .insertInto('treatment_episodes')
        .values({
          patient_id: p.id,
          kind,
          start_date: day(start),
          end_date: kind === 'oral_medication' ? day(addDays(start, 90)) : null,
          side: kind === 'oral_medication' ? null : side,
          details: JSON.stringify(details),
          created_by: clinician.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      let recurred = false;
      for (const [tp, offset] of [
        ['1w', 7],
        ['1m', 30],
        ['3m', 91],
        ['6m', 182],
        ['12m', 365],
      ] as const) {
        if (offset > (today.getTime() - start.getTime()) / 86_400_000) break;
        const status = pick(STATUS_DRAW);
        const recurrence: boolean = !recurred && tp !== '1w' && rng() < 0.08;
        recurred ||= recurrence;
        await trx
          .insertInto('follow_ups')
          .values({
            patient_id: p.id,
            episode_id: ep.id,
            time_point: tp,
            assessed_on: day(addDays(start, offset)),
            spasm_status: recurrence ? 'worse' : status,
            house_brackmann: kind === 'mvd' || kind === 'rf_neurotomy' ? (rng() < 0.85 ? 1 : 2) : null,
            hearing_class: kind === 'mvd' ? (rng() < 0.9 ? 'A' : 'B') : null,
            complications: JSON.stringify(
              kind === 'botulinum_toxin' && rng() < 0.15 ? ['transient ptosis'] : [],
            ),
            recurrence,
            created_by: clinician.id,
          })
          .execute();
      }

      // Sixty days of diary (one multi-row insert); a toxin patient marks injection, effect and wearing off.
      const diary = [];
      for (let d = 59; d >= 0; d--) {
        const cycleDay = (60 - d) % 90;
        const base = kind === 'botulinum_toxin' ? (cycleDay < 7 ? 6 : cycleDay < 70 ? 2 : 5) : 3 + smcGrade;
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
          toxin_injection: kind === 'botulinum_toxin' && cycleDay === 0,
          toxin_effect_noticed: kind === 'botulinum_toxin' && cycleDay === 5,
          toxin_wearing_off: kind === 'botulinum_toxin' && cycleDay === 70,
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
          age,
          sex: 'female',
          affectedSide: side,
          symptomDurationMonths: Math.round((today.getTime() - onset.getTime()) / (30.44 * 86_400_000)),
          progression: 'slow',
          severity: { smcGrade },
          imaging: { mri: 'neurovascular_conflict' },
          asaClass: 1,
          anticoagulated: false,
          pregnant: false,
          contralateralHearingLoss: false,
          history: { bellsPalsy: false, facialTrauma: false },
          priorTreatments: [{ option: 'botulinum_toxin', response: 'partial' }],
          preferences: {
            riskTolerance: 'moderate',
            avoidSurgery: false,
            avoidGeneralAnesthesia: false,
            wantsLongTermCure: true,
          },
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

function episodeDetails(kind: string, rng: () => number): Record<string, unknown> {
  switch (kind) {
    case 'oral_medication':
      return {
        drug: 'carbamazepine',
        doseSchedule: '200 mg twice daily',
        sideEffects: rng() < 0.4 ? ['drowsiness'] : [],
      };
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
        complications: rng() < 0.1 ? ['transient facial weakness'] : [],
      };
    default:
      return {
        ctGuided: true,
        approach: 'stylomastoid foramen',
        needle: '22 G RF cannula, 5 mm active tip',
        temperatureC: 80,
        durationS: 60,
        immediateHouseBrackmann: rng() < 0.7 ? 2 : 3,
        complications: [],
      };
  }
}

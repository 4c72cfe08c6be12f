/**
 * One synthetic registry patient at a time, for `hemispasm demo --patients N`: demographics, a baseline
 * SMC grade (and for some an HFS-7), one or two treatment episodes with the follow-ups reached by the
 * seeding day, and two diary entries. Pure and deterministic: patient `i` of seed `s` is always the same
 * rows, so each table can be generated in its own pass without keeping a million rows in memory.
 *
 * The people are invented and the courses follow the same broad pattern as the demo clinic (toxin wears
 * off by 3 months; MVD mostly resolves, sometimes late, rarely recurs; RF resolves and recurs in a good
 * part; tablets help little). The proportions are made up for load and paging tests: they are NOT
 * clinical figures and must never be quoted as such.
 */
import {
  FOLLOW_UP_TIME_POINTS,
  type TreatmentKind as Kind,
  makeRng,
  type SpasmStatus as Status,
  scoreInstrument,
  type FollowUpTimePoint as TimePoint,
} from '@hemispasm/core';
import { episodeDetails, VISIT_DAY } from './demo';

export const GIVEN = [
  'Ada',
  'Aiko',
  'Amara',
  'Anders',
  'Ana',
  'Bao',
  'Beatriz',
  'Bilal',
  'Carmen',
  'Chen',
  'Chiara',
  'Dario',
  'Dmitri',
  'Elif',
  'Emeka',
  'Esther',
  'Farid',
  'Fatima',
  'Greta',
  'Hana',
  'Hiro',
  'Ines',
  'Ivan',
  'Jae',
  'Jonas',
  'Kalinda',
  'Kofi',
  'Lars',
  'Leila',
  'Luca',
  'Mei',
  'Mateo',
  'Nadia',
  'Nikos',
  'Olga',
  'Omar',
  'Priya',
  'Quentin',
  'Rosa',
  'Rahul',
  'Samuel',
  'Sofia',
  'Tomasz',
  'Thu',
  'Uma',
  'Viktor',
  'Wen',
  'Yusuf',
  'Zanele',
  'Zoe',
];
export const FAMILY = [
  'Abe',
  'Adeyemi',
  'Almeida',
  'Andersen',
  'Bauer',
  'Becker',
  'Chen',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Gupta',
  'Haddad',
  'Hoang',
  'Ivanova',
  'Jensen',
  'Kaya',
  'Kim',
  'Kowalski',
  'Lam',
  'Larsen',
  'Li',
  'Lopez',
  'Martin',
  'Mensah',
  'Moreau',
  'Mueller',
  'Nakamura',
  'Nguyen',
  'Novak',
  'Okafor',
  'Olsen',
  'Park',
  'Patel',
  'Petrov',
  'Popescu',
  'Rossi',
  'Sato',
  'Schmidt',
  'Silva',
  'Singh',
  'Suzuki',
  'Tanaka',
  'Torres',
  'Wang',
  'Weber',
  'Yamamoto',
  'Yilmaz',
  'Zhang',
];

export interface RegistryRows {
  patients: unknown[][];
  assessments: unknown[][];
  treatment_episodes: unknown[][];
  follow_ups: unknown[][];
  diary_entries: unknown[][];
}
export type RegistryTable = keyof RegistryRows;

/** Column order of each table's rows, as COPY and INSERT receive them. */
export const REGISTRY_COLUMNS: Record<RegistryTable, readonly string[]> = {
  patients: ['id', 'clinic_id', 'name', 'birth_date', 'sex', 'affected_side', 'onset_date', 'created_by'],
  assessments: [
    'patient_id',
    'instrument_id',
    'instrument_version',
    'answers',
    'score',
    'total',
    'band_id',
    'assessed_on',
    'created_by',
  ],
  treatment_episodes: ['id', 'patient_id', 'kind', 'start_date', 'end_date', 'side', 'details', 'created_by'],
  follow_ups: [
    'patient_id',
    'episode_id',
    'time_point',
    'assessed_on',
    'spasm_status',
    'house_brackmann',
    'hearing_class',
    'complications',
    'recurrence',
    'created_by',
  ],
  diary_entries: ['patient_id', 'entry_date', 'severity', 'spasm_episodes', 'triggers', 'created_by'],
};

const ORDER: readonly TimePoint[] = FOLLOW_UP_TIME_POINTS;

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A UUID (version 4 layout) from the patient's generator, so ids repeat across passes. */
function uuid(rng: () => number): string {
  let hex = '';
  for (let i = 0; i < 4; i++)
    hex += Math.floor(rng() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16]!, 16) & 3]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function pickWeighted<T>(rng: () => number, choices: ReadonlyArray<readonly [T, number]>): T {
  let r = rng() * choices.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of choices) {
    r -= w;
    if (r < 0) return v;
  }
  return choices.at(-1)![0];
}

interface Visit {
  tp: TimePoint;
  status: Status;
  recurrence?: boolean;
  hb?: number;
  complications?: string[];
}

/** The follow-up visits of one synthetic course of a treatment kind (see the file comment). */
function course(kind: Kind, rng: () => number): Visit[] {
  switch (kind) {
    case 'botulinum_toxin': {
      const lasting = rng() < 0.25;
      return [
        { tp: '1w', status: rng() < 0.85 ? 'improved' : 'unchanged' },
        {
          tp: '1m',
          status: rng() < 0.8 ? 'improved' : 'unchanged',
          complications: rng() < 0.05 ? ['transient ptosis'] : [],
        },
        { tp: '3m', status: lasting ? 'improved' : 'unchanged' },
      ];
    }
    case 'mvd': {
      const resolvesAt = pickWeighted<TimePoint | null>(rng, [
        ['1w', 55],
        ['1m', 12],
        ['3m', 8],
        ['6m', 8],
        [null, 17],
      ]);
      const recurrenceAt =
        rng() < 0.06
          ? pickWeighted<TimePoint>(rng, [
              ['12m', 1],
              ['later', 1],
            ])
          : undefined;
      const hearingLoss = rng() < 0.03;
      return ORDER.map((tp) => {
        const recurred = recurrenceAt !== undefined && ORDER.indexOf(tp) >= ORDER.indexOf(recurrenceAt);
        const resolved = resolvesAt !== null && ORDER.indexOf(tp) >= ORDER.indexOf(resolvesAt);
        return {
          tp,
          status: recurred ? 'unchanged' : resolved ? 'resolved' : rng() < 0.8 ? 'improved' : 'unchanged',
          recurrence: tp === recurrenceAt,
          hb: 1,
          complications: hearingLoss && tp === '1m' ? ['ipsilateral hearing loss'] : [],
        };
      });
    }
    case 'rf_neurotomy': {
      const recurrenceAt =
        rng() < 0.4
          ? pickWeighted<TimePoint>(rng, [
              ['6m', 1],
              ['12m', 1],
            ])
          : undefined;
      const hb = rng() < 0.5 ? 2 : 3;
      return (['1w', '1m', '3m', '6m', '12m'] as const).map((tp, k) => ({
        tp,
        status: recurrenceAt && k >= ORDER.indexOf(recurrenceAt) ? 'improved' : 'resolved',
        recurrence: tp === recurrenceAt,
        hb: k < 2 ? hb : k < 3 ? 2 : 1,
      }));
    }
    default:
      return [
        {
          tp: '1m',
          status: rng() < 0.3 ? 'improved' : 'unchanged',
          complications: rng() < 0.3 ? ['drowsiness'] : [],
        },
        { tp: '3m', status: rng() < 0.1 ? 'improved' : 'unchanged' },
      ];
  }
}

const SMC_SCORES = [1, 2, 3, 4].map((grade) => {
  const answers = { items: { grade } };
  const score = scoreInstrument('smc', answers);
  return {
    answers: JSON.stringify(answers),
    score: JSON.stringify(score),
    total: score.total,
    band: score.band?.id ?? null,
    version: score.instrumentVersion,
  };
});

/** Patient `index` of a registry: every row of every table that belongs to them. */
export function registryPatient(
  index: number,
  ctx: { seed: number; clinicId: string; createdBy: string; todayMs: number },
): RegistryRows {
  const rng = makeRng((Math.imul(ctx.seed, 2654435761) + index * 97 + 1) >>> 0);
  const id = uuid(rng);
  const { createdBy, todayMs } = ctx;
  const age = 25 + Math.floor(rng() * 60);
  const side = pickWeighted(rng, [
    ['left', 55],
    ['right', 44],
    ['bilateral', 1],
  ] as const);
  const firstDaysAgo = 30 + Math.floor(rng() * 2900);
  const firstMs = todayMs - firstDaysAgo * DAY;
  const name = `${GIVEN[Math.floor(rng() * GIVEN.length)]} ${FAMILY[Math.floor(rng() * FAMILY.length)]}`;
  const rows: RegistryRows = {
    patients: [
      [
        id,
        ctx.clinicId,
        name,
        isoDay(firstMs - (age * 365.25 + rng() * 300) * DAY),
        rng() < 0.6 ? 'female' : 'male',
        side,
        isoDay(firstMs - (200 + rng() * 3000) * DAY),
        createdBy,
      ],
    ],
    assessments: [],
    treatment_episodes: [],
    follow_ups: [],
    diary_entries: [],
  };

  const grade = pickWeighted(rng, [
    [1, 25],
    [2, 35],
    [3, 30],
    [4, 10],
  ] as const);
  const smc = SMC_SCORES[grade - 1]!;
  const baseline = isoDay(firstMs - 14 * DAY);
  rows.assessments.push([
    id,
    'smc',
    smc.version,
    smc.answers,
    smc.score,
    smc.total,
    smc.band,
    baseline,
    createdBy,
  ]);
  if (rng() < 0.3) {
    const answers = {
      items: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((q) => [`q${q}`, Math.floor(rng() * 5)])),
    };
    const score = scoreInstrument('hfs7', answers);
    rows.assessments.push([
      id,
      'hfs7',
      score.instrumentVersion,
      JSON.stringify(answers),
      JSON.stringify(score),
      score.total,
      score.band?.id ?? null,
      baseline,
      createdBy,
    ]);
  }

  const first = pickWeighted<Kind>(rng, [
    ['botulinum_toxin', 55],
    ['oral_medication', 15],
    ['mvd', 20],
    ['rf_neurotomy', 10],
  ]);
  const episodes: Array<{ kind: Kind; daysAgo: number }> = [{ kind: first, daysAgo: firstDaysAgo }];
  if ((first === 'botulinum_toxin' || first === 'oral_medication') && firstDaysAgo > 400 && rng() < 0.2) {
    episodes.push({ kind: 'mvd', daysAgo: Math.floor(firstDaysAgo / 2) });
  }
  const treatedSide = side === 'bilateral' ? 'left' : side;
  for (const e of episodes) {
    const episodeId = uuid(rng);
    const startMs = todayMs - e.daysAgo * DAY;
    rows.treatment_episodes.push([
      episodeId,
      id,
      e.kind,
      isoDay(startMs),
      e.kind === 'oral_medication' ? isoDay(startMs + 90 * DAY) : null,
      e.kind === 'oral_medication' ? null : treatedSide,
      JSON.stringify(episodeDetails(e.kind, rng)),
      createdBy,
    ]);
    for (const v of course(e.kind, rng)) {
      const offset = VISIT_DAY[v.tp] + Math.round((rng() * 2 - 1) * (VISIT_DAY[v.tp] / 12));
      if (offset > e.daysAgo) break;
      rows.follow_ups.push([
        id,
        episodeId,
        v.tp,
        isoDay(startMs + offset * DAY),
        v.status,
        v.hb ?? null,
        e.kind === 'mvd' ? 'A' : null,
        JSON.stringify(v.complications ?? []),
        v.recurrence ?? false,
        createdBy,
      ]);
    }
  }

  for (const d of [7, 1]) {
    const severity = Math.min(10, Math.max(0, Math.round(grade * 2 + (rng() - 0.5) * 4)));
    rows.diary_entries.push([id, isoDay(todayMs - d * DAY), severity, severity * 3, '[]', createdBy]);
  }
  return rows;
}

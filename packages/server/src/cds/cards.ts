/**
 * CDS Hooks cards from the decision engine's result (pure): each red flag as a `critical` or `warning`
 * card with its action and source; the five options, in the engine's rank order, as `info` cards with
 * the reasons, benefits and risks and their numbered sources — the same result `hemispasm recommend`
 * prints for the same profile; a card saying what the record lacked (and what was assumed, and which
 * red flags could therefore not be checked); and a link card to the patient's decision aid. Every card
 * carries a machine-readable `extension` (CDS Hooks reserves that name for this use).
 */
import { randomUUID } from 'node:crypto';
import {
  type DecisionResult,
  DISCLAIMER,
  type OptionResult,
  type OutcomeFigure,
  type RedFlag,
  type RedFlagCode,
  type SourceCertainty,
} from '@hemispasm/core';
import type { BuiltProfile, MissingField } from './decision-profile';
import { redFlagStatus } from './red-flag-status';
import { liftsOnReview, rankingFields, redFlagIndicator } from './rule-fields';

export interface CdsLink {
  label: string;
  url: string;
  type: 'absolute' | 'smart';
}
export interface CdsCard {
  uuid: string;
  summary: string;
  detail?: string;
  indicator: 'info' | 'warning' | 'critical';
  source: { label: string; url?: string; topic?: { system: string; code: string; display?: string } };
  links?: CdsLink[];
  extension?: Record<string, unknown>;
}

const TOPIC_SYSTEM = 'https://hemispasm.org/fhir/CodeSystem/cds-card';
const topic = (code: string, display: string) => ({ system: TOPIC_SYSTEM, code, display });

/** CDS Hooks: a summary is one sentence under 140 characters. */
export function summary(s: string): string {
  return s.length < 140 ? s : `${s.slice(0, 138).trimEnd()}…`;
}

const RECOMMENDATION: Record<OptionResult['recommendation'], string> = {
  preferred: 'preferred',
  reasonable: 'reasonable',
  not_advised: 'not advised',
  contraindicated: 'contraindicated',
};
const CERTAINTY: Record<OptionResult['evidence']['certainty'], string> = {
  moderate: 'moderate',
  low: 'low',
  very_low: 'very low',
  not_graded: 'not graded',
};
const mark = (c: SourceCertainty) =>
  c === 'partial' ? ' (partly verified)' : c === 'unverified' ? ' (unverified)' : '';
const words = (code: string) => code.replaceAll('_', ' ');

/** Numbers sources in order of first use within one card, as the CLI report does. */
class Sources {
  private readonly list: { citation: string; certainty: SourceCertainty }[] = [];
  ref(s: { citation: string; certainty: SourceCertainty }): string {
    let n = this.list.findIndex((x) => x.citation === s.citation);
    if (n < 0) n = this.list.push({ citation: s.citation, certainty: s.certainty }) - 1;
    return `[${n + 1}]${mark(s.certainty)}`;
  }
  lines(): string[] {
    return this.list.map((s, i) => `${i + 1}. ${s.citation}${mark(s.certainty)}`);
  }
}

/** A Markdown table cell: a `|` inside it would end the cell. */
const cell = (s: string) => s.replaceAll('|', '\\|');

const describeValue = (m: MissingField) =>
  m.essential
    ? '— (essential: not ranked without it)'
    : m.assumed === undefined
      ? '— (left out)'
      : `\`${JSON.stringify(m.assumed)}\``;

function optionCard(o: OptionResult, provisional: string[], base: string): CdsCard {
  const src = new Sources();
  const figure = (f: OutcomeFigure) => `- ${f.what}: ${f.figure} — ${f.timePoint} ${src.ref(f)}`;
  const lines = [
    `**Score** ${o.score}/100 (an ordering aid, not a probability) · **evidence certainty** ${CERTAINTY[o.evidence.certainty]}: ${o.evidence.basis}`,
    '',
    '**Why**',
    ...o.reasons.map((r) => `- ${r.text} ${src.ref(r)}`),
    '',
    '**Expected benefits**',
    ...(o.benefits.length ? o.benefits.map(figure) : ['- none listed']),
    '',
    '**Risks**',
    ...(o.risks.length ? o.risks.map(figure) : ['- none listed']),
    '',
    '**Sources**',
    ...src.lines(),
  ];
  if (provisional.length) {
    lines.push(
      '',
      `_Provisional: ${provisional.length} of the facts the rules read ${provisional.length > 1 ? 'were' : 'was'} not in the record and ${provisional.length > 1 ? 'were' : 'was'} assumed (the missing-data card lists them)._`,
    );
  }
  lines.push('', DISCLAIMER);
  return {
    uuid: randomUUID(),
    summary: summary(
      `${o.rank}. ${o.label}: ${RECOMMENDATION[o.recommendation]}${provisional.length ? ' (provisional)' : ''}`,
    ),
    detail: lines.join('\n'),
    indicator: 'info',
    source: {
      label: 'hemispasm decision support (every figure cites its source)',
      url: `${base}/#/learn`,
      topic: topic('treatment-option', 'Treatment option for hemifacial spasm'),
    },
    extension: {
      'org.hemispasm.option': {
        id: o.id,
        rank: o.rank,
        score: o.score,
        recommendation: o.recommendation,
        evidence: o.evidence.certainty,
        provisional: provisional.length > 0,
      },
    },
  };
}

function redFlagCard(f: RedFlag, assumed: string[]): CdsCard {
  const detail = [
    `${f.message}${f.caveat ? ` _${f.caveat}_` : ''}`,
    '',
    `**Action:** ${f.action}`,
    '',
    `Source: ${f.citation}${mark(f.certainty)}`,
    ...(assumed.length ? ['', `_Raised from assumed values: ${assumed.join(', ')} not in the record._`] : []),
    // Reviews are not read from the EHR (profile-fields.ts, NOT_FROM_FHIR): say where the hold lifts.
    ...(liftsOnReview(f.code)
      ? [
          '',
          "_Taken as not yet reviewed: this service does not read reviews from the EHR. A clinician records the review in hemispasm's decision form; the holds that wait for it lift there._",
        ]
      : []),
  ];
  return {
    uuid: randomUUID(),
    summary: summary(`Red flag (${words(f.code)}): ${f.action.split(/(?<=\.) /)[0]}`),
    detail: detail.join('\n'),
    indicator: redFlagIndicator(f.code),
    source: { label: f.citation, topic: topic('red-flag', 'Red flag for hemifacial spasm') },
    extension: { 'org.hemispasm.red-flag': { code: f.code, assumed, reviewed: f.reviewed } },
  };
}

function missingCard(built: BuiltProfile, notChecked: { code: RedFlagCode; fields: string[] }[]): CdsCard {
  const ranked = built.essentialMissing.length === 0;
  const relevant = built.missing.filter((m) => !m.essential && rankingFields().has(m.field));
  const head = ranked
    ? relevant.length
      ? `Ranking provisional: ${relevant.length} profile fact${relevant.length > 1 ? 's' : ''} not in the record`
      : 'Decision profile: what the record did not say'
    : `Options not ranked: ${built.essentialMissing.join(', ')} not in the record`;
  const lines = [
    'The decision profile was built from the FHIR data sent. Missing from it:',
    '',
    '| field | where hemispasm looks | used instead |',
    '| --- | --- | --- |',
    ...built.missing.map((m) => `| \`${m.field}\` | ${cell(m.from)} | ${cell(describeValue(m))} |`),
  ];
  if (notChecked.length) {
    lines.push(
      '',
      '**Red flags not checked** (they need data the record lacks):',
      ...notChecked.map((n) => `- ${words(n.code)}: needs ${n.fields.join(', ')}`),
    );
  }
  if (built.notes.length) {
    lines.push(
      '',
      '**Not used from the request:**',
      ...built.notes.map((n) => `- \`${n.path}\`: ${n.message}`),
    );
  }
  return {
    uuid: randomUUID(),
    summary: summary(head),
    detail: lines.join('\n'),
    // A warning when the options could not be ranked, or a red flag that stops every treatment could not be checked.
    indicator:
      ranked && !notChecked.some((n) => redFlagIndicator(n.code) === 'critical') ? 'info' : 'warning',
    source: {
      label: 'hemispasm decision support',
      topic: topic('missing-data', 'Data missing for decision support'),
    },
    extension: {
      'org.hemispasm.missing': {
        fields: built.missing.map((m) => ({
          field: m.field,
          assumed: m.assumed ?? null,
          essential: m.essential,
        })),
        redFlagsNotChecked: notChecked,
        notes: built.notes,
      },
    },
  };
}

function decisionAidCard(base: string): CdsCard {
  return {
    uuid: randomUUID(),
    summary: 'Decide together: the hemispasm decision aid takes the patient through each option',
    detail:
      'The decision aid explains every option with its benefits, risks and sources in plain words, and records ' +
      "the patient's preferred option, values and SURE test for the next visit.\n\n" +
      DISCLAIMER,
    indicator: 'info',
    source: { label: 'hemispasm', url: base, topic: topic('decision-aid', 'Shared decision aid') },
    links: [
      {
        label: 'Open the hemispasm decision aid (patient sign-in)',
        url: `${base}/#/patient/decision`,
        type: 'absolute',
      },
      {
        label: 'Hemifacial spasm and its treatments, explained (public)',
        url: `${base}/#/learn`,
        type: 'absolute',
      },
    ],
  };
}

/** All the cards for one patient-view call, in display order. */
export function cardsFor(built: BuiltProfile, result: DecisionResult, publicUrl: string): CdsCard[] {
  const status = redFlagStatus(built, result);
  const flagCards = status.raised.map(({ flag, assumed }) => redFlagCard(flag, assumed));
  flagCards.sort((a, b) => (a.indicator === b.indicator ? 0 : a.indicator === 'critical' ? -1 : 1));
  const ranked = built.essentialMissing.length === 0;
  const used = rankingFields();
  const provisional = built.missing
    .filter((m) => !m.essential && m.assumed !== undefined && used.has(m.field))
    .map((m) => m.field);
  const options = ranked
    ? [...result.options].sort((a, b) => a.rank - b.rank).map((o) => optionCard(o, provisional, publicUrl))
    : [];
  const gaps = built.missing.length || built.notes.length ? [missingCard(built, status.notChecked)] : [];
  return [...flagCards, ...options, ...gaps, decisionAidCard(publicUrl)];
}

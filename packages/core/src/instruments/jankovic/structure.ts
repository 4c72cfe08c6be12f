import type { AnswerOption, InstrumentDefinition } from '../types';

/** What both JRS wordings share (evidence.md §1.3): severity 0–4 + frequency 0–4 = total 0–8. */
export function jankovicVariant(v: {
  id: string;
  version: string;
  versionLabel: string;
  source: InstrumentDefinition['source'];
  verification: InstrumentDefinition['verification'];
  unverified: readonly string[];
  severity: readonly AnswerOption[];
  frequency: readonly AnswerOption[];
}): InstrumentDefinition {
  return {
    id: v.id,
    name: `Jankovic Rating Scale (${v.versionLabel})`,
    version: v.version,
    versionLabel: v.versionLabel,
    raterType: 'clinician',
    measures: 'Clinician-rated spasm severity and frequency',
    source: v.source,
    verification: v.verification,
    unverified: [
      ...v.unverified,
      'Two JRS wordings exist and disagree (especially frequency grades 1–3): never mix them in longitudinal tracking.',
    ],
    wording: 'shipped',
    rangeLabel: '0–8',
    items: [
      { kind: 'option', id: 'severity', label: 'Severity', options: v.severity },
      { kind: 'option', id: 'frequency', label: 'Frequency', options: v.frequency },
    ],
    scoring: {
      kind: 'sum',
      subscales: [
        { id: 'severity', label: 'Severity', itemIds: ['severity'] },
        { id: 'frequency', label: 'Frequency', itemIds: ['frequency'] },
      ],
    },
    bands: [],
    noBandsReason:
      'The evidence gives no interpretation bands for the JRS total (0–8); the total and its two subscores are reported as they are.',
    display: 'number',
    notes: [
      {
        text: 'Reliability on HFS video: ICC 0.41, rising to 0.63 after training.',
        source: ['pmc10480239-reliability'],
      },
    ],
  };
}

export function opts(rows: readonly [string, string][]): AnswerOption[] {
  return rows.map(([label, description], value) => ({ value, label, description }));
}

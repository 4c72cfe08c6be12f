/**
 * An instrument of the core as an SDC-style FHIR R4 Questionnaire (pure): one question per item, the
 * answer options as codings of the `instrument-answer` code system with their numeric value as R4's
 * `ordinalValue` extension, numeric items as `decimal` questions with their UCUM unit and plausibility
 * limits (`questionnaire-unit`, `minValue`, `maxValue`). The canonical URL names the instrument and
 * `version` its wording variant, so a QuestionnaireResponse says exactly which wording was answered.
 *
 * Wording: the core's definition says what may be shown. Licensed instruments (HFS-7, HFS-30) carry the
 * core's neutral labels ("HFS-7 item 3"); the longer wording of the grades is included only for
 * instruments the evidence reference marks verified — for partly verified or unverified ones (JRS HFS
 * adaptation, Cohen & Albert, the hearing class) the options keep their short labels and a display item
 * says why.
 */
import {
  getSource,
  INSTRUMENT_DISCLAIMER,
  type InstrumentDefinition,
  type InstrumentItem,
} from '@hemispasm/core';
import type { Coding, Questionnaire, QuestionnaireItem } from 'fhir/r4';
import { FHIR_EXTENSION, HS_EXTENSION, HS_SYSTEM, questionnaireUrl, SYSTEM } from './codes';

/** Whether the longer wording of the answer options may be shown: shipped by us and verified. */
export const showsWording = (def: InstrumentDefinition) =>
  def.wording === 'shipped' && def.verification === 'verified';

export const answerCode = (instrumentId: string, itemId: string, value: number) =>
  `${instrumentId}/${itemId}/${value}`;

/** The coding of one answer option, as the Questionnaire offers it and a QuestionnaireResponse records it. */
export function answerCoding(def: InstrumentDefinition, item: InstrumentItem, value: number): Coding {
  const option = item.kind === 'option' ? item.options.find((o) => o.value === value) : undefined;
  const display =
    option && showsWording(def) && option.description
      ? `${option.label} — ${option.description}`
      : (option?.label ?? String(value));
  return { system: HS_SYSTEM.instrumentAnswer, code: answerCode(def.id, item.id, value), display };
}

/** The question text of an item (a numeric item names its unit). */
export const questionText = (item: InstrumentItem) =>
  item.kind === 'number' ? `${item.label} (${item.unit})` : item.label;

/** `jankovic-hfs` → `JankovicHfs`: Questionnaire.name is a computer-friendly identifier. */
const computableName = (id: string) =>
  id
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/** What a reader must know about the wording before answering: licence and verification. */
export function wordingStatement(def: InstrumentDefinition): string {
  if (def.wording === 'licensed') {
    return `The item wording of ${def.name} is a licensed instrument that hemispasm does not ship: the items carry neutral labels. Use the wording your licence gives you; the scoring does not depend on it.`;
  }
  if (!showsWording(def)) {
    const mark = def.verification === 'partial' ? 'partly verified' : 'unverified';
    return `The grade wording of this version is ${mark} in hemispasm's evidence reference, so the options carry short labels only; check the source before rating.`;
  }
  return 'The grade descriptions are paraphrased from the cited source (verified in hemispasm’s evidence reference).';
}

function question(def: InstrumentDefinition, item: InstrumentItem): QuestionnaireItem {
  if (item.kind === 'number') {
    return {
      linkId: item.id,
      text: questionText(item),
      type: 'decimal',
      required: true,
      extension: [
        {
          url: FHIR_EXTENSION.questionnaireUnit,
          valueCoding: { system: SYSTEM.ucum, code: item.unit, display: item.unit },
        },
        // Plausibility limits (typos), not clinical cut-offs.
        { url: FHIR_EXTENSION.minValue, valueDecimal: item.min },
        { url: FHIR_EXTENSION.maxValue, valueDecimal: item.max },
      ],
    };
  }
  return {
    linkId: item.id,
    text: questionText(item),
    type: 'choice',
    required: true,
    answerOption: item.options.map((o) => ({
      extension: [{ url: FHIR_EXTENSION.ordinalValue, valueDecimal: o.value }],
      valueCoding: answerCoding(def, item, o.value),
    })),
  };
}

export function instrumentQuestionnaire(def: InstrumentDefinition): Questionnaire {
  const statement = wordingStatement(def);
  const sources = def.source.map((id) => {
    const s = getSource(id);
    return `- ${s.citation}${s.certainty === 'verified' ? '' : ` (${s.certainty === 'partial' ? 'partly verified' : 'unverified'})`}`;
  });
  const description = [
    `${def.measures}. Wording version: ${def.versionLabel} (\`${def.version}\`); answered by the ${def.raterType}; range ${def.rangeLabel}.`,
    statement,
    ...def.unverified,
    'Scored by hemispasm from the answers (send a QuestionnaireResponse inside a Bundle to POST /api/fhir/Bundle).',
    INSTRUMENT_DISCLAIMER,
    `Sources:\n${sources.join('\n')}`,
  ].join('\n\n');
  const about: QuestionnaireItem[] =
    showsWording(def) && def.unverified.length === 0
      ? []
      : [{ linkId: 'about', type: 'display', text: [statement, ...def.unverified].join(' ') }];
  return {
    resourceType: 'Questionnaire',
    id: def.id,
    extension: [{ url: HS_EXTENSION.instrumentVerification, valueCode: def.verification }],
    url: questionnaireUrl(def.id),
    version: def.version,
    name: computableName(def.id),
    title: def.name,
    status: 'active',
    subjectType: ['Patient'],
    publisher: 'hemispasm',
    description,
    ...(def.wording === 'licensed'
      ? { copyright: 'Item wording licensed by its rights holders; not included (neutral labels).' }
      : {}),
    code: [{ system: HS_SYSTEM.instrument, code: def.id, display: def.name }],
    item: [...about, ...def.items.map((item) => question(def, item))],
  };
}

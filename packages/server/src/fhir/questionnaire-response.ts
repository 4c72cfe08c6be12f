/**
 * An assessment as a QuestionnaireResponse (pure): the answers exactly as given, to the instrument's
 * Questionnaire at the wording version they were given to (`questionnaire` = canonical|version), beside
 * the Observation that carries the server's score (which points here with `derivedFrom`).
 */
import type { QuestionnaireResponse, QuestionnaireResponseItem } from 'fhir/r4';
import type { Selectable } from 'kysely';
import type { AssessmentsTable } from '../db/schema';
import { definitionOf, storedScore } from './assessment';
import { questionnaireUrl } from './codes';
import { answerCoding, questionText } from './questionnaire';
import type { PatientRecord } from './record';
import { performerOf, questionnaireResponseId, ref } from './refs';

export function toQuestionnaireResponse(
  record: PatientRecord,
  a: Selectable<AssessmentsTable>,
): QuestionnaireResponse | undefined {
  const def = definitionOf(a.instrument_id);
  if (!def) return undefined;
  // The validated answers the score was computed from (item id → value).
  const given: Record<string, number> = storedScore(a)?.answers ?? {};
  const item: QuestionnaireResponseItem[] = def.items.flatMap((it) => {
    const v = given[it.id];
    if (typeof v !== 'number') return [];
    const answer = it.kind === 'number' ? { valueDecimal: v } : { valueCoding: answerCoding(def, it, v) };
    return [{ linkId: it.id, text: questionText(it), answer: [answer] }];
  });
  const [author] = performerOf(record, a.created_by);
  return {
    resourceType: 'QuestionnaireResponse',
    id: questionnaireResponseId(a.id),
    questionnaire: `${questionnaireUrl(def.id)}|${a.instrument_version}`,
    status: 'completed',
    subject: ref(record.patient.id),
    authored: a.assessed_on,
    ...(author ? { author } : {}),
    ...(item.length ? { item } : {}),
  };
}

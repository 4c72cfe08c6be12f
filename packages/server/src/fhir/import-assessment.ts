/**
 * An assessment of an imported Bundle, whichever way it comes — the scored Observation (instrument
 * code, wording version extension, one component per item) or the QuestionnaireResponse (the
 * instrument's Questionnaire at a wording version, one item per question): the instrument and version
 * are checked, the answers read with the element each came from, and the answers scored again here with
 * the clinical core. Incoming scores are never used. Issues name the Bundle element at fault.
 */
import {
  getInstrument,
  InputError,
  type InstrumentDefinition,
  type InstrumentScore,
  scoreInstrument,
} from '@hemispasm/core';
import type { ObservationInput, QuestionnaireResponseInput } from './bundle-schema';
import { HS_EXTENSION, HS_SYSTEM, questionnaireUrl } from './codes';
import { codingIn, dateOf, type Issues, Origins } from './import-context';

export interface ImportedAssessment {
  instrumentId: string;
  answers: { instrument: string; version: string; items: Record<string, number | undefined> };
  score: InstrumentScore;
  assessedOn: string;
}

function instrumentAt(id: string, path: string, issues: Issues): InstrumentDefinition | undefined {
  try {
    return getInstrument(id);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    issues.add(path, e.issues[0]?.message ?? 'unknown instrument');
    return undefined;
  }
}

function sameVersion(def: InstrumentDefinition, version: string, path: string, issues: Issues): boolean {
  if (version === def.version) return true;
  issues.add(
    path,
    `unknown wording version "${version}" of ${def.id} (this server scores version ${def.version}); wording variants are never mixed`,
  );
  return false;
}

/** Scores the answers read from the Bundle; a bad answer is reported at the element it came from. */
function scored(
  def: InstrumentDefinition,
  items: Record<string, number | undefined>,
  o: Origins,
  assessedOn: string,
  issues: Issues,
): ImportedAssessment | undefined {
  const answers = { instrument: def.id, version: def.version, items };
  try {
    const score = scoreInstrument(def.id, answers);
    return { instrumentId: def.id, answers, score, assessedOn };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const i of e.issues) issues.add(o.pathOf(i.path), i.message);
    return undefined;
  }
}

export function assessmentFromObservation(
  r: ObservationInput,
  p: string,
  issues: Issues,
): ImportedAssessment | undefined {
  const c = codingIn(r.code, HS_SYSTEM.instrument)!;
  const def = instrumentAt(c.code ?? '', `${p}.code.coding[${c.index}].code`, issues);
  if (!def) return undefined;
  const k = r.extension?.findIndex((x) => x.url === HS_EXTENSION.instrumentVersion) ?? -1;
  const version = k >= 0 ? r.extension![k]!.valueString : undefined;
  if (version === undefined) {
    issues.add(
      k >= 0 ? `${p}.extension[${k}].valueString` : `${p}.extension`,
      `required: the wording version of ${def.id} (extension ${HS_EXTENSION.instrumentVersion}, valueString)`,
    );
    return undefined;
  }
  if (!sameVersion(def, version, `${p}.extension[${k}].valueString`, issues)) return undefined;
  const o = new Origins(`${p}.component`);
  const items: Record<string, number | undefined> = {};
  let ok = true;
  (r.component ?? []).forEach((comp, n) => {
    const cp = `${p}.component[${n}]`;
    const ic = codingIn(comp.code, HS_SYSTEM.instrumentItem);
    const prefix = `${def.id}/`;
    if (!ic?.code?.startsWith(prefix)) {
      issues.add(
        `${cp}.code`,
        `expected an item of ${def.id} (${HS_SYSTEM.instrumentItem}, "${prefix}<item id>")`,
      );
      ok = false;
      return;
    }
    const itemId = ic.code.slice(prefix.length);
    const valueKey = comp.valueInteger !== undefined ? 'valueInteger' : 'valueQuantity.value';
    o.set(`items.${itemId}`, `${cp}.${valueKey}`);
    items[itemId] = comp.valueInteger ?? comp.valueQuantity?.value;
  });
  if (!ok) return undefined;
  return scored(def, items, o, dateOf(r.effectiveDateTime), issues);
}

const QUESTIONNAIRE = /^(.+)\/Questionnaire\/([^/|]+)(?:\|(.+))?$/;

export function assessmentFromQuestionnaireResponse(
  r: QuestionnaireResponseInput,
  p: string,
  issues: Issues,
): ImportedAssessment | undefined {
  const qp = `${p}.questionnaire`;
  const m = QUESTIONNAIRE.exec(r.questionnaire);
  if (!m || `${m[1]}/Questionnaire/${m[2]}` !== questionnaireUrl(m[2]!)) {
    issues.add(
      qp,
      `expected a hemispasm instrument's Questionnaire: ${questionnaireUrl('<instrument id>')}|<version>`,
    );
    return undefined;
  }
  const def = instrumentAt(m[2]!, qp, issues);
  if (!def) return undefined;
  if (m[3] === undefined) {
    issues.add(
      qp,
      `required: the wording version of ${def.id} after "|" (${questionnaireUrl(def.id)}|${def.version})`,
    );
    return undefined;
  }
  if (!sameVersion(def, m[3], qp, issues)) return undefined;
  if (r.status !== 'completed' && r.status !== 'amended') {
    issues.add(`${p}.status`, 'only a completed (or amended) response is an assessment');
    return undefined;
  }
  if (!r.authored) {
    issues.add(`${p}.authored`, 'required: the date the answers were given');
    return undefined;
  }
  const o = new Origins(`${p}.item`);
  const items: Record<string, number | undefined> = {};
  let ok = true;
  (r.item ?? []).forEach((it, n) => {
    const ip = `${p}.item[${n}]`;
    const item = def.items.find((x) => x.id === it.linkId);
    if (!item) {
      issues.add(`${ip}.linkId`, `expected an item of ${def.id}: ${def.items.map((x) => x.id).join(', ')}`);
      ok = false;
      return;
    }
    const a = it.answer?.[0];
    if (!a) return; // an unanswered question: the core names it as missing, at the response's items
    const ap = `${ip}.answer[0]`;
    if (a.valueCoding) {
      const prefix = `${def.id}/${item.id}/`;
      const code = a.valueCoding.code ?? '';
      const value = Number(code.slice(prefix.length));
      if (!code.startsWith(prefix) || !/^-?\d+$/.test(code.slice(prefix.length))) {
        issues.add(
          `${ap}.valueCoding.code`,
          `expected an answer of ${def.id} item ${item.id} ("${prefix}<value>")`,
        );
        ok = false;
        return;
      }
      o.set(`items.${item.id}`, `${ap}.valueCoding.code`);
      items[item.id] = value;
    } else {
      const key = a.valueInteger !== undefined ? 'valueInteger' : 'valueDecimal';
      o.set(`items.${item.id}`, `${ap}.${key}`);
      items[item.id] = a.valueInteger ?? a.valueDecimal;
    }
  });
  if (!ok) return undefined;
  return scored(def, items, o, dateOf(r.authored), issues);
}

/** The same assessment, answered the same way (an Observation and the response it derives from). */
export const sameAssessment = (a: ImportedAssessment, b: ImportedAssessment) =>
  a.instrumentId === b.instrumentId &&
  a.assessedOn === b.assessedOn &&
  JSON.stringify(a.score.answers) === JSON.stringify(b.score.answers);

/**
 * Observations of an imported Bundle: an assessment (hemispasm instrument code) becomes the answers to
 * that instrument, scored again here with the clinical core — the incoming value and interpretation
 * are never used; a follow-up becomes the follow-up fields. Issues name the Bundle element at fault.
 */
import {
  FOLLOW_UP_TIME_POINTS,
  getInstrument,
  HEARING_CLASSES,
  InputError,
  type InstrumentDefinition,
  type InstrumentScore,
  issuesFromZod,
  SPASM_STATUSES,
  scoreInstrument,
} from '@hemispasm/core';
import { z } from 'zod';
import { text } from '../routes/common';
import type { ObservationInput } from './bundle-schema';
import { HS_EXTENSION, HS_OBSERVATION_CODE, HS_SYSTEM } from './codes';
import { HEARING_CLASS_ID, HOUSE_BRACKMANN_ID } from './follow-up';
import { codingIn, dateOf, type Issues, Origins } from './import-context';

export interface ImportedAssessment {
  instrumentId: string;
  answers: { instrument: string; version: string; items: Record<string, number | undefined> };
  score: InstrumentScore;
  assessedOn: string;
}

export function assessmentFromObservation(
  r: ObservationInput,
  p: string,
  issues: Issues,
): ImportedAssessment | undefined {
  const c = codingIn(r.code, HS_SYSTEM.instrument)!;
  const codePath = `${p}.code.coding[${c.index}].code`;
  let def: InstrumentDefinition;
  try {
    def = getInstrument(c.code ?? '');
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    issues.add(codePath, e.issues[0]?.message ?? 'unknown instrument');
    return undefined;
  }
  const k = r.extension?.findIndex((x) => x.url === HS_EXTENSION.instrumentVersion) ?? -1;
  const version = k >= 0 ? r.extension![k]!.valueString : undefined;
  if (version === undefined) {
    issues.add(
      k >= 0 ? `${p}.extension[${k}].valueString` : `${p}.extension`,
      `required: the wording version of ${def.id} (extension ${HS_EXTENSION.instrumentVersion}, valueString)`,
    );
    return undefined;
  }
  if (version !== def.version) {
    issues.add(
      `${p}.extension[${k}].valueString`,
      `unknown wording version "${version}" of ${def.id} (this server scores version ${def.version}); wording variants are never mixed`,
    );
    return undefined;
  }
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
  const answers = { instrument: def.id, version: def.version, items };
  try {
    const score = scoreInstrument(def.id, answers);
    return { instrumentId: def.id, answers, score, assessedOn: dateOf(r.effectiveDateTime) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const i of e.issues) issues.add(o.pathOf(i.path), i.message);
    return undefined;
  }
}

const FollowUpFields = z.strictObject({
  timePoint: z.enum(FOLLOW_UP_TIME_POINTS),
  assessedOn: z.string(),
  spasmStatus: z.enum(SPASM_STATUSES),
  houseBrackmann: z.number().int().min(1).max(6).nullable(),
  hearingClass: z.enum(HEARING_CLASSES).nullable(),
  complications: z.array(text(200).min(1)).max(30),
  recurrence: z.boolean(),
  notes: text(2000).nullable(),
});
export type ImportedFollowUp = z.infer<typeof FollowUpFields> & { episodeRef: string };

const COMPONENT: Record<string, string> = {
  [HS_OBSERVATION_CODE.timePoint]: 'timePoint',
  [HS_OBSERVATION_CODE.spasmStatus]: 'spasmStatus',
  [HS_OBSERVATION_CODE.recurrence]: 'recurrence',
  [HS_OBSERVATION_CODE.complication]: 'complications',
};

export function followUpFromObservation(
  r: ObservationInput,
  p: string,
  issues: Issues,
): ImportedFollowUp | undefined {
  const o = new Origins(p);
  const f: Record<string, unknown> = {
    assessedOn: dateOf(r.effectiveDateTime),
    houseBrackmann: null,
    hearingClass: null,
    complications: [],
    recurrence: false,
    notes: r.note?.length ? r.note.map((n) => n.text).join('\n\n') : null,
  };
  o.set('notes', `${p}.note`);
  o.set('timePoint', `${p}.component`);
  o.set('spasmStatus', `${p}.component`);
  let ok = true;
  (r.component ?? []).forEach((comp, n) => {
    const cp = `${p}.component[${n}]`;
    const hs = codingIn(comp.code, HS_SYSTEM.observation);
    const inst = codingIn(comp.code, HS_SYSTEM.instrument);
    const field = hs
      ? COMPONENT[hs.code ?? '']
      : inst?.code === HOUSE_BRACKMANN_ID
        ? 'houseBrackmann'
        : inst?.code === HEARING_CLASS_ID
          ? 'hearingClass'
          : undefined;
    switch (field) {
      case 'timePoint':
      case 'spasmStatus':
      case 'hearingClass': {
        const system = {
          timePoint: HS_SYSTEM.followUpTimePoint,
          spasmStatus: HS_SYSTEM.spasmStatus,
          hearingClass: HS_SYSTEM.hearingClass,
        }[field];
        const c = codingIn(comp.valueCodeableConcept, system);
        o.set(field, c ? `${cp}.valueCodeableConcept.coding[${c.index}].code` : `${cp}.valueCodeableConcept`);
        f[field] = c?.code;
        return;
      }
      case 'houseBrackmann':
        o.set(field, `${cp}.valueInteger`);
        f[field] = comp.valueInteger;
        return;
      case 'recurrence':
        o.set(field, `${cp}.valueBoolean`);
        f[field] = comp.valueBoolean;
        return;
      case 'complications': {
        const list = f.complications as unknown[];
        o.set(`complications.${list.length}`, `${cp}.valueString`);
        list.push(comp.valueString);
        return;
      }
      default:
        ok = false;
        issues.add(`${cp}.code`, 'unknown follow-up component');
    }
  });
  const ref = r.partOf?.[0]?.reference;
  if (!ref) {
    issues.add(
      `${p}.partOf`,
      'required: the treatment episode (Procedure or MedicationStatement) followed up',
    );
    ok = false;
  }
  const parsed = FollowUpFields.safeParse(f);
  if (!parsed.success) {
    for (const i of issuesFromZod(parsed.error)) issues.add(o.pathOf(i.path), i.message);
    return undefined;
  }
  return ok && ref ? { ...parsed.data, episodeRef: ref } : undefined;
}

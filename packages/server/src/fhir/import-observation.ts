/**
 * Follow-up Observations of an imported Bundle become the follow-up fields (assessments are read by
 * import-assessment.ts). Issues name the Bundle element at fault.
 */
import { FOLLOW_UP_TIME_POINTS, HEARING_CLASSES, issuesFromZod, SPASM_STATUSES } from '@hemispasm/core';
import { z } from 'zod';
import { text } from '../routes/common';
import type { ObservationInput } from './bundle-schema';
import { HS_OBSERVATION_CODE, HS_SYSTEM } from './codes';
import { HEARING_CLASS_ID, HOUSE_BRACKMANN_ID } from './follow-up';
import { codingIn, dateOf, type Issues, Origins } from './import-context';

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

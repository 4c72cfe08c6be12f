/**
 * A Procedure or MedicationStatement of an imported Bundle back into the treatment-episode input the
 * episodes route accepts, validated with that route's own schema; each issue is reported at the
 * element of the Bundle the field came from.
 */
import { isOneOf, issuesFromZod, TREATMENT_KINDS } from '@hemispasm/core';
import { EpisodeCreate } from '../routes/episodes';
import type { ExtensionInput, MedicationStatementInput, ProcedureInput } from './bundle-schema';
import { CPT_MVD, CPT_TOXIN, HS_EXTENSION, HS_SYSTEM, SYSTEM } from './codes';
import type { EpisodeInput } from './episode';
import { codingIn, dateOf, extValue, type Issues, Origins } from './import-context';

type Kind = EpisodeInput['kind'];

/** Sub-extensions of `treatment-details` each kind may carry; `totalUnits` is computed, so ignored. */
const DETAIL_FIELDS: Record<Kind, readonly string[]> = {
  oral_medication: ['sideEffect'],
  botulinum_toxin: ['injection', 'totalUnits'],
  mvd: ['offendingVessel', 'monitoring'],
  rf_neurotomy: ['ctGuided', 'approach', 'needle', 'temperatureC', 'durationS', 'immediateHouseBrackmann'],
};

function kindOf(r: ProcedureInput | MedicationStatementInput, p: string, issues: Issues): Kind | undefined {
  if (r.resourceType === 'MedicationStatement') return 'oral_medication';
  const hs = codingIn(r.code, HS_SYSTEM.treatmentKind);
  if (hs) {
    if (isOneOf(TREATMENT_KINDS, hs.code) && hs.code !== 'oral_medication') return hs.code;
    issues.add(`${p}.code.coding[${hs.index}].code`, 'expected one of botulinum_toxin, mvd, rf_neurotomy');
    return undefined;
  }
  const cpt = codingIn(r.code, SYSTEM.cpt);
  if (cpt?.code === CPT_TOXIN.code) return 'botulinum_toxin';
  if (cpt?.code === CPT_MVD.code) return 'mvd';
  issues.add(
    `${p}.code`,
    `expected a treatment kind (${HS_SYSTEM.treatmentKind}) or CPT ${CPT_TOXIN.code} / ${CPT_MVD.code}`,
  );
  return undefined;
}

/** Reads the `treatment-details` sub-extensions into `out`, recording where each came from. */
function readDetails(
  r: ProcedureInput | MedicationStatementInput,
  kind: Kind,
  p: string,
  o: Origins,
  issues: Issues,
  out: Record<string, unknown>,
): void {
  (r.extension ?? []).forEach((ext, k) => {
    const ep = `${p}.extension[${k}]`;
    // Other extensions are not modifiers, so FHIR lets a reader ignore them; our own one is read strictly.
    if (ext.url !== HS_EXTENSION.treatmentDetails) return;
    const lists: Record<string, unknown[]> = {};
    const push = (field: string, v: unknown, path: string) => {
      lists[field] ??= [];
      o.set(`${field}.${lists[field].length}`, path);
      lists[field].push(v);
    };
    (ext.extension ?? []).forEach((s, j) => {
      const sp = `${ep}.extension[${j}]`;
      if (!DETAIL_FIELDS[kind].includes(s.url)) {
        issues.add(
          `${sp}.url`,
          `unknown detail for ${kind}: expected one of ${DETAIL_FIELDS[kind].join(', ')}`,
        );
        return;
      }
      const v = extValue(s);
      switch (s.url) {
        case 'totalUnits':
          return; // computed by the server from the injections
        case 'sideEffect':
          push('sideEffects', v?.value, v ? `${sp}.${v.key}` : sp);
          return;
        case 'offendingVessel':
          push('offendingVessels', v?.value, v ? `${sp}.${v.key}` : sp);
          return;
        case 'injection':
          push('injections', readComplex(s, sp, `injections.${lists.injections?.length ?? 0}`, o), sp);
          return;
        case 'monitoring':
          o.set('monitoring', sp);
          out.monitoring = readComplex(s, sp, 'monitoring', o);
          return;
        default:
          o.set(s.url, v ? `${sp}.${v.key}` : sp);
          out[s.url] = v?.value;
      }
    });
    Object.assign(out, lists);
  });
}

/** A complex sub-extension (an injection, the MVD monitoring) as an object of its simple parts. */
function readComplex(s: ExtensionInput, sp: string, field: string, o: Origins): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  (s.extension ?? []).forEach((part, m) => {
    const v = extValue(part);
    o.set(`${field}.${part.url}`, v ? `${sp}.extension[${m}].${v.key}` : `${sp}.extension[${m}]`);
    obj[part.url] = v?.value;
  });
  return obj;
}

const textsOf = (xs: { text?: string | undefined }[] | undefined) => (xs ?? []).map((x) => x.text ?? '');

export function episodeFromResource(
  r: ProcedureInput | MedicationStatementInput,
  p: string,
  issues: Issues,
): EpisodeInput | undefined {
  const kind = kindOf(r, p, issues);
  if (!kind) return undefined;
  const o = new Origins(p);
  const input: Record<string, unknown> = { kind };
  if (r.resourceType === 'MedicationStatement') {
    input.startDate = dateOf(r.effectivePeriod.start);
    o.set('startDate', `${p}.effectivePeriod.start`);
    if (r.effectivePeriod.end) {
      input.endDate = dateOf(r.effectivePeriod.end);
      o.set('endDate', `${p}.effectivePeriod.end`);
    }
    input.drug = r.medicationCodeableConcept.text ?? r.medicationCodeableConcept.coding?.[0]?.display;
    o.set('drug', `${p}.medicationCodeableConcept.text`);
    input.doseSchedule = r.dosage?.[0]?.text;
    o.set('doseSchedule', r.dosage ? `${p}.dosage[0].text` : `${p}.dosage`);
    if (r.statusReason?.[0]?.text) {
      input.stopReason = r.statusReason[0].text;
      o.set('stopReason', `${p}.statusReason[0].text`);
    }
  } else {
    input.startDate = dateOf(r.performedDateTime);
    o.set('startDate', `${p}.performedDateTime`);
    const site = r.bodySite?.findIndex((b) => !!codingIn(b, HS_SYSTEM.laterality)) ?? -1;
    if (site >= 0) {
      const c = codingIn(r.bodySite![site], HS_SYSTEM.laterality)!;
      input.side = c.code;
      o.set('side', `${p}.bodySite[${site}].coding[${c.index}].code`);
    } else {
      o.set('side', `${p}.bodySite`);
    }
    if (kind === 'botulinum_toxin') {
      input.product = r.usedCode?.[0]?.text;
      o.set('product', r.usedCode ? `${p}.usedCode[0].text` : `${p}.usedCode`);
    }
    if (kind === 'mvd') {
      input.surgeon = r.performer?.[0]?.actor.display;
      o.set('surgeon', r.performer ? `${p}.performer[0].actor.display` : `${p}.performer`);
    }
    if (kind === 'mvd' || kind === 'rf_neurotomy') {
      input.complications = textsOf(r.complication);
      for (let n = 0; n < (r.complication?.length ?? 0); n++) {
        o.set(`complications.${n}`, `${p}.complication[${n}].text`);
      }
    }
  }
  readDetails(r, kind, p, o, issues, input);
  const parsed = EpisodeCreate.safeParse(input);
  if (!parsed.success) {
    for (const i of issuesFromZod(parsed.error)) issues.add(o.pathOf(i.path), i.message);
    return undefined;
  }
  const e = parsed.data;
  if (e.kind === 'oral_medication' && e.endDate && e.endDate < e.startDate) {
    issues.add(`${p}.effectivePeriod.end`, 'must not be before the start');
    return undefined;
  }
  return e;
}

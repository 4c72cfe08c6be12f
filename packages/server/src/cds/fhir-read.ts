/**
 * Small readers of prefetched FHIR elements shared by the decision-profile builders (pure): codes of a
 * given system, completed months since a FHIR date, the date an
 * Observation is about, and whether a concept is hemifacial spasm by its verified codes.
 */
import { ICD10_HFS, ICD10CM_HFS_BY_SIDE, ICD10CM_HFS_UNSPECIFIED, SYSTEM } from '../fhir/codes';
import type { ConceptR, ObservationRes } from './prefetch';

type Ymd = [number, number, number];

export const codesIn = (cc: ConceptR | undefined, system: string): string[] =>
  (cc?.coding ?? []).filter((c) => c.system === system && typeof c.code === 'string').map((c) => c.code!);
export const hasCode = (cc: ConceptR | undefined, system: string, code: string): boolean =>
  codesIn(cc, system).includes(code);

const HFS_CM_CODES = new Set([
  ...Object.values(ICD10CM_HFS_BY_SIDE).map((c) => c.code),
  ICD10CM_HFS_UNSPECIFIED.code,
  ICD10_HFS.code, // some systems send the header code under the ICD-10-CM system too
]);

export function isHfsConcept(cc: ConceptR | undefined): boolean {
  return (
    codesIn(cc, SYSTEM.icd10).includes(ICD10_HFS.code) ||
    codesIn(cc, SYSTEM.icd10cm).some((c) => HFS_CM_CODES.has(c))
  );
}

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a dateTime → [y, m, d] (missing parts: 1). */
function ymd(s: string | undefined): Ymd | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s ?? '');
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
}

/** Completed months from `from` to `to` (negative when `from` is later). */
function completedMonths(from: Ymd, to: Ymd): number {
  return (to[0] - from[0]) * 12 + (to[1] - from[1]) - (to[2] < from[2] ? 1 : 0);
}

/** Completed months from a FHIR date to `now` (negative when it is later); undefined when not a date. */
export function monthsSinceDate(s: string | undefined, now: Date): number | undefined {
  const from = ymd(s);
  return from ? completedMonths(from, ymd(now.toISOString())!) : undefined;
}

/** The date an Observation is about, for "latest" (ISO strings compare in time order). */
export const whenOf = (o: ObservationRes): string =>
  o.effectiveDateTime ?? o.effectivePeriod?.end ?? o.effectivePeriod?.start ?? o.issued ?? '';
export const latestFirst = (a: ObservationRes, b: ObservationRes): number =>
  whenOf(b).localeCompare(whenOf(a));

export const componentValue = (o: ObservationRes, system: string, code: string) =>
  o.component?.find((c) => hasCode(c.code, system, code));

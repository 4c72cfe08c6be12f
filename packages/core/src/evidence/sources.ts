/**
 * The evidence catalogue: every clinical figure or rule the product shows cites one of these.
 * Built from the project's clinical evidence reference (evidence.md, "Sources seen" and the section
 * named in `section`). `certainty` carries that reference's verification mark:
 *   verified   (✅) seen in an abstract or excerpt of the source;
 *   partial    (⚠️) partly seen, secondary, or attribution inferred: verify before relying on it;
 *   unverified (❓) not found in retrieved material: must be confirmed against the primary source.
 * Add entries here; never cite a source that is not in this table.
 */
export type SourceCertainty = 'verified' | 'partial' | 'unverified';

export interface Source {
  id: string;
  /** Short citation as shown to people. */
  citation: string;
  /** The section of the evidence reference the fact comes from. */
  section: string;
  certainty: SourceCertainty;
}

const list = [
  {
    id: 'lee2011-smc',
    citation: 'Lee JA, Jo KW, Kong DS, Park K. Stereotact Funct Neurosurg 2011/12;90:16–19',
    section: '1.1 SMC grade',
    certainty: 'verified',
  },
  {
    id: 'baldauf2019',
    citation: 'Baldauf J, Rosenstengel C, Schroeder HWS. Dtsch Arztebl Int 2019;116:54–60',
    section: '0 Key take-aways; 2 Treatment outcome figures',
    certainty: 'verified',
  },
] as const satisfies readonly Source[];

export type SourceId = (typeof list)[number]['id'];

export const SOURCES: Readonly<Record<SourceId, Source>> = Object.fromEntries(
  list.map((s) => [s.id, s]),
) as Record<SourceId, Source>;

export function getSource(id: SourceId): Source {
  return SOURCES[id];
}

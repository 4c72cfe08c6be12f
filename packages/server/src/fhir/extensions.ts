/**
 * hemispasm's complex extension for the kind-specific fields of a treatment episode that FHIR has no
 * element for (toxin injection sites and units, MVD offending vessels and monitoring, RF parameters):
 * one `treatment-details` extension whose sub-extensions are named after the fields.
 */
import type { Extension } from 'fhir/r4';

export type SubValue =
  | { valueString: string }
  | { valueDecimal: number }
  | { valueInteger: number }
  | { valueBoolean: boolean }
  | { valueCode: string };

export const sub = (url: string, value: SubValue): Extension => ({ url, ...value });
export const str = (url: string, v: string): Extension => sub(url, { valueString: v });
export const dec = (url: string, v: number): Extension => sub(url, { valueDecimal: v });
export const int = (url: string, v: number): Extension => sub(url, { valueInteger: v });
export const bool = (url: string, v: boolean): Extension => sub(url, { valueBoolean: v });
export const code = (url: string, v: string): Extension => sub(url, { valueCode: v });
export const complex = (url: string, parts: Extension[]): Extension => ({ url, extension: parts });

/**
 * Request validation for the FHIR routes: the server's zod validation, with paths written the way FHIR
 * tools write them — `body.entry[2].resource.birthDate` rather than `body.entry.2.resource.birthDate`.
 */
import { validatorCompiler } from '../http/validation';

/** `entry.2.resource.component.0.code` → `entry[2].resource.component[0].code` (FHIR has no numeric keys). */
export const fhirPath = (dotted: string) => dotted.replace(/\.(\d+)(?=\.|$)/g, '[$1]');

export const fhirValidatorCompiler = validatorCompiler(fhirPath);

/**
 * Input validation shared by every core entry point, the CLI and the server.
 *
 * Errors are a typed list of issues, each with the path of the field at fault (zod's model), and one
 * formatter turns them into the one-line-per-problem text people read:
 *   imaging.mri: expected one of not_done, normal, neurovascular_conflict, lesion
 */
import type { z } from 'zod';

export interface InputIssue {
  /** Path of the field at fault, e.g. `imaging.mri` or `priorTreatments[0].response`; `(root)` for the whole input. */
  path: string;
  message: string;
}

/** Thrown by core entry points when their input does not match the contract. Never a crash, always a list. */
export class InputError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[], context?: string) {
    super((context ? `${context}: ` : '') + issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'InputError';
    this.issues = issues;
  }
}

/** `['priorTreatments', 0, 'response']` → `priorTreatments[0].response`: array entries in brackets, as zod and JSON tools write them. */
export function pathToString(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(root)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/** A path under a prefix: `joinPath('body', 'a[0]')` → `body.a[0]`, `joinPath('body', '[0]')` → `body[0]`, `(root)` → the prefix. */
export function joinPath(prefix: string, path: string): string {
  if (path === '(root)') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'NaN';
  if (typeof input === 'string') return `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  if (typeof input === 'object') return 'an object';
  return `${typeof input} ${String(input)}`;
}

/** "must have at least 1 items" for lengths, "must be ≥ 0" for numbers (and dates, sizes). */
function boundText(origin: string, words: string, sign: string, bound: number | bigint): string {
  if (origin === 'array' || origin === 'string')
    return `must have ${words} ${String(bound)} ${origin === 'array' ? 'items' : 'characters'}`;
  return `must be ${sign} ${String(bound)}`;
}

/** Turns zod's issues into short, field-named messages that make sense to someone editing a JSON file. */
export function issuesFromZod(error: z.ZodError): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of error.issues) {
    const base = pathToString(issue.path);
    switch (issue.code) {
      case 'invalid_value':
        out.push({
          path: base,
          message: `expected one of ${issue.values.map((v) => String(v)).join(', ')}`,
        });
        break;
      case 'invalid_type':
        out.push({
          path: base,
          message:
            issue.input === undefined
              ? `required (expected ${issue.expected})`
              : `expected ${issue.expected}, got ${describeReceived(issue.input)}`,
        });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push({ path: base === '(root)' ? key : `${base}.${key}`, message: 'unknown field' });
        }
        break;
      case 'too_small':
        out.push({
          path: base,
          message: boundText(issue.origin, 'at least', issue.inclusive ? '≥' : '>', issue.minimum),
        });
        break;
      case 'too_big':
        out.push({
          path: base,
          message: boundText(issue.origin, 'at most', issue.inclusive ? '≤' : '<', issue.maximum),
        });
        break;
      case 'invalid_union':
        out.push({ path: base, message: issue.message || 'does not match any allowed form' });
        break;
      default:
        out.push({ path: base, message: issue.message });
    }
  }
  return out;
}

/** Validates `input` against `schema`; returns the parsed value or throws an {@link InputError}. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, context?: string): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new InputError(issuesFromZod(result.error), context);
}

/** The people-facing form: one line per problem. */
export function formatIssues(issues: readonly InputIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}

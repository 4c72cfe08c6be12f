/**
 * The shared string rule applied to every API request before its schema: every string value (body,
 * query, path parameters) keeps the free-text rule (no control characters but tab and newlines, no
 * unpaired surrogate) and a length cap; every object key keeps the key rule (no control characters at
 * all) and a shorter cap; nesting is bounded. Route schemas then apply each field's own, tighter cap
 * (`text(n)`, `key(n)` in routes/common.ts, which use the same rule): this pass is what guarantees that
 * no field — including ones inside `z.unknown()` answers, the clinical core's schemas or a FHIR Bundle —
 * can bring a NUL byte to the database or a megabyte string to a column.
 */
import type { InputIssue } from '@hemispasm/core';
import type { FastifyInstance } from 'fastify';
import { keyProblem, textProblem } from '../routes/common';
import { ApiError } from './errors';

/** No string the API accepts is longer (the longest fields are 4,000-character FHIR notes). */
export const MAX_STRING_LENGTH = 10_000;
export const MAX_KEY_LENGTH = 200;
/** Deeper than any body the API defines (FHIR extensions nest about 10 levels). */
export const MAX_DEPTH = 32;
const MAX_ISSUES = 20;

/** The issues of one request part (`body`, `querystring`, `params`); empty when every value keeps the rules. */
export function inputIssues(value: unknown, part: string): InputIssue[] {
  const issues: InputIssue[] = [];
  // An explicit stack, not recursion: a hostile body must not be able to exhaust the call stack.
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: part, depth: 0 }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const p =
        v.length > MAX_STRING_LENGTH ? `must be at most ${MAX_STRING_LENGTH} characters` : textProblem(v);
      if (p) issues.push({ path, message: p });
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_DEPTH) {
      issues.push({ path, message: `must not be nested more than ${MAX_DEPTH} levels deep` });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ v: v[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i]!;
      const p = k.length > MAX_KEY_LENGTH ? `must be at most ${MAX_KEY_LENGTH} characters` : keyProblem(k);
      // A bad key is reported without echoing it (it may be the very control character at fault).
      if (p) issues.push({ path: `${path}.(key ${i + 1})`, message: `key ${p}` });
      else stack.push({ v: child, path: `${path}.${k}`, depth: depth + 1 });
    }
  }
  return issues;
}

export function installInputRules(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (!req.routeOptions.url?.startsWith('/api/')) return;
    const issues = [
      ...inputIssues(req.params, 'params'),
      ...inputIssues(req.query, 'querystring'),
      ...inputIssues(req.body, 'body'),
    ];
    if (issues.length) throw new ApiError('validation_failed', { issues });
  });
}

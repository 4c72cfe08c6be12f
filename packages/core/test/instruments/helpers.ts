import { expect } from 'vitest';
import { getInstrument, InputError, type InputIssue, scoreInstrument } from '../../src/index';

/** Answers with every item of instrument `id` set to `value`. */
type Value = number | string | boolean | null;

export function allItems(id: string, value: Value | ((itemId: string, index: number) => Value)) {
  const def = getInstrument(id);
  return {
    items: Object.fromEntries(
      def.items.map((item, i) => [item.id, typeof value === 'function' ? value(item.id, i) : value]),
    ),
  };
}

/** The issues `scoreInstrument` reports for these answers (fails the test if it scores them instead). */
export function issuesFor(id: string, answers: unknown, opts?: { wordingPack?: unknown }): InputIssue[] {
  try {
    scoreInstrument(id, answers, opts);
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  expect.fail(`expected ${id} to reject ${JSON.stringify(answers)}`);
}

export function paths(issues: InputIssue[]): string[] {
  return issues.map((i) => i.path);
}

/** The example answers shipped in examples/answers (used in the README) must all score, each as its own instrument. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_IDS, scoreInstrument } from '../../src/index';

const dir = fileURLToPath(new URL('../../../../examples/answers/', import.meta.url));

describe('examples/answers', () => {
  it.each(INSTRUMENT_IDS)('%s.json scores as %s', (id) => {
    const answers: unknown = JSON.parse(readFileSync(`${dir}${id}.json`, 'utf8'));
    const s = scoreInstrument(id, answers);
    expect(s.instrumentId).toBe(id);
    // Each example declares its instrument, so it cannot be scored as any other.
    const other = INSTRUMENT_IDS.find((x) => x !== id)!;
    expect(() => scoreInstrument(other, answers)).toThrow(/instrument/);
  });
});

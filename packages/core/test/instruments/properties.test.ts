/** Property tests over the whole registry: valid answers always score consistently; anything else is an InputError. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS, InputError, type InstrumentDefinition, scoreInstrument } from '../../src/index';

const RUNS = { numRuns: 100 };

function validAnswers(def: InstrumentDefinition) {
  return fc.record(
    Object.fromEntries(
      def.items.map((item) => [
        item.id,
        item.kind === 'option'
          ? fc.constantFrom(...item.options.map((o) => o.value))
          : fc.double({ min: item.min, max: item.max, noNaN: true }),
      ]),
    ),
  );
}

describe('instrument properties', () => {
  it.each(INSTRUMENTS.filter((d) => d.scoring.kind !== 'classify').map((d) => [d.id, d] as const))(
    '%s: any valid answers give a total inside the range, the sum of the answers, in exactly its band',
    (id, def) => {
      fc.assert(
        fc.property(validAnswers(def), (items) => {
          const s = scoreInstrument(id, { items });
          const sum = Object.values(items).reduce((a, v) => a + v, 0);
          expect(s.total).toBe(sum);
          expect(s.total!).toBeGreaterThanOrEqual(s.range!.min);
          expect(s.total!).toBeLessThanOrEqual(s.range!.max);
          expect(s.band === null).toBe(def.bands.length === 0);
          if (s.subscales) expect(s.subscales.reduce((a, x) => a + x.total, 0)).toBe(s.total);
          expect(s.instrumentVersion).toBe(def.version);
        }),
        RUNS,
      );
    },
  );

  it('hearing: every valid PTA/WRS pair gets one class, except the gap the evidence table leaves', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 140, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (ptaDb, wrsPercent) => {
          const s = scoreInstrument('hearing-aao-hns', { items: { ptaDb, wrsPercent } });
          const inGap = ptaDb <= 30 && wrsPercent >= 50 && wrsPercent < 70;
          expect(s.band === null).toBe(inGap);
          if (wrsPercent < 50) expect(s.band?.id).toBe('D');
        },
      ),
      RUNS,
    );
  });

  it.each(INSTRUMENTS.map((d) => [d.id] as const))(
    '%s: any JSON input scores or is an InputError, never a crash',
    (id) => {
      fc.assert(
        fc.property(
          fc.oneof(fc.jsonValue(), fc.record({ items: fc.dictionary(fc.string(), fc.jsonValue()) })),
          (input) => {
            try {
              scoreInstrument(id, input);
            } catch (e) {
              expect(e).toBeInstanceOf(InputError);
              expect((e as InputError).issues.length).toBeGreaterThan(0);
            }
          },
        ),
        RUNS,
      );
    },
  );
});

/** The instruments hemispasm knows, and the three entry points other packages use (docs: notes/apis.md). */
import { InputError } from '../validation';
import { cohenAlbert } from './cohen-albert/definition';
import { scoreAnswers } from './engine';
import { hearingAaoHns } from './hearing-aao-hns/definition';
import { hfs7 } from './hfs7/definition';
import { hfs30 } from './hfs30/definition';
import { houseBrackmann } from './house-brackmann/definition';
import { jankovicBlepharospasm } from './jankovic/blepharospasm';
import { jankovicHfs } from './jankovic/hfs';
import { smc } from './smc/definition';
import type { InstrumentDefinition, InstrumentScore, InstrumentSummary } from './types';
import { applyWordingPack, parseWordingPack } from './wording-pack';

/** Definitions are shared by every caller (server, web, CLI): frozen so no caller can change another's instrument. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export const INSTRUMENTS: readonly InstrumentDefinition[] = deepFreeze([
  smc,
  jankovicBlepharospasm,
  jankovicHfs,
  cohenAlbert,
  hfs7,
  hfs30,
  houseBrackmann,
  hearingAaoHns,
]);

export const INSTRUMENT_IDS = INSTRUMENTS.map((i) => i.id);

export function listInstruments(): InstrumentSummary[] {
  return INSTRUMENTS.map((d) => ({
    id: d.id,
    name: d.name,
    version: d.version,
    versionLabel: d.versionLabel,
    raterType: d.raterType,
    range: d.rangeLabel,
    verification: d.verification,
    wording: d.wording,
    source: [...d.source],
  }));
}

/** The definition for `id`; throws InputError (path `instrument`) listing the known ids when there is none. */
export function getInstrument(id: string): InstrumentDefinition {
  const def = INSTRUMENTS.find((i) => i.id === id);
  if (!def) {
    throw new InputError([
      { path: 'instrument', message: `unknown instrument "${id}"; known ids: ${INSTRUMENT_IDS.join(', ')}` },
    ]);
  }
  return def;
}

export interface ScoreOptions {
  /** A clinic's licensed wording pack (parsed JSON) for HFS-7 / HFS-30; validated against the instrument. */
  wordingPack?: unknown;
}

/** The definition for `id` with a clinic's licensed wording pack applied (validated; throws InputError). */
export function getInstrumentWithWording(id: string, wordingPack: unknown): InstrumentDefinition {
  const def = getInstrument(id);
  return applyWordingPack(def, parseWordingPack(def, wordingPack));
}

/** Validates `answers` for instrument `id` and scores them; the score carries the instrument id and version. */
export function scoreInstrument(id: string, answers: unknown, opts: ScoreOptions = {}): InstrumentScore {
  const def =
    opts.wordingPack === undefined ? getInstrument(id) : getInstrumentWithWording(id, opts.wordingPack);
  return scoreAnswers(def, answers);
}

/** Shown with every score wherever it is displayed. */
export const INSTRUMENT_DISCLAIMER =
  'A score supports, and does not replace, the judgement of a physician. Compare scores only within the same instrument and version.';

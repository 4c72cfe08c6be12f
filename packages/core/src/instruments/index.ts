export { answersSchema } from './answers-schema';
export { scoreAnswers, totalRange } from './engine';
export { HFS30_SUBSCALES } from './hfs30/definition';
export { NEVER_TO_ALWAYS } from './neutral-items';
export {
  getInstrument,
  getInstrumentWithWording,
  INSTRUMENT_DISCLAIMER,
  INSTRUMENT_IDS,
  INSTRUMENTS,
  listInstruments,
  type ScoreOptions,
  scoreInstrument,
} from './registry';
export type * from './types';
export { applyWordingPack, parseWordingPack, type WordingPack } from './wording-pack';

/** Public API of the facial-movement test (landmark measures + prompt timing in, symmetry out). */

export * from './analysis-schema';
export { analyzeMovement, MOVEMENT_NAMES, type MovementAnalysisOptions } from './analyze';
export { GRADE_FLOOR_PCT, gradeOfFunction, MOVEMENT_BAND_LABEL, ROMAN_GRADE, romanGrade } from './band';
export { MOVEMENT_ANALYZER_VERSION, MOVEMENT_PARAMS, MOVEMENT_UNITS } from './params';
export {
  DEFAULT_SCRIPT,
  HOLD_S,
  LEAD_IN_S,
  MovementScriptSchema,
  parseMovementScript,
  promptAt,
  RELAX_S,
} from './script';
export * from './synthetic';
export * from './types';

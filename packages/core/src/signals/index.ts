/** Public API of spasm signal analysis (types are exported from ./types by the package index). */

export type { SpasmAnalysis, SpasmEvent } from './analysis-schema';
export { SpasmAnalysisSchema, SpasmEventSchema } from './analysis-schema';
export { analyzeSignals } from './analyze';
export { formatSignalCsv, parseSignalCsv, SIGNAL_CSV_COLUMNS } from './csv';
export { ANALYZER_VERSION, DETECTOR } from './params';
export type { Metrics, ScoreCounts } from './score';
export { addCounts, emptyCounts, metrics, scoreScenario } from './score';
export { checkSide, type RecordedSide, SIDE_CHECK_MIN_EVENTS, type SideCheck } from './side-check';
export type { GroundTruth, ScenarioConfig, SyntheticScenario, TruthEvent } from './synthetic';
export { CONDITIONS, DEFAULT_SCENARIO, generateScenario, makeRng, standardScenarios } from './synthetic';

/**
 * The server's single door to the clinical core (@hemispasm/core): instrument scoring, the decision
 * engine and the video-analysis schemas (spasm and facial-movement; used directly as the measurement body schemas). Scores and recommendations are always computed here, on the
 * server, from the raw answers / profile — never taken from a client. Core InputErrors become
 * validation problems naming the request field that carried the input.
 */
import {
  type DecisionResult,
  getInstrument,
  InputError,
  type InputIssue,
  type InstrumentScore,
  joinPath,
  MovementAnalysisSchema,
  OPTION_IDS,
  recommend,
  SpasmAnalysisSchema,
  scoreInstrument,
} from '@hemispasm/core';
import { ApiError } from '../http/errors';
import { key } from '../routes/common';

export { MovementAnalysisSchema, OPTION_IDS, SpasmAnalysisSchema };

/** The analysis a client posts: the core's schema, with the server's cap on the analyzer version string. */
export const MeasuredAnalysisSchema = SpasmAnalysisSchema.extend({ analyzerVersion: key(100) });
/** The same cap for a facial-movement test. */
export const MeasuredMovementSchema = MovementAnalysisSchema.extend({ analyzerVersion: key(100) });

function underField(field: string, issues: readonly InputIssue[], keepRoot = false): ApiError {
  return new ApiError('validation_failed', {
    issues: issues.map((i) => ({
      path: keepRoot ? field : joinPath(field, i.path),
      message: i.message,
    })),
  });
}

export function scoreAnswers(instrumentId: string, answers: unknown): InstrumentScore {
  // An unknown instrument is the fault of the instrumentId field; anything else of the answers.
  try {
    getInstrument(instrumentId);
  } catch (e) {
    if (e instanceof InputError) throw underField('body.instrumentId', e.issues, true);
    throw e;
  }
  try {
    return scoreInstrument(instrumentId, answers);
  } catch (e) {
    if (e instanceof InputError) throw underField('body.answers', e.issues);
    throw e;
  }
}

export function recommendFor(profile: unknown): DecisionResult {
  try {
    return recommend(profile, { explain: true });
  } catch (e) {
    if (e instanceof InputError) throw underField('body.profile', e.issues);
    throw e;
  }
}

/**
 * The core's surface for the game page: the engine, the clock, the open log and the reading of a
 * save, the rubric, the telegram and the verdicts. The page's first screen is built on this file
 * rather than on index.ts, which also re-exports the log verifier and the scenario schema: a
 * bundler puts every module a page reaches into its chunks, used or not, and those two bring zod
 * and the verifier, which the game loads only when it checks a log (watch, export).
 */
export { availableChoices, step, type ChoiceView } from './engine/step.ts';
export { nodeText } from './engine/text.ts';
export { lookup } from './engine/lookup.ts';
export { deadlineOf, initialState, type SessionState, type TrailStep } from './engine/state.ts';
export { formatSpan, isoUtc, offsetLabel, timeOf, wallTime, type WallTime } from './engine/clock.ts';
export { PHASES, type Phase, type Precedence, type Show, type SoundCue, type Vote } from './scenario/vocabulary.ts';
export type { Cable, Glossary, Hemisphere, Scenario } from './scenario/schema.ts';
export type { LoadedScenario } from './scenario/load.ts';
export { teletypeText } from './cable-markup.ts';
export { LOG_FORMAT, MAX_REASON_CHARS, PLAY_MODES, REASONS_MODES, REWIND_MODES, type DecisionLog, type LogEntry, type PlayMode, type ReasonsMode, type RewindMode } from './log/format.ts';
export { migrateOpenLog } from './log/migrate-open.ts';
export { appendEntry, createLog, originAt, startAttempt } from './log/create.ts';
export { sealLog, unsealLog } from './log/seal.ts';
export { readOpenLog } from './log/shape.ts';
export { attemptPath, replayAttempts, replayLog } from './log/replay.ts';
export { rubricGuide, scoreRubric, type Criterion, type Rubric } from './rubric/rubric.ts';
export { counterpartOf, missionOf, officeOf, phasesOf } from './scenario/mission.ts';
export { PART_TITLES, type JudgedPartId, type PartVerdict } from './telegram/judge.ts';
export { organVote, tallyText, washingtonCount, type Tally } from './verdict/count.ts';
export { explainReaction, type ReactionDraw } from './verdict/explain.ts';
export { FAST_THINK_MS, paceOf, type Pace } from './verdict/pace.ts';
export { verdictOf, type Verdict } from './verdict/summary.ts';
export { composeTelegram } from './telegram/compose.ts';

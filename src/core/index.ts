/**
 * The core layer's public surface: scenario format and checks, the pure engine, hashing.
 * Everything here is pure TypeScript with no DOM, Phaser, howler or zustand. The review page and
 * the command line import the core through this file; the game page through play.ts, a narrower
 * surface that leaves out the verifier and the scenario schema (zod) so its first screen is small.
 */

// engine
export {
  availableChoices,
  currentNode,
  isEnded,
  step,
  type ChoiceMade,
  type ChoiceView,
  type GameEvent,
  type StepResult,
} from './engine/step.ts';
export { nodeText } from './engine/text.ts';
export { lookup } from './engine/lookup.ts';
export { deadlineOf, initialState, type Mark, type SessionState, type StartOptions, type TrailStep } from './engine/state.ts';
export {
  formatSpan,
  isoUtc,
  offsetLabel,
  parseTime,
  timeOf,
  wallTime,
  type UtcMinutes,
  type WallTime,
} from './engine/clock.ts';

// scenario format
export {
  cableSchema,
  glossarySchema,
  PHASES,
  POINTS,
  PRECEDENCES,
  SCENARIO_FORMAT,
  SCENARIO_FORMAT_VERSION,
  scenarioSchema,
  SOUND_CUES,
  type Cable,
  CLAIMS,
  VOTES,
  type Choice,
  type ClaimId,
  type Condition,
  type Passage,
  type Show,
  type Vote,
  type Effect,
  type Glossary,
  type Hemisphere,
  type Mission,
  type RubricCriterionId,
  type Washington,
  RUBRIC_CRITERIA,
  type Outcome,
  type Person,
  type Phase,
  type Point,
  type Precedence,
  type Scenario,
  type ScenarioNode,
  type SoundCue,
} from './scenario/schema.ts';

// scenario loading and checks
export {
  formatIssue,
  sortIssues,
  unlocated,
  type IssuePath,
  type Locator,
  type PathSegment,
  type Position,
  type ScenarioIssue,
} from './scenario/issues.ts';
export {
  parseCable,
  parseGlossary,
  parseScenario,
  parseShared,
  type CableParseResult,
  type GlossaryParseResult,
  type ParseFailure,
  type ParseResult,
  type SharedParseResult,
} from './scenario/parse.ts';
export { checkScenario } from './scenario/check.ts';
export { loadScenario, type LoadedScenario, type LoadResult } from './scenario/load.ts';

// the circular's markup and the glossary's terms in running text
export { teletypeText } from './cable-markup.ts';
export { buildTermIndex, findTerms, termForms } from './glossary-terms.ts';

// hashing
export { canonicalJson, hashJson, sha256Hex } from './hash.ts';

// log
export {
  LOG_FORMAT,
  LOG_FORMAT_VERSION,
  MAX_REASON_CHARS,
  PLAY_MODES,
  REASONS_MODES,
  REWIND_MODES,
  type Attempt,
  type AttemptOrigin,
  type DecisionLog,
  type LogEntry,
  type LogHeader,
  type PlayMode,
  type ReasonsMode,
  type RewindMode,
  type SealedEntry,
  type SealedLog,
} from './log/format.ts';
export { migrateOpenLog } from './log/migrate.ts';
export { modeProblems, REWIND_MODE_TEXT } from './log/modes.ts';
export { appendEntry, createLog, currentAttempt, originAt, startAttempt } from './log/create.ts';
export { sealLog, unsealLog } from './log/seal.ts';
export { parseOpenLog, parseSealedLog } from './log/schema.ts';
export { readOpenLog, readScannedSealedLog } from './log/shape.ts';
export { attemptPath, replayAttempts, replayEvents, replayLog, type ReplayResult } from './log/replay.ts';
export {
  MAX_LOG_CHARS,
  verifyLog,
  verifyLogText,
  type AttemptSummary,
  type NotVerified,
  type ScenarioRef,
  type Verified,
  type VerifyResult,
  type VerifyStatus,
} from './log/verify.ts';
export { archiveFileName, archiveLibrary, readArchiveFileName, type ArchiveLoader, type ScenarioLibrary } from './log/library.ts';
export { LOG_LIMITS, MAX_LOG_ENTRIES, scanJson } from './log/scan.ts';

// rubric and telegram
export { counterpartOf, EMBASSY_MISSION, missionOf, officeOf, phasesOf } from './scenario/mission.ts';
export { scoreRubric, rubricGuide, POINT_LABELS, type Criterion, type Level, type Rubric } from './rubric/rubric.ts';
export { judgeTelegram, PART_TITLES, type JudgedPart, type JudgedPartId, type PartVerdict, type TelegramJudgement } from './telegram/judge.ts';
export { paragraphText } from './telegram/paragraphs.ts';

// verdicts: claims, Washington's count, the reaction explained, pace
export { brokenClaims, CLAIM_TEXT, claimHolds, evaluateClaims } from './verdict/claims.ts';
export { organVote, tallyText, washingtonCount, washingtonHeard, type CountRow, type OrganVote, type Tally, type WashingtonCount } from './verdict/count.ts';
export { explainReaction, type ReactionDraw, type ReactionOdds } from './verdict/explain.ts';
export { FAST_THINK_MS, paceOf, type Pace } from './verdict/pace.ts';
export { verdictOf, type Verdict, type VerdictClaim } from './verdict/summary.ts';
export { composeTelegram, describeLetters, type ComposedTelegram } from './telegram/compose.ts';

// the teacher's review: rows, timelines, the class summary and the exports
export type { ClassSummary, ReviewDecision, ReviewRow, ReviewTime } from './review/types.ts';
export { markDuplicates, reviewDecisions, reviewRow, reviewTime, unreadableRow } from './review/model.ts';
export { classSummary, NO_REACTION, type ClassItem } from './review/summary.ts';

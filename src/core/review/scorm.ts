/**
 * A game as SCORM 1.2 run-time values (ADL SCORM 1.2 Run-Time Environment, §3.4 and appendix A), for
 * a school's LMS. Pure: src/lms/scorm.ts writes these values through the LMS's API; nothing here
 * calls one.
 *
 * What is reported, and why:
 * - one `cmi.interactions.n` per decision: per attempt, in file order, each entry of the attempt's
 *   own (a decision an attempt inherits from the one it branched from is reported once, under
 *   that one). A "Continue" at a chance node is the game's draw, not the student's decision, and is
 *   left out, as the xAPI statements leave it out.
 * - `id`: `<scenario id>.<node id>` (a CMIIdentifier: both ids are lower-case letters, digits and
 *   hyphens, so no space; cut to 255 characters). The post is in it because one package holds
 *   every post and their nodes may share a name.
 * - `type` "choice", `student_response` the choice's index in the node as the log records it, written
 *   as the one character a 1.2 choice response allows (0–9, then a–z): the index, not the number
 *   key pressed, since a node may show its choices shuffled. A node with more than 36 choices
 *   (none has more than 8) could not be answered in that form; its decision is reported as
 *   `performance` with the index in digits rather than as a wrong letter.
 * - `result` "neutral": the game marks no single choice right or wrong; the rubric judges the whole
 *   game, and that judgement is the score.
 * - `latency` the think time the log records (CMITimespan); `time` the wall-clock time of day of
 *   the decision in the learner's own time zone (CMITime), which the caller supplies.
 * - once an ending is reached: `cmi.core.score.raw` the rubric's total points, `min` 0, `max` its
 *   total maximum (the debrief's "Total" and "Your score", the verdict's score), and `lesson_status` "completed". Not "passed" or
 *   "failed": the rubric sets no pass mark and the game does not invent one. An LMS that holds a
 *   mastery score may turn "completed" into passed or failed itself (RTE 3.4.4,
 *   cmi.core.lesson_status). Before an ending the status is "incomplete".
 */
import type { SessionState } from '../engine/state.ts';
import type { DecisionLog, SealedLog } from '../log/format.ts';
import type { Scenario, ScenarioNode } from '../scenario/schema.ts';
import type { Verdict } from '../verdict/summary.ts';

/** The limits of SCORM 1.2 data types this module writes (RTE appendix A). */
export const SCORM12_LIMITS = {
  /** CMIIdentifier: at most 255 characters, no white space. */
  identifier: 255,
  /** CMIFeedback, as CMIString255. */
  feedback: 255,
  /** CMIString4096 (cmi.suspend_data). */
  suspendData: 4096,
  /** CMITimespan hours: HHHH. */
  timespanHours: 9999,
} as const;

/** The characters of a 1.2 `choice` response, in the order of the choice indices they stand for. */
const CHOICE_CHARACTERS = '0123456789abcdefghijklmnopqrstuvwxyz';

export interface ScormInteraction {
  /** `cmi.interactions.n.id`: `<scenario>.<node>`. */
  id: string;
  type: 'choice' | 'performance';
  /** `student_response`: one character 0–9, a–z for a choice (the choice's index in the node). */
  response: string;
  result: 'neutral';
  /** `latency`: the think time, HHHH:MM:SS.SS. */
  latency: string;
  /** Wall time of the decision in ms since the epoch, for `time`; null when the log's `at` does not read. */
  at: number | null;
}

export interface ScormOutcome {
  /** "completed" once the game has reached an ending, else "incomplete". */
  status: 'completed' | 'incomplete';
  /** The rubric's total, set only once an ending is reached. */
  score: { raw: number; min: number; max: number } | null;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * A node of the scenario by id (own properties only). This module imports no other module of the
 * core at run time, so the LMS adapter that loads it lazily adds no module to the first screen's
 * shared chunks (which would split them): the score comes in from the caller (`scormOutcome`).
 */
function nodeOf(scenario: Scenario, id: string): ScenarioNode | undefined {
  return Object.hasOwn(scenario.nodes, id) ? scenario.nodes[id] : undefined;
}

/**
 * A span of milliseconds as a SCORM 1.2 CMITimespan, "HHHH:MM:SS.SS", to the hundredth of a
 * second; a negative span is 0, and one beyond 9999 hours is written as the largest there is. Pure.
 */
export function cmiTimespan(ms: number): string {
  const max = (SCORM12_LIMITS.timespanHours + 1) * 360_000 - 1;
  const hundredths = Number.isFinite(ms) ? Math.min(max, Math.max(0, Math.round(ms / 10))) : 0;
  const seconds = Math.floor(hundredths / 100);
  return `${pad(Math.floor(seconds / 3600), 4)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}.${pad(hundredths % 100, 2)}`;
}

/**
 * The time of day of an instant as a SCORM 1.2 CMITime, "HH:MM:SS", in the zone `offsetMinutes`
 * east of UTC (the learner's own, which the caller reads from the browser). Pure.
 */
export function cmiTime(ms: number, offsetMinutes: number): string {
  const day = 86_400;
  const seconds = (((Math.floor(ms / 1000) + offsetMinutes * 60) % day) + day) % day;
  return `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}`;
}

/** The interaction id of a decision at `node` of `scenario`. Pure. */
export function scormInteractionId(scenario: Scenario, node: string): string {
  return `${scenario.id}.${node}`.replace(/\s/g, '_').slice(0, SCORM12_LIMITS.identifier);
}

/**
 * Every decision of a log as a SCORM 1.2 interaction, in the order the file holds them (see the
 * file's comment for what is reported). A log only grows at its end (a new entry, a new attempt),
 * so the list for a later state of the same game begins with the list for an earlier one. Pure.
 */
export function scormInteractions(scenario: Scenario, log: DecisionLog | SealedLog): ScormInteraction[] {
  const out: ScormInteraction[] = [];
  for (const attempt of log.attempts) {
    for (const entry of attempt.entries) {
      if (nodeOf(scenario, entry.node)?.choices === undefined) continue;
      const letter = CHOICE_CHARACTERS[entry.choice];
      const at = Date.parse(entry.at);
      out.push({
        id: scormInteractionId(scenario, entry.node),
        type: letter === undefined ? 'performance' : 'choice',
        response: letter ?? String(entry.choice),
        result: 'neutral',
        latency: cmiTimespan(entry.thinkMs),
        at: Number.isFinite(at) ? at : null,
      });
    }
  }
  return out;
}

/**
 * The status and, once an ending is reached, the score of a session state (the present of a game).
 * `verdict` is `verdictOf` (src/core/verdict/summary.ts), whose score is the rubric's total
 * (`scoreRubric(…).total`): the score the debrief, its print and the log show. It is called only
 * at an ending. Pure.
 */
export function scormOutcome(scenario: Scenario, state: SessionState, verdict: (scenario: Scenario, state: SessionState) => Pick<Verdict, 'score'>): ScormOutcome {
  if (nodeOf(scenario, state.node)?.ending === undefined) return { status: 'incomplete', score: null };
  const { points, max } = verdict(scenario, state).score;
  return { status: 'completed', score: { raw: points, min: 0, max } };
}

/**
 * What `cmi.suspend_data` keeps between two sessions of the LMS: which game (`game`, see
 * `scormGameKey`) and how many of its decisions were reported, so that a game resumed in a later
 * session reports only the decisions it has not reported yet.
 */
export interface ScormProgress {
  game: string;
  reported: number;
}

/** The name of a game in `cmi.suspend_data`: its log's creation time and seed. Pure. */
export function scormGameKey(log: DecisionLog | SealedLog): string {
  return `${log.createdAt}|${log.seed}`;
}

/** `cmi.suspend_data` for a progress record (at most CMIString4096). Pure. */
export function writeScormProgress(progress: ScormProgress): string {
  return JSON.stringify({ circular938: 1, game: progress.game.slice(0, 200), reported: progress.reported });
}

/**
 * The progress record in `cmi.suspend_data` as an LMS returned it, or null when it holds none (empty,
 * another package's data, damaged). Pure; never throws.
 */
export function readScormProgress(text: unknown): ScormProgress | null {
  if (typeof text !== 'string' || text === '' || text.length > SCORM12_LIMITS.suspendData) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const { game, reported } = record;
  if (record['circular938'] !== 1 || typeof game !== 'string' || typeof reported !== 'number' || !Number.isSafeInteger(reported) || reported < 0) return null;
  return { game, reported };
}

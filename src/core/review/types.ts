/**
 * What the teacher's review reads from a class's logs: one row per file (from its verification),
 * the decisions of a student, and what the class did together. The shapes the review page, the
 * exports (CSV, xAPI) and `npm run logs -- csv|xapi` share. Types and the status words; the
 * functions are in model.ts, csv.ts and xapi.ts beside this file.
 */
import type { PlayMode, RewindMode, ReasonsMode } from '../log/format.ts';
import type { VerifyStatus } from '../log/verify.ts';
import type { Point } from '../scenario/schema.ts';

/** A time of the game in the post's and Washington's local time, with the UTC instant. */
export interface ReviewTime {
  /** ISO UTC, as in the log: "1962-11-20T22:10Z". */
  utc: string;
  /** "Tue 17:05" in the post's local time. */
  local: string;
  /** "Tue 18:05" in Washington. */
  washington: string;
}

/**
 * A row's status in the one word a teacher is given everywhere: the page, the CSV, the guide and
 * `logs verify` (which calls a file it cannot read `refused`, as the page now does). `unreadable`
 * stays apart in the row (the file was not read as text at all), but is said as `refused`.
 */
export const STATUS_WORD: Readonly<Record<ReviewRow['status'], VerifyStatus>> = {
  verified: 'verified',
  'scenario-changed': 'scenario-changed',
  edited: 'edited',
  refused: 'refused',
  unreadable: 'refused',
};

/** One file of the class, verified: everything the class table shows and the CSV writes. */
export interface ReviewRow {
  /** Stable key of the log's content (its head hash when it has one, else a hash of the text): the same log imported twice has the same key. */
  key: string;
  /** The file's name as imported (a folder import keeps the relative path). */
  file: string;
  status: VerifyStatus | 'unreadable';
  /** Why it is not verified, and notes (unfinished, kept text, converted format); plain sentences. */
  problems: string[];
  notes: string[];
  /** True when another row with the same key was imported earlier; this row is then flagged, and shown once. */
  duplicate: boolean;
  student: { label: string; classCode: string | null } | null;
  /** The scenario id and its post's city ("Mexico City"); null when the file was not read as a log. */
  scenario: { id: string; version: number; post: string } | null;
  /** The world played: its key and label. */
  world: { id: string; label: string } | null;
  /** The link's modes the game was played in; `play: 'class'` when the whole class played it together (absent: one student's game). */
  modes: { rewind: RewindMode; reasons: ReasonsMode; play?: PlayMode } | null;
  /** Log format the file was written in. */
  format: number | null;
  /** Whether the last attempt reached an ending; null when not replayed. */
  finished: boolean | null;
  /** The ending's title and the score of the last attempt. */
  ending: string | null;
  score: { points: number; max: number } | null;
  /** The meeting with the minister and the report's sending, and the press conference they race. */
  meeting: ReviewTime | null;
  report: ReviewTime | null;
  deadline: ReviewTime | null;
  /** Met before the press conference; reported (not ROUTINE) before it. Null when not replayed. */
  metInTime: boolean | null;
  reportedInTime: boolean | null;
  /** Points of the circular conveyed, in the order of POINTS, and how many there are to convey. */
  conveyed: Point[] | null;
  conveyable: number | null;
  /** Confidential lines passed on, promises made (pitfall ids and their labels). */
  leaks: { id: string; label: string }[] | null;
  /** A slip hidden from Washington. */
  concealed: boolean | null;
  /** The minister's actual reaction and the one reported (response ids; null when none). */
  actual: string | null;
  reported: string | null;
  /** True when a reaction was reported and it is not the actual one. */
  mismatch: boolean | null;
  /** Wall time from the log's start to its last decision, in ms; attempts; decisions taken in under 2 s. */
  playedMs: number | null;
  attempts: number | null;
  fastDecisions: number | null;
  /** The reasons written, in order (for the table's column and the CSV). */
  reasons: string[] | null;
}

/** One decision of a student's attempt, as the student view's timeline and the decisions CSV show it. */
export interface ReviewDecision {
  attempt: number;
  /** 1-based position on the attempt's full path. */
  step: number;
  /**
   * Where the log records this decision: its attempt and its place among that attempt's own
   * decisions (both 0-based, as in the file). An attempt that branched from an earlier one begins
   * with decisions recorded in that one; a problem with the log names a decision this way
   * ("attempt 1, decision 3", counted from one).
   */
  recorded: { attempt: number; index: number };
  node: string;
  phase: string;
  /** Game clock at the decision. */
  clock: ReviewTime;
  /** Wall time of the decision (ISO) and how long the student took. */
  at: string;
  thinkMs: number;
  /**
   * The options offered there, in the order shown, and the one taken. `index` is the choice's index in
   * the node, as the log records it (`chosen.index` equals the `index` of one of `offered`); at a chance
   * node the one option is "Continue" and `chosen.label` names the outcome drawn.
   */
  offered: { index: number; label: string }[];
  chosen: { index: number; label: string };
  reason: string | null;
}

/** What the class did together: for the class view and its sentences. */
export interface ClassSummary {
  /** Rows counted (verified or scenario-changed with a replay, duplicates left out). */
  counted: number;
  /** Students per edge key of the branch map (src/core/replay/map.ts) and per ending node id, for one scenario. */
  counts: { edges: Record<string, number>; endings: Record<string, number> };
  /**
   * actual → reported → students, every response of the scenario and `NO_REACTION` ("(none)": no
   * reaction given, or none reported) as keys, zeros included.
   */
  reactions: Record<string, Record<string, number>>;
  /** Plain sentences a teacher can say out loud, e.g. "12 of 28 reported support; 7 of those ministers were in fact non-committal." */
  sentences: string[];
}

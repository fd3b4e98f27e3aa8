/**
 * Decision log, format version 2 (design.md §4). Version 2 adds the student's reasons (`reason` on an
 * entry) and the modes the teacher's link set (`rewind`, `reasons` in the header, and `play` when the
 * whole class played one game); a version 1 log is migrated (migrate.ts). A log records events, never states: the
 * outcome is always derived by replaying the entries through the scenario.
 *
 * In memory and in autosave the log is "open" (entries without hashes). Exported files are
 * "sealed": every entry carries `prev` and `hash`, SHA-256 over the canonical JSON of the entry
 * without `hash` (plus its attempt's index, `from` and `startedAt`), chained from a genesis hash
 * over the header; `head` is the last hash so a truncated file is detected. The exact rules,
 * including how an attempt with no entries is chained, are in seal.ts.
 */

import type { Verdict } from '../verdict/summary.ts';

export const LOG_FORMAT = 'circular938-log';
export const LOG_FORMAT_VERSION = 2;

/** What the teacher's link lets a student do with earlier decisions: rewind and choose again, only look back, or neither. */
export const REWIND_MODES = ['free', 'look', 'off'] as const;
export type RewindMode = (typeof REWIND_MODES)[number];

/** Whether the student must write a reason at the decisions that ask for one (`why` in the scenario). */
export const REASONS_MODES = ['optional', 'required'] as const;
export type ReasonsMode = (typeof REASONS_MODES)[number];

/**
 * Who played: the only value is `class`, a game the whole class played together on the projector,
 * the teacher choosing for it (`?mode=class`). A log without `play` is one student's own game, so
 * every log written before the field existed reads (and hashes) as it did.
 */
export const PLAY_MODES = ['class'] as const;
export type PlayMode = (typeof PLAY_MODES)[number];

/** The longest reason a student can write (characters, as a text field counts them). */
export const MAX_REASON_CHARS = 500;

export interface LogEntry {
  /** 1-based position among its attempt's own entries (an inherited prefix is not counted). */
  seq: number;
  /** The node the decision was taken at. */
  node: string;
  /** Index of the choice in that node (0 = continue at a chance node). */
  choice: number;
  /** Game time when the decision was taken, ISO UTC ("1962-11-19T23:05Z"). */
  clock: string;
  /** Wall time of the decision, ISO 8601. */
  at: string;
  /** Milliseconds between the node being shown and the decision. */
  thinkMs: number;
  /** The student's reason for the choice, in their words (plain text, 1–500 characters); only where asked. */
  reason?: string;
}

export interface SealedEntry extends LogEntry {
  prev: string;
  hash: string;
}

/** Where an attempt branches from: the first `seq` entries of attempt `attempt` are replayed first. */
export interface AttemptOrigin {
  attempt: number;
  seq: number;
}

export interface Attempt<E extends LogEntry = LogEntry> {
  /** null for the first attempt; a rewind starts a new attempt from a point of an earlier one. */
  from: AttemptOrigin | null;
  startedAt: string;
  entries: E[];
}

export interface LogHeader {
  format: typeof LOG_FORMAT;
  formatVersion: typeof LOG_FORMAT_VERSION;
  scenario: { id: string; version: number; hash: string };
  seed: number;
  variant: string;
  student: { label: string; classCode?: string };
  createdAt: string;
  /** The rewind mode the game was played in; a log whose attempts break it is refused. */
  rewind: RewindMode;
  /** Whether reasons were required; a log that leaves out a required one is refused. */
  reasons: ReasonsMode;
  /** `class` when the whole class played this game together; absent for one student's own game. */
  play?: PlayMode;
}

export interface DecisionLog extends LogHeader {
  attempts: Attempt[];
}

export interface SealedLog extends LogHeader {
  attempts: Attempt<SealedEntry>[];
  /**
   * The last link of the chain: the hash of the last entry, or, when the last attempt has no
   * entries yet, of that attempt's own link (see seal.ts); the genesis hash when there is nothing.
   */
  head: string;
  /**
   * The verdict the debrief showed when the file was downloaded (src/core/verdict/summary.ts), for a
   * reader of the file. Derived, so outside the chain: verification replays the log and refuses a file
   * whose verdict is not the replay's.
   */
  verdict?: Verdict;
}

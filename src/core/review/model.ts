/**
 * The review's model: one row per imported file (from its verification), a student's decisions as a
 * timeline, and (summary.ts) what the class did together. Every fact about play is read from a
 * replay, never from the file's own claims; a file that was not replayed gives only what it says
 * (student, scenario named, modes, attempts, reasons) and nulls for the rest. Pure.
 */
import { isoUtc, parseTime, wallTime, type UtcMinutes } from '../engine/clock.ts';
import { lookup } from '../engine/lookup.ts';
import { deadlineOf, initialState, type SessionState } from '../engine/state.ts';
import { availableChoices, step } from '../engine/step.ts';
import type { DecisionLog, LogEntry, SealedLog } from '../log/format.ts';
import { attemptPath } from '../log/replay.ts';
import type { VerifyResult } from '../log/verify.ts';
import type { Scenario } from '../scenario/schema.ts';
import { POINTS } from '../scenario/vocabulary.ts';
import { claimHolds } from '../verdict/claims.ts';
import { paceOf } from '../verdict/pace.ts';
import type { ReviewDecision, ReviewRow, ReviewTime } from './types.ts';

export { classSummary, NO_REACTION } from './summary.ts';

/** A game time in UTC, the post's local time and Washington's, from the scenario's offsets. */
export function reviewTime(scenario: Scenario, t: UtcMinutes): ReviewTime {
  const at = (offset: number): string => {
    const w = wallTime(t, offset);
    return `${w.weekday} ${w.hhmm}`;
  };
  return { utc: isoUtc(t), local: at(scenario.post.utcOffsetMinutes), washington: at(scenario.washington.utcOffsetMinutes) };
}

const EMPTY: Omit<ReviewRow, 'key' | 'file' | 'status' | 'problems'> = {
  notes: [],
  duplicate: false,
  student: null,
  scenario: null,
  world: null,
  modes: null,
  format: null,
  finished: null,
  ending: null,
  score: null,
  meeting: null,
  report: null,
  deadline: null,
  metInTime: null,
  reportedInTime: null,
  conveyed: null,
  conveyable: null,
  leaks: null,
  concealed: null,
  actual: null,
  reported: null,
  mismatch: null,
  playedMs: null,
  attempts: null,
  fastDecisions: null,
  reasons: null,
};

/** A file that could not be read as a log at all (not text, too large to read, …): its name and why. Pure. */
export function unreadableRow(file: string, problem: string, textKey: string): ReviewRow {
  return { ...EMPTY, key: textKey, file, status: 'unreadable', problems: [problem] };
}

/** Every entry of the file, attempt by attempt, each decision once (an inherited prefix is not repeated). */
function ownEntries(log: DecisionLog | SealedLog): LogEntry[] {
  return log.attempts.flatMap((a) => a.entries);
}

/** Wall time from the log's creation to its latest decision; null when a time cannot be read. */
function playedMs(log: DecisionLog | SealedLog): number | null {
  const start = Date.parse(log.createdAt);
  if (Number.isNaN(start)) return null;
  let last = start;
  for (const entry of ownEntries(log)) {
    const at = Date.parse(entry.at);
    if (Number.isNaN(at)) return null;
    if (at > last) last = at;
  }
  return last - start;
}

/** What the file itself says, for any log that was read (verified or not). */
function fileFacts(log: SealedLog, scenario: Scenario | null): Partial<ReviewRow> {
  const world = scenario === null ? undefined : lookup(scenario.variants, log.variant);
  return {
    student: { label: log.student.label, classCode: log.student.classCode ?? null },
    scenario: {
      id: log.scenario.id,
      version: log.scenario.version,
      post: scenario !== null && scenario.id === log.scenario.id ? scenario.post.city : '',
    },
    world: { id: log.variant, label: world?.label ?? log.variant },
    modes: log.play === undefined ? { rewind: log.rewind, reasons: log.reasons } : { rewind: log.rewind, reasons: log.reasons, play: log.play },
    format: log.formatVersion,
    playedMs: playedMs(log),
    attempts: log.attempts.length,
    reasons: ownEntries(log).flatMap((e) => (e.reason === undefined ? [] : [e.reason])),
    fastDecisions: scenario === null ? null : paceOf(scenario, ownEntries(log)).fast,
  };
}

/** What the replay of the last attempt shows: times, points, pitfalls, reactions, ending and score. */
function playFacts(scenario: Scenario, state: SessionState, score: { points: number; max: number }, finished: boolean): Partial<ReviewRow> {
  const kinds = (kind: string): string[] => state.leaks.filter((id) => lookup(scenario.pitfalls, id)?.kind === kind);
  const reported = state.sent?.reported ?? null;
  return {
    finished,
    ending: lookup(scenario.nodes, state.node)?.ending?.title ?? null,
    score: { points: score.points, max: score.max },
    meeting: state.marks.met === undefined ? null : reviewTime(scenario, state.marks.met),
    report: state.marks.sent === undefined ? null : reviewTime(scenario, state.marks.sent),
    deadline: reviewTime(scenario, deadlineOf(scenario)),
    metInTime: claimHolds(scenario, state, 'met-in-time'),
    reportedInTime: claimHolds(scenario, state, 'reported-in-time'),
    conveyed: POINTS.filter((p) => state.conveyed.includes(p)),
    conveyable: POINTS.length,
    leaks: state.leaks
      .filter((id) => { const kind = lookup(scenario.pitfalls, id)?.kind; return kind === 'leak' || kind === 'promise'; })
      .map((id) => ({ id, label: lookup(scenario.pitfalls, id)?.label ?? id })),
    concealed: kinds('concealment').length > 0,
    actual: state.actual,
    reported,
    mismatch: reported === null ? false : reported !== state.actual,
  };
}

/**
 * The class table's row for one verified file. `key` is the sealed log's head when the log was
 * read (the same log imported twice has the same key), else `textKey` (the caller's hash of the
 * text). A verified file and a `scenario-changed` one that replays against the current text get
 * every fact from the replay of the last attempt; an edited or refused file gets what its log says
 * where it was read and nulls elsewhere. `mismatch` compares the reaction as the telegram left the
 * embassy (`sent.reported`, as the rubric judges it) with the actual one; it is false when no
 * reaction was reported. Times are in the post's and Washington's local time. `named`, the
 * scenarios played now, gives a log that was read but not replayed (an edited one) the names of its
 * post and world ("Mexico City", "A what-if") rather than their ids; nothing else is read from them. Pure.
 */
export function reviewRow(file: string, result: VerifyResult, textKey: string, named: readonly Scenario[] = []): ReviewRow {
  const log = result.log;
  const scenario = result.ok ? result.scenario.scenario : (result.scenario?.scenario ?? null);
  const row: ReviewRow = {
    ...EMPTY,
    // An edited file still carries the head of the log it was edited from, but it is not that log.
    key: result.status === 'edited' ? textKey : (log?.head ?? textKey),
    file,
    status: result.status,
    problems: result.ok ? [] : [...result.problems],
    notes: result.ok ? [...result.notes] : [],
  };
  if (log === undefined) return row;
  const naming = scenario ?? named.find((s) => s.id === log.scenario.id) ?? null;
  // A text only named by: its post and world, not the pace of decisions it did not replay.
  Object.assign(row, fileFacts(log, naming), scenario === null ? { fastDecisions: null } : {});
  row.format = result.ok ? result.formatRead : (result.formatRead ?? log.formatVersion);
  const replayed = result.replay;
  if (scenario !== null && replayed !== undefined && result.verdict !== undefined && result.finished !== undefined) {
    Object.assign(row, playFacts(scenario, replayed.state, result.verdict.score, result.finished));
  }
  return row;
}

/** The same rows, each later row whose key an earlier row has marked `duplicate: true`. Pure. */
export function markDuplicates(rows: readonly ReviewRow[]): ReviewRow[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const duplicate = seen.has(row.key);
    seen.add(row.key);
    return duplicate === row.duplicate ? row : { ...row, duplicate };
  });
}

/** What was taken at a decision, in the words of the choice, or the chance outcome drawn. */
function takenText(scenario: Scenario, nodeId: string, choice: number, roll: number | undefined): string {
  const node = lookup(scenario.nodes, nodeId);
  if (!node) return `choice ${choice + 1}`;
  if (node.chance) {
    const reason = roll === undefined ? undefined : node.chance[roll]?.reason;
    return reason ? `Continue (chance: ${reason})` : 'Continue (chance decided what came next)';
  }
  return node.choices?.[choice]?.label ?? `choice ${choice + 1}`;
}

/** A game time read from an entry's `clock`, for an entry past the point where replay stopped. */
function entryTime(scenario: Scenario, clock: string): ReviewTime {
  const t = parseTime(clock);
  return t === null ? { utc: clock, local: '', washington: '' } : reviewTime(scenario, t);
}

/**
 * Every decision of attempt `attempt`'s full path (the decisions it inherits, then its own): the
 * game clock, the wall time and think time, the options offered there in the order shown (the
 * replayed state's `availableChoices`), the one taken and the reason written. `chosen.index` and
 * `offered[].index` are choice indices in the node (as the log records them); at a chance node the
 * one option is "Continue" and the label of the taken one names the outcome drawn. Past a point
 * where the log does not replay (an edited file), `offered` is empty and labels come from the
 * scenario. Empty for an attempt the log does not have. Pure.
 */
export function reviewDecisions(scenario: Scenario, log: DecisionLog | SealedLog, attempt: number): ReviewDecision[] {
  const path = attemptPath(log, attempt);
  if (!path.ok) return [];
  let state: SessionState | null = lookup(scenario.variants, log.variant) === undefined
    ? null
    : initialState(scenario, { seed: log.seed, variant: log.variant });
  return path.path.map(({ attempt: recordedIn, index, entry }, k): ReviewDecision => {
    const before = state !== null && state.node === entry.node && isoUtc(state.clock) === entry.clock ? state : null;
    const offered = before === null ? [] : availableChoices(scenario, before).map((c) => ({ index: c.index, label: c.label }));
    const next = before === null ? null : step(scenario, before, { type: 'choice.made', choice: entry.choice });
    const after = next?.ok ? next.state : null;
    state = after;
    const roll = after?.trail.at(-1)?.roll;
    return {
      attempt,
      step: k + 1,
      recorded: { attempt: recordedIn, index },
      node: entry.node,
      phase: lookup(scenario.nodes, entry.node)?.phase ?? '',
      clock: before === null ? entryTime(scenario, entry.clock) : reviewTime(scenario, before.clock),
      at: entry.at,
      thinkMs: entry.thinkMs,
      offered,
      chosen: { index: entry.choice, label: takenText(scenario, entry.node, entry.choice, roll) },
      reason: entry.reason ?? null,
    };
  });
}

/**
 * The modes a log was played in (format 2): a log whose attempts or reasons break its own modes was
 * not made by the game as the teacher's link set it, and is refused. Pure.
 */
import { compiledNode } from '../engine/compiled.ts';
import type { Scenario } from '../scenario/schema.ts';
import { decisionWhere } from './replay.ts';
import type { LogEntry, LogHeader, RewindMode } from './format.ts';

/** What each rewind mode lets a student do, in a teacher's words. */
export const REWIND_MODE_TEXT: Readonly<Record<RewindMode, string>> = {
  free: 'rewinding on: the student may go back to any earlier decision and choose again',
  look: 'look back only: the student may look at earlier decisions but not change them',
  off: 'rewinding off',
};

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** What `modeProblems` reads of a log. */
export interface ModedLog extends Pick<LogHeader, 'rewind' | 'reasons'> {
  attempts: readonly { entries: readonly LogEntry[] }[];
}

/**
 * Why a log breaks its own modes, or nothing: more than one attempt when rewinding was not free;
 * a reason where the scenario asks none; a required reason left out. Entries are named from one,
 * as the review page names them ("Attempt 1, decision 3").
 */
export function modeProblems(scenario: Scenario, log: ModedLog): string[] {
  const problems: string[] = [];
  if (log.rewind !== 'free' && log.attempts.length > 1) {
    problems.push(
      `This log was played with ${REWIND_MODE_TEXT[log.rewind]} (rewind=${log.rewind} in the teacher's link), ` +
        `but it holds ${log.attempts.length} attempts; a game played that way has one.`,
    );
  }
  for (let a = 0; a < log.attempts.length; a++) {
    const { entries } = log.attempts[a] as ModedLog['attempts'][number];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as LogEntry;
      // The compiled node, found by a Map: this runs for every entry of every log verified.
      const asks = compiledNode(scenario, entry.node)?.node.why !== undefined;
      if (entry.reason !== undefined && !asks) {
        problems.push(`${capital(decisionWhere(a, i))}: a reason is written at "${entry.node}", where the game asks for none.`);
      } else if (entry.reason === undefined && asks && log.reasons === 'required') {
        problems.push(`${capital(decisionWhere(a, i))}: the reason the teacher's link required (reasons=required) is missing at "${entry.node}".`);
      }
      if (problems.length >= 20) return problems;
    }
  }
  return problems;
}

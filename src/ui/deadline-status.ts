/**
 * What the clock bar says about the deadline, from the student's own report: time left before
 * it is sent; once it is sent, whether it beat the deadline (and whether ROUTINE precedence left
 * it queued behind crisis traffic); once the deadline is past without a report, that it was
 * missed. The words carry the meaning; the tone only picks a colour. Pure.
 */
import { formatSpan, type Precedence } from '../core/play.ts';

/** The colour family the bar uses; never the only signal, the text says the same. */
export type DeadlineTone = 'open' | 'urgent' | 'met' | 'queued' | 'late';

export interface DeadlineStatus {
  tone: DeadlineTone;
  text: string;
}

export interface DeadlineFacts {
  /** Game time now (UTC minutes). */
  clock: number;
  /** The deadline (UTC minutes). */
  deadline: number;
  /** When the report was sent (UTC minutes), if it was. */
  sentAt: number | undefined;
  /** The report's precedence as sent; null when none was chosen. */
  precedence: Precedence | null;
  /** Writes a game time as a local time of day ("16:10", "4:10 p.m."). */
  timeOfDay(t: number): string;
}

/** Minutes left at or under which the countdown turns urgent. */
export const URGENT_MINUTES = 180;

export function deadlineStatus(f: DeadlineFacts): DeadlineStatus {
  if (f.sentAt === undefined) {
    const left = f.deadline - f.clock;
    if (left > 0) return { tone: left <= URGENT_MINUTES ? 'urgent' : 'open', text: `${formatSpan(left)} left` };
    return { tone: 'late', text: `Deadline passed ${formatSpan(left)} ago: your report has not been sent` };
  }
  const at = f.timeOfDay(f.sentAt);
  if (f.sentAt > f.deadline) {
    return { tone: 'late', text: `Your report went out late, at ${at}, ${formatSpan(f.sentAt - f.deadline)} after the deadline` };
  }
  if (f.precedence === 'ROUTINE') {
    return { tone: 'queued', text: `Your report went out at ${at} as ROUTINE: it waits behind the crisis traffic` };
  }
  return { tone: 'met', text: `Your report went out at ${at}, before the deadline` };
}

/**
 * The debrief's sentences built from core results: a telegram part's verdict in words, the odds of
 * the minister's reaction, the pace of the decisions, and the decisions of the attempt on screen.
 * Pure (no DOM), so they are unit-tested (tests/ui/debrief-words.test.ts).
 */
import { FAST_THINK_MS, type DecisionLog, type JudgedPartId, type LogEntry, type Pace, type PartVerdict, type ReactionDraw } from '../core/play.ts';

/** A judged part's verdict, as the line-by-line list says it. */
export const PART_VERDICT_WORDS: Readonly<Record<PartVerdict, string>> = {
  faithful: 'True to what happened',
  rosier: 'Rosier than what he said',
  darker: 'Darker than what he said',
  unfounded: 'Says more than he said',
  omitted: 'Left out',
  late: 'Too late',
};

/**
 * The verdict in words for its part: the remarks are about the ambassador's own conduct, not the
 * minister's words, and a precedence or a time is not "true" but in time.
 */
export function partVerdictWords(part: JudgedPartId, verdict: PartVerdict): string {
  if (part === 'remarks' && verdict === 'rosier') return 'Hides a slip';
  if (part === 'remarks' && verdict === 'darker') return 'Owns up to a slip you did not make';
  if ((part === 'precedence' || part === 'time') && verdict === 'faithful') return 'In time';
  return PART_VERDICT_WORDS[verdict];
}

/** A share of 0..1 as a whole percentage: "30%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A share of 0..1 as "3 times in 10" (rounded to the nearest tenth; "less than 1 time in 10" below it). */
export function timesInTen(share: number): string {
  const n = Math.round(share * 10);
  if (n === 0) return 'less than 1 time in 10';
  if (n === 10 && share < 1) return 'almost always';
  return n === 10 ? 'every time' : `${n} ${n === 1 ? 'time' : 'times'} in 10`;
}

/** The whole numbers of times in N that say a draw's odds exactly, smallest N first (else 10, rounded). */
const EXACT_IN = [2, 3, 4, 5, 10, 20] as const;

/**
 * The odds of one draw in words that add up, as a student would check them: "1 time in 4" and
 * "3 times in 4" for 25% and 75% (each rounded to tenths alone gave "3 times in 10" and "8 times in
 * 10"). Shares that no small N says exactly are said in tenths, rounded so that they still add up to
 * ten (the largest remainders rounded up); one that rounds to none is "less than 1 time in 10".
 */
export function oddsInWords(shares: readonly number[]): string[] {
  const total = shares.reduce((a, b) => a + b, 0);
  const exact = EXACT_IN.find((n) => shares.every((s) => Math.abs(s * n - Math.round(s * n)) < 1e-9));
  const n = exact ?? 10;
  const counts = shares.map((s) => Math.floor(s * n + 1e-9));
  const left = Math.round(total * n) - counts.reduce((a, b) => a + b, 0);
  const byRemainder = shares.map((s, i) => ({ i, rest: s * n - (counts[i] ?? 0) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder.slice(0, Math.max(0, left))) counts[i] = (counts[i] ?? 0) + 1;
  return counts.map((c) => (c === 0 ? `less than 1 time in ${n}` : `${c} ${c === 1 ? 'time' : 'times'} in ${n}`));
}

/** A name's possessive: "Mexico's", and "United Nations'" for a name that ends in s. */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** "a", "a and b", "a, b and c" */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** "The minister's words" as it reads inside a sentence: "the minister's words". */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "you stressed unity" as it opens a list item: "You stressed unity". */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What chance did in one draw, in plain words. */
export function chanceSentence(draw: ReactionDraw, drawnLabel: string): string {
  const odds = draw.odds.filter((o) => o.share > 0);
  if (odds.length <= 1) {
    return `Chance had no say here: with what you had done, his answer could only be "${drawnLabel}".`;
  }
  const times = oddsInWords(odds.map((o) => o.share));
  const parts = odds.map((o, i) => `"${o.label}" ${times[i] ?? ''}`);
  return `Chance played its part: with what you had done, his answer would be ${listText(parts)}. This time it came out "${drawnLabel}".`;
}

/** Milliseconds as "0.8 seconds", "7 seconds", "2 minutes 5 seconds". */
export function durationText(ms: number): string {
  const s = ms / 1000;
  if (s < 10) {
    const rounded = Math.round(s * 10) / 10;
    return `${rounded} ${rounded === 1 ? 'second' : 'seconds'}`;
  }
  const whole = Math.round(s);
  if (whole < 60) return `${whole} seconds`;
  const m = Math.floor(whole / 60);
  const rest = whole % 60;
  return `${m} ${m === 1 ? 'minute' : 'minutes'}${rest > 0 ? ` ${rest} ${rest === 1 ? 'second' : 'seconds'}` : ''}`;
}

/** How fast the student decided: the median always, the very fast choices only when there were any. */
export function paceSentences(pace: Pace): string[] {
  if (pace.decisions === 0) return ['You took no decisions in this game.'];
  const out = [`You took ${pace.decisions} ${pace.decisions === 1 ? 'decision' : 'decisions'}; half of them took you ${durationText(pace.medianMs)} or less.`];
  if (pace.fast > 0) {
    const which = pace.fast === 1 ? 'One of them was' : `${pace.fast} of them were`;
    out.push(`${which} taken in under ${durationText(FAST_THINK_MS)}: faster than anyone can read the choices.`);
  }
  return out;
}

/**
 * The entries of the log's current (last) attempt's full path: the inherited prefix of the attempt
 * it branches from, then its own. Walks the origins with a loop; an origin that is not an earlier
 * attempt ends the walk (the store only writes valid logs; replay reports a bad one). Pure.
 */
export function currentPathEntries(log: Pick<DecisionLog, 'attempts'>): LogEntry[] {
  const segments: LogEntry[][] = [];
  let index = log.attempts.length - 1;
  let count = log.attempts[index]?.entries.length ?? 0;
  while (index >= 0) {
    const attempt = log.attempts[index];
    if (!attempt) break;
    segments.push(attempt.entries.slice(0, count));
    const from = attempt.from;
    if (from === null || !Number.isInteger(from.attempt) || from.attempt < 0 || from.attempt >= index) break;
    index = from.attempt;
    count = from.seq;
  }
  return segments.reverse().flat();
}

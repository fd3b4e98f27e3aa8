/**
 * How fast the student decided. The log keeps each decision's think time; a choice taken in less time
 * than it takes to read the choices is recorded as very fast, and the debrief and the review page show
 * it. Chance steps ("Continue") are not decisions and are not counted. Pure.
 */
import { lookup } from '../engine/lookup.ts';
import type { Scenario } from '../scenario/schema.ts';

/** Faster than this is faster than anyone reads a set of choices. */
export const FAST_THINK_MS = 2000;

export interface Pace {
  decisions: number;
  fast: number;
  /** Median think time over the decisions, in milliseconds. */
  medianMs: number;
}

/** The pace of the decisions among `entries` (the path of one attempt). Pure. */
export function paceOf(scenario: Scenario, entries: readonly { node: string; thinkMs: number }[]): Pace {
  const times = entries.filter((e) => lookup(scenario.nodes, e.node)?.choices !== undefined).map((e) => e.thinkMs);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    decisions: times.length,
    fast: times.filter((t) => t < FAST_THINK_MS).length,
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
  };
}

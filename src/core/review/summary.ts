/**
 * What a class did together, for the review's class view: students per branch of the map and per
 * ending, the table of actual against reported reactions, and sentences a teacher can say out
 * loud. Counted over the last attempt of each student whose log replayed; a duplicate is left out.
 * Pure and deterministic: the same items give the same summary, whatever the order of equal rows.
 */
import { lookup } from '../engine/lookup.ts';
import type { SessionState } from '../engine/state.ts';
import { scenarioGraph, stepKey } from '../replay/map.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ClassSummary, ReviewRow } from './types.ts';

/**
 * The key `ClassSummary.reactions` uses for "none": an actual reaction never given (the minister
 * was not seen) or a report that gave none (or was never sent). Not a valid response id.
 */
export const NO_REACTION = '(none)';

export interface ClassItem {
  row: ReviewRow;
  scenario: Scenario;
  /** The state at the end of the row's last attempt (the verification's replay). */
  state: SessionState;
}

const of = (n: number, total: number): string => `${n} of ${total}`;

function responseLabel(scenario: Scenario, id: string): string {
  return lookup(scenario.responses, id)?.label ?? id;
}

/** "a", "a and b", "a, b and c". */
function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** Increments `record[key]`, keeping the record free of inherited keys. */
function bump(record: Record<string, number>, key: string): void {
  record[key] = (Object.hasOwn(record, key) ? (record[key] ?? 0) : 0) + 1;
}

/** The reported-reaction sentences: one per reaction reported, with what the ministers had really said. */
function reactionSentences(scenario: Scenario, items: readonly ClassItem[], total: number): string[] {
  const out: string[] = [];
  for (const id of Object.keys(scenario.responses)) {
    const reporting = items.filter((i) => i.row.reported === id);
    if (reporting.length === 0) continue;
    const label = responseLabel(scenario, id);
    const wrong = new Map<string, number>();
    for (const i of reporting) {
      if (i.row.actual === id) continue;
      const actual = i.row.actual ?? NO_REACTION;
      wrong.set(actual, (wrong.get(actual) ?? 0) + 1);
    }
    const head = `${of(reporting.length, total)} reported "${label}"`;
    if (wrong.size === 0) {
      out.push(`${head}; ${reporting.length === 1 ? 'that was' : 'each was'} what the minister had said.`);
      continue;
    }
    // In the scenario's order of responses, the minister never seen last.
    const order = [...Object.keys(scenario.responses), NO_REACTION];
    const parts = order.flatMap((a) => {
      const n = wrong.get(a);
      if (n === undefined) return [];
      return [a === NO_REACTION ? `${n} had given no reaction at all` : `${n} had in fact said "${responseLabel(scenario, a)}"`];
    });
    parts[0] = parts[0]?.replace(/^(\d+) /, '$1 of those ministers ') ?? '';
    out.push(`${head}; ${listText(parts)}.`);
  }
  const none = items.filter((i) => i.row.reported === null).length;
  if (none > 0) out.push(`${of(none, total)} gave Washington no reaction: no report, or a report without one.`);
  return out;
}

/** The conduct sentences: pitfalls taken (with how many took each) and slips hidden. */
function conductSentences(scenario: Scenario, items: readonly ClassItem[], total: number): string[] {
  const out: string[] = [];
  const slipped = items.filter((i) => (i.row.leaks?.length ?? 0) > 0);
  if (slipped.length === 0) {
    out.push('Nobody passed on anything secret or promised what Washington had not decided.');
  } else {
    const byPitfall = Object.keys(scenario.pitfalls).flatMap((id) => {
      const n = slipped.filter((i) => i.row.leaks?.some((l) => l.id === id)).length;
      return n === 0 ? [] : [`${lookup(scenario.pitfalls, id)?.label ?? id} (${n})`];
    });
    out.push(`${of(slipped.length, total)} passed on something secret or promised what Washington had not decided: ${byPitfall.join(', ')}.`);
  }
  const hid = items.filter((i) => i.row.concealed === true).length;
  if (hid > 0) out.push(`${of(hid, total)} hid a slip from Washington.`);
  return out;
}

/** The counts with their keys in the branch map's order (nodes by phase, then choices), whatever the items' order. */
function inGraphOrder(scenario: Scenario, edges: Record<string, number>, endings: Record<string, number>): ClassSummary['counts'] {
  const graph = scenarioGraph(scenario);
  const pick = (keys: readonly string[], from: Record<string, number>): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const key of keys) if (Object.hasOwn(from, key)) out[key] = from[key] ?? 0;
    return out;
  };
  return { edges: pick(graph.edges.map((e) => e.key), edges), endings: pick(graph.nodes.map((n) => n.id), endings) };
}

/**
 * What the class did: the rows counted (those replayed: verified, or scenario-changed with a
 * replay; duplicates left out), how many students took each edge of the branch map and reached
 * each ending (each student counted once per edge, over their last attempt's trail), how many had
 * each actual reaction against each reported one (every response of the scenario and
 * `NO_REACTION`, zeros included, in the scenario's order), and the sentences. The counts are for
 * the first item's scenario; items of another scenario are left out. Pure.
 */
export function classSummary(all: readonly ClassItem[]): ClassSummary {
  const first = all.find((i) => !i.row.duplicate);
  const items = all.filter(
    (i) => !i.row.duplicate && (i.row.status === 'verified' || i.row.status === 'scenario-changed') && i.scenario.id === first?.scenario.id,
  );
  const total = items.length;
  const edges: Record<string, number> = {};
  const endings: Record<string, number> = {};
  const reactions: Record<string, Record<string, number>> = {};
  if (first === undefined || total === 0) {
    return { counted: 0, counts: { edges, endings }, reactions, sentences: ['No log has been replayed yet: there is nothing to count.'] };
  }
  const scenario = first.scenario;
  const keys = [...Object.keys(scenario.responses), NO_REACTION];
  for (const actual of keys) {
    const row: Record<string, number> = {};
    for (const reported of keys) row[reported] = 0;
    reactions[actual] = row;
  }
  for (const { row, state } of items) {
    for (const key of new Set(state.trail.map(stepKey))) bump(edges, key);
    if (lookup(scenario.nodes, state.node)?.ending !== undefined) bump(endings, state.node);
    const actual = row.actual !== null && Object.hasOwn(scenario.responses, row.actual) ? row.actual : NO_REACTION;
    const reported = row.reported !== null && Object.hasOwn(scenario.responses, row.reported) ? row.reported : NO_REACTION;
    const line = reactions[actual];
    if (line) bump(line, reported);
  }

  const finished = items.filter((i) => i.row.finished === true).length;
  const met = items.filter((i) => i.row.metInTime === true).length;
  const inTime = items.filter((i) => i.row.reportedInTime === true).length;
  const sentences = [
    `${of(finished, total)} played to an ending.`,
    `${of(met, total)} saw the minister before the President's press conference; ${of(inTime, total)} had their report in Washington before it.`,
    ...reactionSentences(scenario, items, total),
    ...conductSentences(scenario, items, total),
  ];
  const fast = items.filter((i) => (i.row.fastDecisions ?? 0) > 0).length;
  if (fast > 0) sentences.push(`${of(fast, total)} took at least one decision in under two seconds, faster than anyone reads the choices.`);
  return { counted: total, counts: inGraphOrder(scenario, edges, endings), reactions, sentences };
}

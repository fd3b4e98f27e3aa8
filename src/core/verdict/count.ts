/**
 * What Washington believes: Edwin Martin's count of the hemisphere's replies, with the post's line
 * taken from the telegram as received (never from what the minister actually said), and, in a world
 * where the Organ of Consultation meets, its vote counted on the reports and then as cast on the
 * real positions. Pure.
 */
import { lookup } from '../engine/lookup.ts';
import type { SessionState } from '../engine/state.ts';
import type { Hemisphere, Scenario, Vote } from '../scenario/schema.ts';
import { VOTES } from '../scenario/vocabulary.ts';

export interface CountRow {
  country: string;
  line: string;
  /** null when Washington has no word from this republic. */
  vote: Vote | null;
  /** The research behind the line; null for the post's own row (its line is the student's telegram). */
  source: string | null;
  /** The student's own post. */
  post: boolean;
}

export type Tally = Record<Vote | 'unknown', number>;

export interface WashingtonCount {
  note: string;
  rows: CountRow[];
  tally: Tally;
  /** Whether the post's telegram is on Martin's desk. */
  heard: boolean;
}

export interface OrganVote {
  /** The vote as Washington counted it from the reports. */
  counted: Tally;
  /** The vote as cast: the other republics as counted, the post as its minister actually stood. */
  cast: Tally;
  postCounted: Vote | null;
  postCast: Vote | null;
  /** Whether the post is one of the republics voting (a mission to the UN is not). */
  votes: boolean;
}

function tallyOf(votes: readonly (Vote | null)[]): Tally {
  const t: Tally = { for: 0, abstain: 0, against: 0, unknown: 0 };
  for (const v of votes) t[v ?? 'unknown'] += 1;
  return t;
}

/**
 * Whether Washington has the telegram: it was sent and did not go ROUTINE (a later repeat at a higher
 * precedence counts: the latest precedence is read, not the frozen one).
 */
export function washingtonHeard(state: SessionState): boolean {
  return state.sent !== null && state.precedence !== null && state.precedence !== 'ROUTINE';
}

/**
 * The table the count starts from: a kept text's own, else the shared one (scenarios/shared/washington.yaml).
 * The post's own country is taken out: its row is the student's telegram.
 */
function othersOf(scenario: Scenario, shared: Hemisphere | undefined): { note: string; republics: Hemisphere['republics']; ownRow: boolean } {
  const table = scenario.hemisphere ?? shared;
  const all = table?.republics ?? [];
  const republics = all.filter((r) => r.country !== scenario.post.country);
  // A post that is not one of the republics (a mission to the UN, a state outside the OAS) has no row of its own.
  // Without any table, the post's row is the whole count.
  const ownRow = table === undefined || scenario.hemisphere !== undefined || republics.length < all.length;
  return { note: table?.note ?? '', republics, ownRow };
}

/** Martin's count as it stands in this state: `shared` is Washington's table (LoadedScenario.hemisphere). Pure. */
export function washingtonCount(scenario: Scenario, state: SessionState, shared?: Hemisphere): WashingtonCount {
  const { note, republics: others, ownRow } = othersOf(scenario, shared);
  const rows: CountRow[] = others.map((r) => ({ country: r.country, line: r.line, vote: r.vote, source: r.source, post: false }));
  const heard = washingtonHeard(state);
  const response = state.reported === null ? undefined : lookup(scenario.responses, state.reported);
  const city = scenario.post.city;
  let line: string;
  let vote: Vote | null = null;
  if (!heard) {
    line = state.sent === null ? `No word yet from ${city}.` : `Nothing on the desk yet: ${city}'s telegram is in the ROUTINE queue.`;
  } else if (!response) {
    line = `${city} reports the démarche made, but gives no reaction.`;
  } else {
    line = response.count ?? response.telegram;
    vote = response.vote ?? null;
  }
  if (ownRow) rows.push({ country: scenario.post.country, line, vote, source: null, post: true });
  rows.sort((a, b) => a.country.localeCompare(b.country));
  return { note, rows, tally: tallyOf(rows.map((r) => r.vote)), heard };
}

/** The Organ's vote on armed measures: counted on the reports, then cast on the real positions. Pure. */
export function organVote(scenario: Scenario, state: SessionState, shared?: Hemisphere): OrganVote {
  const { republics, ownRow } = othersOf(scenario, shared);
  const others = republics.map((r) => r.vote);
  const count = washingtonCount(scenario, state, shared);
  if (!ownRow) return { counted: tallyOf(others), cast: tallyOf(others), postCounted: null, postCast: null, votes: false };
  const postCounted = count.rows.find((r) => r.post)?.vote ?? null;
  const postCast = state.actual === null ? null : (lookup(scenario.responses, state.actual)?.vote ?? null);
  return { counted: tallyOf([...others, postCounted]), cast: tallyOf([...others, postCast ?? 'abstain']), postCounted, postCast, votes: true };
}

/** "17 for, 3 abstaining, 0 against, 1 not known", in VOTES order. */
export function tallyText(t: Tally): string {
  const words: Record<Vote, string> = { for: 'for', abstain: 'abstaining', against: 'against' };
  const parts = VOTES.map((v) => `${t[v]} ${words[v]}`);
  if (t.unknown > 0) parts.push(`${t.unknown} not known`);
  return parts.join(', ');
}

/**
 * Decision-log properties (design.md §4, §9) on the mini fixture and on every scenario under
 * scenarios/: a sealed log of any session, with rewinds, verifies and replays to the live state;
 * any single edited field, a truncation, a newer format version or another scenario text is refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoUtc } from '../../../src/core/engine/clock.ts';
import { initialState, type SessionState } from '../../../src/core/engine/state.ts';
import { availableChoices, isEnded, step } from '../../../src/core/engine/step.ts';
import { hashJson } from '../../../src/core/hash.ts';
import { appendEntry, createLog, currentAttempt, originAt, startAttempt } from '../../../src/core/log/create.ts';
import type { DecisionLog, SealedLog } from '../../../src/core/log/format.ts';
import { sealLog } from '../../../src/core/log/seal.ts';
import { verifyLog, type ScenarioRef } from '../../../src/core/log/verify.ts';
import type { Scenario } from '../../../src/core/scenario/schema.ts';
import { miniScenario } from '../../fixtures/mini-scenario.ts';
import { realScenarios } from '../../fixtures/real-scenarios.ts';

const RUNS = 90;

type Case = { name: string; ref: ScenarioRef } | { name: string; problem: string };

async function realCases(): Promise<Case[]> {
  return (await realScenarios()).map((c) => ('problem' in c ? c : { name: c.name, ref: c.loaded }));
}

const cases: Case[] = [
  { name: 'mini fixture', ref: { scenario: miniScenario, hash: await hashJson(miniScenario) } },
  ...(await realCases()),
];

interface Op {
  /** A rewind to decision `pick` modulo the path length + 1; otherwise a random open choice. */
  rewind: boolean;
  pick: number;
}

interface SessionInput {
  seed: number;
  variant: string;
  ops: Op[];
}

function sessionArb(scenario: Scenario): fc.Arbitrary<SessionInput> {
  return fc.record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    variant: fc.constantFrom(...Object.keys(scenario.variants)),
    ops: fc.array(fc.record({ rewind: fc.nat({ max: 7 }).map((n) => n === 0), pick: fc.nat({ max: 1000 }) }), { minLength: 1, maxLength: 40 }),
  });
}

const wall = (i: number): string => new Date(Date.UTC(2025, 2, 14, 9, 30) + i * 7000).toISOString();

/** Plays a session as the store would: the log it writes and the live state it shows. */
function playSession(ref: ScenarioRef, input: SessionInput): { log: DecisionLog; state: SessionState } {
  const { scenario } = ref;
  let log = createLog({
    scenario: { id: scenario.id, version: scenario.version, hash: ref.hash },
    seed: input.seed,
    variant: input.variant,
    student: { label: 'Student 7', classCode: '9B' },
    createdAt: wall(0),
  });
  let path = [initialState(scenario, { seed: input.seed, variant: input.variant })];
  input.ops.forEach((op, i) => {
    const state = path.at(-1);
    if (!state) throw new Error('empty path');
    if (op.rewind) {
      const keep = op.pick % path.length;
      log = startAttempt(log, originAt(log, currentAttempt(log).index, keep), wall(i + 1));
      path = path.slice(0, keep + 1);
      return;
    }
    if (isEnded(scenario, state)) return;
    const open = availableChoices(scenario, state);
    const choice = open[op.pick % open.length]?.index ?? 0;
    const r = step(scenario, state, { type: 'choice.made', choice });
    if (!r.ok) throw new Error(r.error);
    log = appendEntry(log, { node: state.node, choice, clock: isoUtc(state.clock), at: wall(i + 1), thinkMs: op.pick * 13 });
    path.push(r.state);
  });
  const state = path.at(-1);
  if (!state) throw new Error('empty path');
  return { log, state };
}

/** The sealed log as it comes back from a file. */
async function sealedFile(ref: ScenarioRef, input: SessionInput): Promise<SealedLog> {
  return JSON.parse(JSON.stringify(await sealLog(playSession(ref, input).log))) as SealedLog;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Leaf = { path: (string | number)[]; value: string | number | boolean };

function leaves(value: Json, path: (string | number)[] = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return value === null ? [] : [{ path, value }];
}

function setAt(root: Json, path: readonly (string | number)[], value: Json): void {
  let node: Json = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key] as Json;
  (node as Record<string | number, Json>)[path.at(-1) as string | number] = value;
}

/** Another character of the same kind, so a tweaked hash stays hex and a tweaked date stays digits. */
function tweakChar(c: string): string | null {
  const cycles = ['0123456789', 'abcdef', 'ghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  for (const cycle of cycles) {
    const i = cycle.indexOf(c);
    if (i >= 0) return cycle[(i + 1) % cycle.length] ?? null;
  }
  return null;
}

interface Edit {
  leaf: number;
  /** A small plausible change (one character, ±1) or a random value of the same type. */
  tweak: boolean;
  position: number;
  text: string;
  number: number;
}

function edited(value: string | number | boolean, e: Edit): string | number | boolean {
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') {
    if (e.tweak) return value + (e.position % 2 === 0 ? 1 : -1);
    return e.number === value ? value + 1 : e.number;
  }
  if (!e.tweak) return e.text === value ? `${value}x` : e.text;
  const positions = [...value].flatMap((c, i) => (tweakChar(c) === null ? [] : [i]));
  const at = positions[e.position % Math.max(positions.length, 1)];
  if (at === undefined) return `${value}x`;
  return value.slice(0, at) + (tweakChar(value[at] ?? '') ?? '') + value.slice(at + 1);
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  leaf: fc.nat(),
  tweak: fc.boolean(),
  position: fc.nat(),
  text: fc.string({ maxLength: 12 }),
  number: fc.integer(),
});

describe.each(cases)('decision log properties: $name', (c) => {
  if ('problem' in c) {
    it('loads', () => expect.fail(`${c.name} does not load:\n${c.problem}`));
    return;
  }
  const { ref } = c;
  const sessions = sessionArb(ref.scenario);

  it('verifies a sealed log of any session and replays it to the live state', async () => {
    await fc.assert(
      fc.asyncProperty(sessions, async (input) => {
        const { state } = playSession(ref, input);
        const r = await verifyLog(await sealedFile(ref, input), ref);
        if (!r.ok) expect.fail(r.problems.join('\n'));
        expect(r.replay.state).toEqual(state);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a sealed log with any single field edited', async () => {
    await fc.assert(
      fc.asyncProperty(sessions, editArb, async (input, edit) => {
        const file = (await sealedFile(ref, input)) as unknown as Json;
        const all = leaves(file);
        const leaf = all[edit.leaf % all.length];
        if (!leaf) throw new Error('a sealed log has leaves');
        setAt(file, leaf.path, edited(leaf.value, edit));
        const r = await verifyLog(file, ref);
        if (r.ok) expect.fail(`accepted an edit of ${leaf.path.join('.')} from ${JSON.stringify(leaf.value)}`);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('refuses a sealed log with its last entry cut off', async () => {
    await fc.assert(
      fc.asyncProperty(sessions, async (input) => {
        const file = await sealedFile(ref, input);
        const last = file.attempts.findLast((a) => a.entries.length > 0);
        fc.pre(last !== undefined);
        last?.entries.pop();
        const r = await verifyLog(file, ref);
        expect(r.ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a log of a newer format version, naming that version', async () => {
    await fc.assert(
      fc.asyncProperty(sessions, fc.integer({ min: 3, max: 10_000 }), async (input, version) => {
        const r = await verifyLog({ ...(await sealedFile(ref, input)), formatVersion: version }, ref);
        expect(r.ok).toBe(false);
        expect(!r.ok && r.problems[0]).toContain(`format version ${version},`);
      }),
      { numRuns: RUNS / 3 },
    );
  });

  it('does not verify a log made with a scenario text that is not kept, but replays it against the current one', async () => {
    await fc.assert(
      fc.asyncProperty(sessions, fc.stringMatching(/^[0-9a-f]{64}$/), async (input, hash) => {
        fc.pre(hash !== ref.hash);
        // Sealed with the other hash, so the chain is intact and only the scenario differs.
        const { log, state } = playSession(ref, input);
        const r = await verifyLog(await sealLog({ ...log, scenario: { ...log.scenario, hash } }), ref);
        expect(r.ok).toBe(false);
        expect(r.status).toBe('scenario-changed');
        expect(!r.ok && r.problems).toEqual([expect.stringMatching(/different text of scenario/), expect.stringMatching(/replayed against the current text/)]);
        expect(r.replay?.state).toEqual(state);
      }),
      { numRuns: RUNS / 3 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { isoUtc } from '../../../src/core/engine/clock.ts';
import { initialState, type SessionState } from '../../../src/core/engine/state.ts';
import { step } from '../../../src/core/engine/step.ts';
import { hashJson } from '../../../src/core/hash.ts';
import { appendEntry, createLog, currentAttempt, originAt, startAttempt } from '../../../src/core/log/create.ts';
import type { DecisionLog, SealedLog } from '../../../src/core/log/format.ts';
import type { Migration } from '../../../src/core/log/migrate.ts';
import { attemptPath, replayEvents, replayLog } from '../../../src/core/log/replay.ts';
import { headHash, sealLog, unsealLog } from '../../../src/core/log/seal.ts';
import { verifyLog, verifyLogText, type ScenarioRef } from '../../../src/core/log/verify.ts';
import { verdictOf } from '../../../src/core/verdict/summary.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../../fixtures/mini-scenario.ts';

const ref: ScenarioRef = { scenario: miniScenario, hash: await hashJson(miniScenario) };
const CREATED = '2025-03-14T09:30:00.000Z';

function emptyLog(seed = 1, variant = 'historical'): DecisionLog {
  return createLog({
    scenario: { id: miniScenario.id, version: miniScenario.version, hash: ref.hash },
    seed,
    variant,
    student: { label: 'Ana', classCode: '9B' },
    createdAt: CREATED,
  });
}

/** Plays `choices` on from the log's current attempt, as the store does; returns the log and the live state. */
function play(log: DecisionLog, state: SessionState, choices: readonly number[]): { log: DecisionLog; state: SessionState } {
  let s = state;
  let l = log;
  for (const choice of choices) {
    const r = step(miniScenario, s, { type: 'choice.made', choice });
    if (!r.ok) throw new Error(r.error);
    l = appendEntry(l, { node: s.node, choice, clock: isoUtc(s.clock), at: '2025-03-14T09:31:00.000Z', thinkMs: 1200 });
    s = r.state;
  }
  return { log: l, state: s };
}

function faithful(): { log: DecisionLog; state: SessionState } {
  return play(emptyLog(), initialState(miniScenario, { seed: 1, variant: 'historical' }), MINI_FAITHFUL_WALK);
}

/** A copy as it would come back from a file. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

async function sealedFaithful(): Promise<SealedLog> {
  return copy(await sealLog(faithful().log));
}

async function problemsOf(input: unknown, options = {}): Promise<string[]> {
  const r = await verifyLog(input, ref, options);
  return r.ok ? [] : r.problems;
}

describe('building a log', () => {
  it('starts with the header and one empty first attempt', () => {
    const log = emptyLog();
    expect(log).toMatchObject({ format: 'circular938-log', formatVersion: 2, seed: 1, variant: 'historical', rewind: 'free', reasons: 'optional' });
    expect(log.attempts).toEqual([{ from: null, startedAt: CREATED, entries: [] }]);
    expect(currentAttempt(log).index).toBe(0);
  });

  it('numbers entries within their attempt and never changes the log it is given', () => {
    const log = emptyLog();
    const frozen = JSON.stringify(log);
    const { log: played } = play(log, initialState(miniScenario, { seed: 1, variant: 'historical' }), [0, 0]);
    expect(JSON.stringify(log)).toBe(frozen);
    expect(played.attempts[0]?.entries.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('throws a RangeError for an entry with the wrong seq', () => {
    const entry = { seq: 5, node: 'cable-arrives', choice: 0, clock: '1962-11-19T22:30Z', at: CREATED, thinkMs: 0 };
    expect(() => appendEntry(emptyLog(), entry)).toThrow(RangeError);
  });

  it('starts a rewind attempt from a branch point and maps a decision number to it', () => {
    const { log } = faithful();
    const rewound = startAttempt(log, originAt(log, 0, 4), CREATED);
    expect(rewound.attempts[1]?.from).toEqual({ attempt: 0, seq: 4 });
    const again = play(rewound, initialState(miniScenario, { seed: 1, variant: 'historical' }), []).log;
    // Decision 2 of attempt 1's path lies in attempt 0; decision 5 would be attempt 1's own first.
    const withOwn = appendEntry(again, { node: 'meet-2', choice: 1, clock: '1962-11-20T03:30Z', at: CREATED, thinkMs: 1 });
    expect(originAt(withOwn, 1, 2)).toEqual({ attempt: 0, seq: 2 });
    expect(originAt(withOwn, 1, 5)).toEqual({ attempt: 1, seq: 1 });
    expect(originAt(withOwn, 1, 0)).toBeNull();
    expect(() => originAt(withOwn, 1, 6)).toThrow(RangeError);
    expect(() => startAttempt(log, { attempt: 0, seq: 99 }, CREATED)).toThrow(RangeError);
  });
});

describe('sealing a log', () => {
  it('chains every entry to the one before it, from a genesis hash of the header, across attempts', async () => {
    const { log } = faithful();
    const sealed = await sealLog(startAttempt(log, { attempt: 0, seq: 2 }, CREATED));
    const header = { format: sealed.format, formatVersion: sealed.formatVersion, scenario: sealed.scenario, seed: sealed.seed, variant: sealed.variant, student: sealed.student, createdAt: sealed.createdAt, rewind: sealed.rewind, reasons: sealed.reasons };
    const entries = sealed.attempts.flatMap((a) => a.entries);
    expect(entries[0]?.prev).toBe(await hashJson(header));
    entries.slice(1).forEach((e, i) => expect(e.prev).toBe(entries[i]?.hash));
    expect(sealed.head).not.toBe(entries.at(-1)?.hash); // the empty last attempt is a link of its own
    expect(await sealLog(log)).toMatchObject({ head: await headHash(entries.at(-1)!.hash, undefined) });
  });

  it('gives the same seal for the same log, and unseals to the log it came from', async () => {
    const { log } = faithful();
    expect(await sealLog(log)).toEqual(await sealLog(copy(log)));
    expect(unsealLog(await sealLog(log))).toEqual(log);
  });
});

describe('replaying a log', () => {
  it('replays the last attempt to the live state, with every intermediate state', () => {
    const { log, state } = faithful();
    const r = replayLog(miniScenario, log);
    expect(r.ok && r.state).toEqual(state);
    expect(r.ok && r.states).toHaveLength(MINI_FAITHFUL_WALK.length + 1);
  });

  it('replays a rewind attempt as its origin\'s first entries, then its own', () => {
    const { log } = faithful();
    const atFour = replayEvents(miniScenario, { seed: 1, variant: 'historical' }, MINI_FAITHFUL_WALK.slice(0, 4));
    if (!atFour.ok) throw new Error(atFour.error);
    const { log: branched, state } = play(startAttempt(log, { attempt: 0, seq: 4 }, CREATED), atFour.state, [1, 3, 0, 2, 0, 2]);
    expect(replayLog(miniScenario, branched)).toMatchObject({ ok: true, state });
    expect(replayLog(miniScenario, branched, { attempt: 0 })).toMatchObject({ ok: true, state: faithful().state });
    expect(attemptPath(branched, 1)).toMatchObject({ ok: true });
    expect(state.outcome).toBe('pressure');
  });

  it('names the entry whose recorded node differs from the replay', () => {
    const { log } = faithful();
    const entries = log.attempts[0]?.entries ?? [];
    const bad = { ...log, attempts: [{ from: null, startedAt: CREATED, entries: entries.map((e, i) => (i === 5 ? { ...e, node: 'meet-2' } : e)) }] };
    expect(replayLog(miniScenario, bad)).toEqual({ ok: false, error: 'attempt 1, decision 6: recorded node "meet-2" but replay is at "meet-3"' });
  });

  it('names the entry whose recorded clock differs from the replay', () => {
    const { log } = faithful();
    const entries = log.attempts[0]?.entries ?? [];
    const bad = { ...log, attempts: [{ from: null, startedAt: CREATED, entries: entries.map((e, i) => (i === 3 ? { ...e, clock: '1962-11-20T03:01Z' } : e)) }] };
    expect(replayLog(miniScenario, bad)).toEqual({
      ok: false,
      error: 'attempt 1, decision 4: recorded clock 1962-11-20T03:01Z but replay is at 1962-11-20T03:00Z',
    });
  });

  it('refuses an attempt that starts from itself or a later attempt', () => {
    const { log } = faithful();
    const looped = { ...log, attempts: [{ ...log.attempts[0]!, from: { attempt: 0, seq: 1 } }] };
    expect(replayLog(miniScenario, looped)).toEqual({ ok: false, error: 'attempt 1 starts from attempt 1, which is not an earlier attempt' });
  });

  it('refuses a log of an unknown variant or another scenario', () => {
    expect(replayLog(miniScenario, { ...emptyLog(), variant: 'nope' })).toEqual({ ok: false, error: 'scenario "mini" has no variant "nope"' });
    const other: DecisionLog = { ...emptyLog(), scenario: { id: 'other', version: 1, hash: 'x' } };
    expect(replayLog(miniScenario, other)).toEqual({ ok: false, error: 'the log is for scenario "other", not "mini"' });
  });

  it('replays bare choices and names the decision that is refused', () => {
    expect(replayEvents(miniScenario, { seed: 1, variant: 'historical' }, [0, 7])).toEqual({
      ok: false,
      error: 'decision 1: node "call-ministry" has no choice 7',
    });
  });
});

describe('verifying a log file', () => {
  it('accepts a sealed log and returns its replay', async () => {
    const r = await verifyLog(await sealedFaithful(), ref);
    expect(r.ok).toBe(true);
    expect(r.ok && r.replay.state).toEqual(faithful().state);
  });

  it('accepts a log with several attempts, including an empty last one', async () => {
    const { log } = faithful();
    const branched = startAttempt(startAttempt(log, { attempt: 0, seq: 3 }, CREATED), { attempt: 1, seq: 0 }, CREATED);
    const r = await verifyLog(copy(await sealLog(branched)), ref);
    expect(r.ok && r.replay.state.node).toBe('meet-1');
  });

  it('refuses what is not one of our logs', async () => {
    expect(await problemsOf([1, 2])).toEqual(['This file is not a Circular 938 decision log (it is not a JSON object).']);
    expect(await problemsOf({ format: 'circular938-scenario' })).toEqual([
      'This file is not a Circular 938 decision log (its format is "circular938-scenario", expected "circular938-log").',
    ]);
    const text = await verifyLogText('{"format": "circular938-log", "att', ref);
    expect(!text.ok && text.problems[0]).toMatch(/not valid JSON/);
  });

  it('refuses a log of a newer format version, saying which version and what to do', async () => {
    const problems = await problemsOf({ ...(await sealedFaithful()), formatVersion: 3 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/format version 3, made by a newer Circular 938/);
    expect(problems[0]).toMatch(/open it with the newer version/);
  });

  it('refuses an older format version it has no migration for, and migrates one it has', async () => {
    const old = { ...(await sealedFaithful()), formatVersion: 0 };
    expect((await problemsOf(old))[0]).toMatch(/format version 0, made by an older Circular 938/);
    const toV1: Migration = async (log) => ({ ok: true, log: { ...log, formatVersion: 1 } });
    const toV2: Migration = async (log) => ({ ok: true, log: { ...log, formatVersion: 2 } });
    const r = await verifyLog(old, ref, { migrations: new Map([[0, toV1], [1, toV2]]) });
    expect(r.ok).toBe(true);
  });

  it('lists every structural problem at once, each with its JSON path', async () => {
    const sealed = await sealedFaithful();
    const input = copy(sealed) as unknown as { attempts: { entries: Record<string, unknown>[] }[]; student: Record<string, unknown> };
    const entries = input.attempts[0]?.entries ?? [];
    entries[3]!['choice'] = 1.5;
    delete entries[4]!['clock'];
    entries[5]!['extra'] = true;
    input.student['label'] = 7;
    expect(await problemsOf(input)).toEqual([
      'student.label: expected text',
      'attempts[0].entries[3].choice: expected a whole number',
      'attempts[0].entries[4].clock: missing',
      'attempts[0].entries[5].extra: unexpected field',
    ]);
  });

  it('refuses a log of another scenario, and says a version or text that is not kept changed, naming both', async () => {
    const { log } = faithful();
    // Sealed with the changed header, as a copy of the game with that scenario would have sealed it.
    const sealedWith = async (scenario: DecisionLog['scenario']) => copy(await sealLog({ ...log, scenario }));
    const other = await verifyLog(await sealedWith({ ...log.scenario, id: 'brazil', version: 2 }), ref);
    expect(other.status).toBe('refused');
    expect(!other.ok && other.problems[0]).toMatch(/for scenario "brazil" \(version 2\), but the scenario open is "mini" \(version 1\)/);
    const version = await verifyLog(await sealedWith({ ...log.scenario, version: 3 }), ref);
    expect(version.status).toBe('scenario-changed');
    expect(!version.ok && version.problems[0]).toMatch(/version 3 of scenario "mini" \(text [0-9a-f]{12}…\), which this copy of Circular 938 does not keep; the scenario open is version 1/);
    const text = await verifyLog(await sealedWith({ ...log.scenario, hash: 'a'.repeat(64) }), ref);
    expect(text.status).toBe('scenario-changed');
    expect(!text.ok && text.problems[0]).toMatch(/different text of scenario "mini" version 1 \(log aaaaaaaaaaaa…, scenario [0-9a-f]{12}…\)/);
  });

  it('calls a log whose header was edited (scenario included) edited, not another scenario', async () => {
    const sealed = await sealedFaithful();
    const r = await verifyLog({ ...sealed, scenario: { ...sealed.scenario, id: 'brazil' } }, ref);
    expect(r.status).toBe('edited');
    expect(!r.ok && r.problems[0]).toMatch(/^The hash chain breaks at attempt 1, decision 1: it does not follow .* the header/);
  });

  it('refuses a log whose hash chain is broken, naming the first entry that fails', async () => {
    const sealed = await sealedFaithful();
    sealed.attempts[0]!.entries[3]!.thinkMs = 99;
    expect(await problemsOf(sealed)).toEqual(['The hash chain breaks at attempt 1, decision 4: this decision was changed after the log was sealed.']);
  });

  it('refuses a log whose header was edited after sealing', async () => {
    const sealed = await sealedFaithful();
    expect((await problemsOf({ ...sealed, student: { label: 'Someone else', classCode: '9B' } }))[0]).toMatch(
      /attempt 1, decision 1: it does not follow from what comes before it; the header/,
    );
  });

  it('refuses a truncated log', async () => {
    const sealed = await sealedFaithful();
    sealed.attempts[0]!.entries.pop();
    expect(await problemsOf(sealed)).toEqual([
      'The log does not end where it was sealed (its head hash does not match its last entry and its verdict): ' +
        'the file was truncated, or its end or its verdict was changed, added or removed.',
    ]);
  });

  it('refuses a log with an entry moved to another attempt', async () => {
    const { log } = faithful();
    const sealed = copy(await sealLog(startAttempt(log, { attempt: 0, seq: 8 }, CREATED)));
    const moved = sealed.attempts[0]!.entries.pop()!;
    sealed.attempts[1]!.entries.push(moved);
    expect((await problemsOf(sealed))[0]).toMatch(/^The hash chain breaks at attempt 2, decision 1/);
  });

  it('refuses a log that does not replay, even with an intact chain', async () => {
    const { log } = faithful();
    const entries = log.attempts[0]?.entries ?? [];
    const forged = { ...log, attempts: [{ from: null, startedAt: CREATED, entries: entries.map((e, i) => (i === 1 ? { ...e, choice: 9 } : e)) }] };
    expect(await problemsOf(copy(await sealLog(forged)))).toEqual([
      'The log does not replay: attempt 1, decision 2: node "call-ministry" has no choice 9.',
    ]);
  });
});

describe('the verdict written in a log file', () => {
  async function sealedWithVerdict(): Promise<SealedLog> {
    const { log, state } = faithful();
    return copy(await sealLog(log, verdictOf(miniScenario, state)));
  }

  it('accepts a sealed log whose verdict is the one its decisions lead to', async () => {
    const sealed = await sealedWithVerdict();
    expect(sealed.verdict).toMatchObject({ outcome: 'calm', title: 'The quarantine is lifted', score: { points: 15, max: 15 } });
    const r = await verifyLog(sealed, ref);
    expect(r.ok).toBe(true);
    expect(r.ok && r.log.verdict).toEqual(verdictOf(miniScenario, faithful().state));
  });

  it('seals the verdict with the head only, so that removing, adding or changing it is detected', async () => {
    const { log, state } = faithful();
    const plain = await sealLog(log);
    const withVerdict = await sealLog(log, verdictOf(miniScenario, state));
    expect(withVerdict.head).not.toBe(plain.head);
    expect(withVerdict.attempts).toEqual(plain.attempts);
    const without: Partial<SealedLog> = { ...withVerdict };
    delete without.verdict;
    expect(await problemsOf(without)).toEqual([expect.stringMatching(/its end or its verdict was changed, added or removed/)]);
    expect(await problemsOf({ ...plain, verdict: withVerdict.verdict })).toEqual([expect.stringMatching(/its end or its verdict was changed, added or removed/)]);
  });

  it('refuses a log whose verdict was edited, naming the verdict in the file and the one its decisions lead to', async () => {
    const sealed = await sealedWithVerdict();
    // Sealed again with the false verdict, as someone who knows the rules could: the chain holds, the replay does not agree.
    const edited = await sealLog(unsealLog(sealed), { ...sealed.verdict!, title: 'The Organ of Consultation meets', score: { points: 3, max: 15 } });
    expect(await problemsOf(edited)).toEqual([
      'The verdict written in the file (The Organ of Consultation meets, 3/15) is not what its decisions lead to ' +
        '(The quarantine is lifted, 15/15): the file was changed after it was downloaded.',
    ]);
  });

  it('refuses a log whose verdict was edited only in a claim', async () => {
    const sealed = await sealedWithVerdict();
    const claims = sealed.verdict!.claims.map((c, i) => (i === 0 ? { ...c, holds: !c.holds } : c));
    const problems = await problemsOf(await sealLog(unsealLog(sealed), { ...sealed.verdict!, claims }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^The verdict written in the file \(The quarantine is lifted, 15\/15\) is not what its decisions lead to \(The quarantine is lifted, 15\/15\)/);
  });

  it('refuses a verdict that is not shaped like one, with its path', async () => {
    const sealed = await sealedWithVerdict();
    expect(await problemsOf({ ...sealed, verdict: { ...sealed.verdict!, score: { points: 'all' } } })).toEqual([
      'verdict.score.points: expected a number',
      'verdict.score.max: missing',
    ]);
  });

  it('still accepts a log without a verdict', async () => {
    const sealed = await sealedFaithful();
    expect('verdict' in sealed).toBe(false);
    expect((await verifyLog(sealed, ref)).ok).toBe(true);
  });
});

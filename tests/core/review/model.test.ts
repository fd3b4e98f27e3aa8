/**
 * The review's rows, timelines and class summary (issue 8, points 3-5): every fact of a row is
 * what the replay shows; a file that did not verify gives what it says and nulls elsewhere; the same
 * log twice is flagged; the class's numbers are the ones counted by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isoUtc } from '../../../src/core/engine/clock.ts';
import { lookup } from '../../../src/core/engine/lookup.ts';
import type { SessionState } from '../../../src/core/engine/state.ts';
import { availableChoices } from '../../../src/core/engine/step.ts';
import type { SealedLog } from '../../../src/core/log/format.ts';
import { attemptPath, replayLog } from '../../../src/core/log/replay.ts';
import { sealLog, unsealLog } from '../../../src/core/log/seal.ts';
import { verifyLogText } from '../../../src/core/log/verify.ts';
import { stepKey } from '../../../src/core/replay/map.ts';
import { classSummary, markDuplicates, NO_REACTION, reviewDecisions, reviewRow, unreadableRow } from '../../../src/core/review/model.ts';
import type { ReviewRow } from '../../../src/core/review/types.ts';
import { POINTS, type Scenario } from '../../../src/core/scenario/schema.ts';
import { claimHolds } from '../../../src/core/verdict/claims.ts';
import { currentRefs, keptTexts } from '../log/format2-fixtures.ts';
import { HOSTILE_LABEL, HOSTILE_REASONS, verifiedLogs, type Verified } from './review-fixtures.ts';

let logs: Verified[];
beforeAll(async () => {
  logs = await verifiedLogs();
  // Loads every post and plays a class of games through the real engine: heavier than a unit test.
}, 60_000);

const verified = (v: Verified): { scenario: Scenario; log: SealedLog; state: SessionState } => {
  if (!v.result.ok) throw new Error(`${v.name} did not verify: ${v.result.problems.join(' ')}`);
  return { scenario: v.result.scenario.scenario, log: v.result.log, state: v.result.replay.state };
};

describe('reviewRow', () => {
  it('gives every fact of a verified log from its replay, for every fixture', () => {
    expect(logs.length).toBeGreaterThan(10);
    for (const v of logs) {
      const { scenario, log, state } = verified(v);
      const row = reviewRow(v.name, v.result, v.key);
      const pitfalls = (kinds: string[]): string[] => state.leaks.filter((id) => kinds.includes(lookup(scenario.pitfalls, id)?.kind ?? ''));
      expect(row).toMatchObject({
        key: log.head,
        file: v.name,
        status: 'verified',
        problems: [],
        duplicate: false,
        student: { label: log.student.label, classCode: log.student.classCode ?? null },
        scenario: { id: scenario.id, version: scenario.version, post: 'Mexico City' },
        world: { id: log.variant, label: lookup(scenario.variants, log.variant)?.label },
        modes: { rewind: log.rewind, reasons: log.reasons },
        finished: lookup(scenario.nodes, state.node)?.ending !== undefined,
        ending: lookup(scenario.nodes, state.node)?.ending?.title ?? null,
        metInTime: claimHolds(scenario, state, 'met-in-time'),
        reportedInTime: claimHolds(scenario, state, 'reported-in-time'),
        conveyed: POINTS.filter((p) => state.conveyed.includes(p)),
        conveyable: 10,
        leaks: pitfalls(['leak', 'promise']).map((id) => ({ id, label: scenario.pitfalls[id]?.label })),
        concealed: pitfalls(['concealment']).length > 0,
        actual: state.actual,
        reported: state.sent?.reported ?? null,
        attempts: log.attempts.length,
      });
      expect(row.mismatch).toBe((state.sent?.reported ?? null) !== null && state.sent?.reported !== state.actual);
      if (v.result.ok) expect(row.score).toEqual(v.result.verdict.score);
      // The press conference: 23:00 UTC, 17:00 in Mexico City, 18:00 in Washington, on Tuesday.
      expect(row.deadline).toEqual({ utc: '1962-11-20T23:00Z', local: 'Tue 17:00', washington: 'Tue 18:00' });
      expect(row.meeting?.utc ?? null).toBe(state.marks.met === undefined ? null : isoUtc(state.marks.met));
      expect(row.report?.utc ?? null).toBe(state.marks.sent === undefined ? null : isoUtc(state.marks.sent));
      const entries = log.attempts.flatMap((a) => a.entries);
      expect(row.reasons).toEqual(entries.flatMap((e) => (e.reason === undefined ? [] : [e.reason])));
      expect(row.fastDecisions).toBe(entries.filter((e) => !scenario.nodes[e.node]?.chance && e.thinkMs < 2000).length);
      const last = Math.max(...entries.map((e) => Date.parse(e.at)));
      expect(row.playedMs).toBe(last - Date.parse(log.createdAt));
    }
  });

  it('reads the format the file was written in, and keeps the verifier\'s notes', () => {
    const old = logs.filter((v) => v.name.startsWith('mexico-'));
    expect(old.length).toBe(4);
    for (const v of old) {
      const row = reviewRow(v.name, v.result, v.key);
      expect(row.format).toBe(1);
      expect(row.notes.join(' ')).toMatch(/format 1/);
    }
  });

  it('keeps the hostile label and reasons as they were written', () => {
    const v = logs.find((l) => l.name === 'hostile.json') as Verified;
    const row = reviewRow(v.name, v.result, v.key);
    expect(row.student).toEqual({ label: HOSTILE_LABEL, classCode: '@10B' });
    expect(row.reasons?.length).toBeGreaterThan(2);
    for (const r of row.reasons ?? []) expect(HOSTILE_REASONS).toContain(r);
  });

  it('gives an edited log what the file says and no fact of play', async () => {
    const v = logs[0] as Verified;
    const text = v.text.replace('"Ana Ruiz"', '"Someone Else"');
    const result = await verifyLogText(text, await currentRefs(), { library: await keptTexts() });
    const row = reviewRow('edited.json', result, 'text-key');
    expect(row.status).toBe('edited');
    expect(row.problems.length).toBeGreaterThan(0);
    expect(row.student?.label).toBe('Someone Else');
    expect(row.key, 'keyed by its text, not by the head of the log it was edited from').toBe('text-key');
    expect(row.attempts).toBe(2);
    for (const key of ['finished', 'ending', 'score', 'meeting', 'metInTime', 'conveyed', 'actual', 'reported', 'mismatch', 'fastDecisions'] as const) {
      expect(row[key]).toBeNull();
    }
  });

  it('names an edited log\'s post and world as the other rows do, given the scenarios played now', async () => {
    const v = logs[0] as Verified;
    const text = v.text.replace('"Ana Ruiz"', '"Someone Else"');
    const refs = await currentRefs();
    const result = await verifyLogText(text, refs, { library: await keptTexts() });
    const row = reviewRow('edited.json', result, 'text-key', refs.map((r) => r.scenario));
    expect(row.status).toBe('edited');
    if (!v.result.ok) throw new Error(`${v.name} should verify`);
    // Named by the text played now (the log may have been made with a kept earlier one).
    const now = refs.find((r) => r.scenario.id === v.result.log?.scenario.id)?.scenario;
    expect(row.scenario?.post).toBe(now?.post.city);
    expect(row.world?.label).toBe(now?.variants[v.result.log.variant]?.label);
    expect(row.world?.label).not.toBe(v.result.log.variant);
    expect(row.fastDecisions, 'no fact of play from a text it was not replayed through').toBeNull();
  });

  it('replays a log of a text that was never kept against the current one, and says so', async () => {
    const { log } = verified(logs.find((l) => l.name.startsWith('circular938-')) as Verified);
    const never = await sealLog({ ...unsealLog(log), scenario: { ...log.scenario, hash: 'e'.repeat(64) } });
    const result = await verifyLogText(JSON.stringify(never), await currentRefs());
    expect(result.status).toBe('scenario-changed');
    const row = reviewRow('never-kept.json', result, 'k');
    expect(row.scenario).toEqual({ id: 'mexico', version: log.scenario.version, post: 'Mexico City' });
    expect(row.finished).toBe(true);
    expect(row.score).not.toBeNull();
    expect(row.format).toBe(2);
    expect(row.problems.join(' ')).toMatch(/replayed against the current text/);
  });

  it('keys a file that is not a log by its text, and an unreadable one by what the caller gives', async () => {
    const result = await verifyLogText('{"format": "circular938-log", "attempts": [', await currentRefs());
    const row = reviewRow('cut.json', result, 'hash-of-text');
    expect(row).toMatchObject({ key: 'hash-of-text', status: 'refused', student: null, scenario: null, finished: null });
    expect(row.problems[0]).toMatch(/not valid JSON/);
    expect(unreadableRow('big.json', 'This file is 6.0 MB.', 'k2')).toMatchObject({ key: 'k2', file: 'big.json', status: 'unreadable', problems: ['This file is 6.0 MB.'], student: null, attempts: null });
  });
});

describe('markDuplicates', () => {
  it('flags every later row with an earlier row\'s key, and only those', () => {
    const rows = logs.slice(0, 3).map((v) => reviewRow(v.name, v.result, v.key));
    const again = rows.map((r) => ({ ...r, file: `copy of ${r.file}` }));
    const marked = markDuplicates([rows[0], again[1], rows[1], rows[2], again[0]] as ReviewRow[]);
    expect(marked.map((r) => r.duplicate)).toEqual([false, false, true, false, true]);
    expect(marked[1]?.file).toBe(`copy of ${rows[1]?.file}`);
  });

  it('never takes an edited copy for the log it was edited from: an edited file is keyed by its text', async () => {
    const v = logs[0] as Verified;
    const { log } = verified(v);
    const text = JSON.stringify({ ...log, student: { label: 'Someone Else' } });
    const edited = await verifyLogText(text, await currentRefs(), { library: await keptTexts() });
    expect(edited.status).toBe('edited');
    const rows = markDuplicates([reviewRow(v.name, v.result, v.key), reviewRow('edited.json', edited, 'text-hash-of-the-edited-file')]);
    expect(rows.map((r) => [r.key === log.head, r.duplicate])).toEqual([[true, false], [false, false]]);
  });
});

describe('reviewDecisions', () => {
  it('lists every decision of each attempt\'s full path with the options offered, the one taken and the reason', () => {
    let inherited = 0;
    for (const v of logs) {
      const { scenario, log } = verified(v);
      for (let a = 0; a < log.attempts.length; a++) {
        const path = attemptPath(log, a);
        const replay = replayLog(scenario, log, { attempt: a });
        if (!path.ok || !replay.ok) throw new Error('does not replay');
        const decisions = reviewDecisions(scenario, log, a);
        expect(decisions).toHaveLength(path.path.length);
        decisions.forEach((d, k) => {
          const entry = path.path[k]?.entry;
          const before = replay.states[k] as SessionState;
          expect(d).toMatchObject({ attempt: a, step: k + 1, node: entry?.node, at: entry?.at, thinkMs: entry?.thinkMs, reason: entry?.reason ?? null });
          // Where the file records it: the entry itself, in its own attempt.
          expect(log.attempts[d.recorded.attempt]?.entries[d.recorded.index]).toBe(entry);
          expect(d.recorded).toEqual({ attempt: path.path[k]?.attempt, index: path.path[k]?.index });
          if (d.recorded.attempt !== a) inherited++;
          expect(d.clock.utc).toBe(entry?.clock);
          expect(d.offered).toEqual(availableChoices(scenario, before).map((c) => ({ index: c.index, label: c.label })));
          expect(d.offered.map((o) => o.index)).toContain(d.chosen.index);
          const node = scenario.nodes[d.node];
          if (node?.choices) expect(d.chosen.label).toBe(node.choices[d.chosen.index]?.label);
          else expect(d.chosen.label).toMatch(/^Continue/);
        });
      }
    }
    // The logs include attempts that branched from an earlier one, whose first decisions are recorded there.
    expect(inherited).toBeGreaterThan(0);
  });

  it('is empty for an attempt the log does not have', () => {
    const { scenario, log } = verified(logs[0] as Verified);
    expect(reviewDecisions(scenario, log, 99)).toEqual([]);
  });
});

describe('classSummary', () => {
  it('counts the reactions and says them as counted by hand', () => {
    const good = logs.filter((l) => l.result.ok && l.name.startsWith('circular938-')).slice(0, 3).map((v) => ({ v, ...verified(v) }));
    const [a, b, c] = good;
    if (!a || !b || !c) throw new Error('too few logs');
    const row = (v: Verified, facts: Partial<ReviewRow>): ReviewRow => ({ ...reviewRow(v.name, v.result, v.key), ...facts });
    const items = [
      { row: row(a.v, { actual: 'support', reported: 'support', finished: true, metInTime: true, reportedInTime: true, leaks: [], concealed: false, fastDecisions: 0 }), scenario: a.scenario, state: a.state },
      { row: row(b.v, { actual: 'reserved', reported: 'support', finished: true, metInTime: true, reportedInTime: false, leaks: [{ id: 'fyi-nato', label: 'x' }], concealed: true, fastDecisions: 3 }), scenario: b.scenario, state: b.state },
      { row: row(c.v, { actual: 'opposed', reported: null, finished: false, metInTime: false, reportedInTime: false, leaks: [], concealed: false, fastDecisions: 0 }), scenario: c.scenario, state: c.state },
      // Left out: the same log again, and a file that did not verify.
      { row: row(a.v, { duplicate: true, actual: 'opposed', reported: 'opposed' }), scenario: a.scenario, state: a.state },
      { row: row(b.v, { status: 'edited', actual: 'opposed', reported: 'opposed' }), scenario: b.scenario, state: b.state },
    ];
    const summary = classSummary(items);
    expect(summary.counted).toBe(3);
    expect(summary.reactions).toEqual({
      support: { support: 1, reserved: 0, opposed: 0, [NO_REACTION]: 0 },
      reserved: { support: 1, reserved: 0, opposed: 0, [NO_REACTION]: 0 },
      opposed: { support: 0, reserved: 0, opposed: 0, [NO_REACTION]: 1 },
      [NO_REACTION]: { support: 0, reserved: 0, opposed: 0, [NO_REACTION]: 0 },
    });
    expect(summary.sentences).toEqual([
      '2 of 3 played to an ending.',
      "2 of 3 saw the minister before the President's press conference; 1 of 3 had their report in Washington before it.",
      '2 of 3 reported "Supports the US line"; 1 of those ministers had in fact said "Reserves its position".',
      '1 of 3 gave Washington no reaction: no report, or a report without one.',
      '1 of 3 passed on something secret or promised what Washington had not decided: Passed on the FYI paragraph (1).',
      '1 of 3 hid a slip from Washington.',
      '1 of 3 took at least one decision in under two seconds, faster than anyone reads the choices.',
    ]);
    // Each student once per edge of the last attempt's trail, and once per ending.
    const byHand = new Map<string, number>();
    for (const { state } of [a, b, c]) for (const key of new Set(state.trail.map(stepKey))) byHand.set(key, (byHand.get(key) ?? 0) + 1);
    expect(summary.counts.edges).toEqual(Object.fromEntries(byHand));
    const endings = new Map<string, number>();
    for (const { state, scenario } of [a, b, c]) if (scenario.nodes[state.node]?.ending) endings.set(state.node, (endings.get(state.node) ?? 0) + 1);
    expect(summary.counts.endings).toEqual(Object.fromEntries(endings));
  });

  it('gives the same summary whatever the order of the rows', () => {
    const items = logs.filter((l) => l.result.ok && l.name.startsWith('circular938-')).map((v) => ({ row: reviewRow(v.name, v.result, v.key), ...verified(v) }));
    const one = classSummary(items);
    const two = classSummary([...items].reverse());
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.counted).toBe(items.length);
  });

  it('says there is nothing to count when no log replayed', () => {
    expect(classSummary([])).toMatchObject({ counted: 0, sentences: [expect.stringMatching(/nothing to count/)] });
  });
});

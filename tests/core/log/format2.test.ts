/**
 * Log format 2 (replay issue, point 6): every real format 1 file is checked in its own chain,
 * converted and verified with the same ending, score and verdict as before; an edited format 1 file
 * is still caught; a newer format is refused by its version; a log that breaks its modes (rewinds,
 * reasons) is refused; a reason goes through seal, verify and unseal unchanged; a format 1 autosave
 * is resumed as format 2.
 */
import { describe, expect, it } from 'vitest';
import type { LoadedScenario } from '../../../src/core/index.ts';
import type { DecisionLog, SealedLog } from '../../../src/core/log/format.ts';
import type { ScenarioRef } from '../../../src/core/log/library.ts';
import { replayAttempts } from '../../../src/core/log/replay.ts';
import { sameVerdict, sealLog, unsealLog } from '../../../src/core/log/seal.ts';
import { verifyLog, verifyLogText, type VerifyResult } from '../../../src/core/log/verify.ts';
import { verdictOf } from '../../../src/core/verdict/summary.ts';
import { checkSave, decisionCount } from '../../../src/store/open-log.ts';
import { miniScenario } from '../../fixtures/mini-scenario.ts';
import {
  currentRefs,
  FORMAT1_FILES,
  fixtureText,
  keptTexts,
  miniWithWhy,
  omit,
  playWalk,
  readSave,
  straightWalk,
  type WalkOp,
} from './format2-fixtures.ts';

const current = await currentRefs();
const library = await keptTexts();
const mini = await miniWithWhy();

/** The scenario text a log names: the current one or a kept one. */
async function textOf(log: { scenario: { id: string; hash: string } }): Promise<ScenarioRef> {
  const now = current.find((r) => r.scenario.id === log.scenario.id && r.hash === log.scenario.hash);
  const ref = now ?? (await library(log.scenario.id, log.scenario.hash));
  if (!ref) throw new Error(`no text ${log.scenario.hash} of ${log.scenario.id}`);
  return ref;
}

const asFile = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function problemsOf(r: VerifyResult): string[] {
  return r.ok ? [] : r.problems;
}

type Format1File = Omit<SealedLog, 'formatVersion' | 'rewind' | 'reasons'> & { formatVersion: 1 };

describe('a real format 1 file', () => {
  it('is kept in the fixtures: two of the first release, two of the current text', () => {
    expect(FORMAT1_FILES.filter((f) => f.startsWith('mexico-v1-'))).toHaveLength(2);
    expect(FORMAT1_FILES.filter((f) => f.startsWith('mexico-v2-format1-'))).toHaveLength(2);
  });

  for (const name of FORMAT1_FILES) {
    it(`${name} verifies as format 1, converted to format 2 with the ending, score and verdict it had`, async () => {
      const text = fixtureText(name);
      const raw = JSON.parse(text) as Format1File;
      expect(raw.formatVersion).toBe(1);
      // Before the migration: the file's own decisions replayed through the text it names.
      const ref = await textOf(raw);
      const before = replayAttempts(ref.scenario, raw as unknown as SealedLog);
      expect(before.errors.every((e) => e === null)).toBe(true);
      const last = before.finals.at(-1);
      if (!last) throw new Error('no final state');
      const verdictBefore = verdictOf(ref.scenario, last);

      const r = await verifyLogText(text, current, { library });
      if (!r.ok) expect.fail(r.problems.join('\n'));
      expect(r.status).toBe('verified');
      expect(r.formatRead).toBe(1);
      expect(r.finished).toBe(true);
      expect(r.notes.join(' ')).toMatch(/written in format 1.*converted to format 2/);
      expect(r.verdict).toEqual(verdictBefore);
      expect(r.verdict.title).not.toBeNull();
      // The v2-format1 files carry the verdict the old game wrote: the converted log keeps it, and reaches it
      // again, or reaches it by the earlier rule on precedence (grade.ts, `Scoring`) and says it is scored anew.
      if (raw.verdict !== undefined) {
        expect(r.log.verdict).toEqual(raw.verdict);
        if (sameVerdict(r.verdict, raw.verdict)) expect(r.notes.join(' ')).not.toMatch(/earlier version of the game/);
        else {
          expect(verdictOf(ref.scenario, last, 'latest-precedence')).toEqual(raw.verdict);
          expect(r.notes.join(' ')).toMatch(/^The score written in this file \(\d+\/15\) was reckoned by an earlier version of the game/);
        }
      } else {
        expect(r.log.verdict).toBeUndefined();
      }
      expect(r.attempts.map((a) => a.ending)).toEqual(before.finals.map((s) => (s && ref.scenario.nodes[s.node]?.ending?.title) ?? null));
      expect(r.attempts.map((a) => a.decisions)).toEqual(raw.attempts.map((a) => a.entries.length));
      expect(r.attempts.length).toBe(2);

      // The converted log: format 1's modes, the same header and decisions, chained under format 2.
      const log = r.log;
      expect(log.formatVersion).toBe(2);
      expect(log.rewind).toBe('free');
      expect(log.reasons).toBe('optional');
      const chainless = ['formatVersion', 'head', 'verdict', 'attempts', 'rewind', 'reasons'];
      expect(omit(log, chainless)).toEqual(omit(raw, chainless));
      const strip = (a: { from: unknown; startedAt: string; entries: { prev: string; hash: string }[] }) => ({
        from: a.from,
        startedAt: a.startedAt,
        entries: a.entries.map((e) => omit(e, ['prev', 'hash'])),
      });
      expect(log.attempts.map(strip)).toEqual(raw.attempts.map(strip));
      expect(log.head).not.toBe(raw.head);
      // It re-seals identically, and verifies again as a format 2 file.
      expect(await sealLog(unsealLog(log), log.verdict)).toEqual(log);
      const again = await verifyLog(asFile(log), current, { library });
      if (!again.ok) expect.fail(again.problems.join('\n'));
      expect(again.formatRead).toBe(2);
      expect(again.verdict).toEqual(r.verdict);
      expect(again.notes.join(' ')).not.toMatch(/written in format 1/);
    });

    it(`${name} with one field edited is edited, with the place named`, async () => {
      const raw = JSON.parse(fixtureText(name)) as Format1File;
      const entry = (log: Format1File, a: number, i: number) => {
        const e = log.attempts[a]?.entries[i];
        if (!e) throw new Error(`no entry ${a}/${i}`);
        return e;
      };
      const choice = structuredClone(raw);
      entry(choice, 1, 0).choice += 1;
      const r1 = await verifyLog(choice, current, { library });
      expect(r1.status).toBe('edited');
      expect(problemsOf(r1)[0]).toMatch(/The hash chain breaks at attempt 2, decision 1: this decision was changed/);

      const student = structuredClone(raw);
      student.student.label = 'Somebody Else';
      const r2 = await verifyLog(student, current, { library });
      expect(r2.status).toBe('edited');
      expect(problemsOf(r2)[0]).toMatch(/attempt 1, decision 1: .*the header/);

      const head = structuredClone(raw);
      head.head = head.head.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      const r3 = await verifyLog(head, current, { library });
      expect(r3.status).toBe('edited');
      expect(problemsOf(r3)[0]).toMatch(/does not end where it was sealed/);

      const think = structuredClone(raw);
      entry(think, 0, 3).thinkMs += 1;
      const r4 = await verifyLog(think, current, { library });
      expect(r4.status).toBe('edited');
      expect(problemsOf(r4)[0]).toMatch(/attempt 1, decision 4/);
    });

    it(`${name} given a format 2 field (a mode or a reason) is refused`, async () => {
      const raw = JSON.parse(fixtureText(name)) as Format1File;
      for (const [key, value] of [['rewind', 'free'], ['reasons', 'optional'], ['rewind', 'off']] as const) {
        const r = await verifyLog({ ...raw, [key]: value }, current, { library });
        expect(r.status).toBe('refused');
        expect(problemsOf(r).join('\n')).toMatch(new RegExp(`format version 1[\\s\\S]*${key}: unexpected field`));
      }
      const reasoned = structuredClone(raw) as unknown as { attempts: { entries: Record<string, unknown>[] }[] };
      const e = reasoned.attempts[0]?.entries[2];
      if (!e) throw new Error('fixture too short');
      e['reason'] = 'Because it was right.';
      const r = await verifyLog(reasoned, current, { library });
      expect(r.status).toBe('refused');
      expect(problemsOf(r).join('\n')).toMatch(/attempts\[0\]\.entries\[2\]\.reason: unexpected field/);
    });
  }
});

describe('a newer format', () => {
  for (const version of [3, 99]) {
    it(`format ${version} is refused, naming its version`, async () => {
      const log = asFile(await sealLog(straightWalk(mini, 5, 'historical').log));
      const r = await verifyLog({ ...log, formatVersion: version }, mini);
      expect(r.status).toBe('refused');
      expect(problemsOf(r)).toHaveLength(1);
      expect(problemsOf(r)[0]).toMatch(new RegExp(`format version ${version}, made by a newer Circular 938`));
      // A real format 1 file relabelled as newer is refused the same way.
      const v1 = JSON.parse(fixtureText(FORMAT1_FILES[0] ?? '')) as Record<string, unknown>;
      const r1 = await verifyLog({ ...v1, formatVersion: version }, current, { library });
      expect(r1.status).toBe('refused');
      expect(problemsOf(r1)[0]).toMatch(new RegExp(`format version ${version}\\b`));
    });
  }
});

/** A walk on the mini fixture with one rewind, in the given modes. */
function twoAttempts(modes: Pick<DecisionLog, 'rewind' | 'reasons'>): DecisionLog {
  const ops: WalkOp[] = [
    ...Array.from({ length: 4 }, (_, i): WalkOp => ({ rewind: false, pick: i, reason: 'I wanted to be sure.' })),
    { rewind: true, pick: 2 * 1, reason: undefined },
    ...Array.from({ length: 12 }, (_, i): WalkOp => ({ rewind: false, pick: i + 1, reason: 'Time was short.' })),
  ];
  const { log } = playWalk(mini, { seed: 3, variant: 'historical', ops, ...modes });
  expect(log.attempts).toHaveLength(2);
  return log;
}

async function verifyOpen(log: DecisionLog, ref: ScenarioRef = mini): Promise<VerifyResult> {
  return verifyLog(asFile(await sealLog(log)), ref);
}

describe('the modes of a format 2 log', () => {
  it('a rewound log verifies when rewinding was free', async () => {
    const r = await verifyOpen(twoAttempts({ rewind: 'free', reasons: 'optional' }));
    if (!r.ok) expect.fail(r.problems.join('\n'));
    expect(r.formatRead).toBe(2);
    expect(r.attempts).toHaveLength(2);
  });

  for (const rewind of ['look', 'off'] as const) {
    it(`two attempts when rewind is ${rewind} are refused, naming the mode`, async () => {
      const r = await verifyOpen(twoAttempts({ rewind, reasons: 'optional' }));
      expect(r.status).toBe('refused');
      expect(problemsOf(r)[0]).toMatch(new RegExp(`rewind=${rewind} in the teacher's link\\), but it holds 2 attempts`));
      // One attempt in that mode is fine.
      const straight = straightWalk(mini, 3, 'historical', 30).log;
      expect(straight.attempts).toHaveLength(1);
      expect((await verifyOpen({ ...straight, rewind })).status).toBe('verified');
    });
  }

  it('a required reason left out is refused, naming the entry and the mode', async () => {
    const { log } = straightWalk(mini, 4, 'historical', 30);
    const first = log.attempts[0]?.entries[0];
    if (!first) throw new Error('empty walk');
    expect(mini.scenario.nodes[first.node]?.why).toBeDefined();
    expect(first.reason).toBeDefined();
    const required = { ...log, reasons: 'required' as const };
    expect((await verifyOpen(required)).status).toBe('verified');
    const bare = omit(first, ['reason']) as unknown as typeof first;
    const missing: DecisionLog = { ...required, attempts: [{ ...required.attempts[0]!, entries: [bare, ...required.attempts[0]!.entries.slice(1)] }] };
    const r = await verifyOpen(missing);
    expect(r.status).toBe('refused');
    expect(problemsOf(r)).toEqual([`Attempt 1, decision 1: the reason the teacher's link required (reasons=required) is missing at "${first.node}".`]);
    // The same log with reasons optional verifies.
    expect((await verifyOpen({ ...missing, reasons: 'optional' })).status).toBe('verified');
  });

  it('a reason at a node that asks none is refused', async () => {
    const { log } = straightWalk(mini, 4, 'historical', 30);
    const entries = log.attempts[0]?.entries ?? [];
    const i = entries.findIndex((e) => mini.scenario.nodes[e.node]?.why === undefined);
    expect(i).toBeGreaterThanOrEqual(0);
    const edited = structuredClone(log);
    const e = edited.attempts[0]?.entries[i];
    if (!e) throw new Error('no entry');
    e.reason = 'A reason nobody asked for.';
    const r = await verifyOpen(edited);
    expect(r.status).toBe('refused');
    expect(problemsOf(r)).toEqual([`Attempt 1, decision ${i + 1}: a reason is written at "${e.node}", where the game asks for none.`]);
    // Against a text that asks no reason anywhere, every reason is refused.
    const plain: ScenarioRef = { scenario: miniScenario, hash: mini.hash };
    const all = await verifyOpen(log, plain);
    expect(all.status).toBe('refused');
    expect(problemsOf(all).every((p) => p.includes('where the game asks for none'))).toBe(true);
  });

  it('a reason over 500 characters, empty, or with a control character is refused by the schema, with its path', async () => {
    const { log } = straightWalk(mini, 4, 'historical', 30);
    const cases: [string, RegExp][] = [
      ['x'.repeat(501), /^attempts\[0\]\.entries\[0\]\.reason: must be at most 500$/],
      ['', /^attempts\[0\]\.entries\[0\]\.reason: must not be empty$/],
      ['tab\there', /^attempts\[0\]\.entries\[0\]\.reason: expected plain text/],
      ['bell\u0007', /^attempts\[0\]\.entries\[0\]\.reason: expected plain text/],
      ['del\u007f', /^attempts\[0\]\.entries\[0\]\.reason: expected plain text/],
      ['cr\r\nlf', /^attempts\[0\]\.entries\[0\]\.reason: expected plain text/],
    ];
    for (const [reason, problem] of cases) {
      const edited = structuredClone(log);
      edited.attempts[0]!.entries[0]!.reason = reason;
      const r = await verifyOpen(edited);
      expect(r.status, JSON.stringify(reason)).toBe('refused');
      expect(problemsOf(r)[0]).toMatch(problem);
    }
    for (const reason of ['x'.repeat(500), 'Two lines:\nthis and that.', 'Ñandú, «quoted», 1962 — ok 👍']) {
      const edited = structuredClone(log);
      edited.attempts[0]!.entries[0]!.reason = reason;
      expect((await verifyOpen(edited)).status, JSON.stringify(reason)).toBe('verified');
    }
  });

  it('a reason survives seal, verify and unseal', async () => {
    const log = twoAttempts({ rewind: 'free', reasons: 'required' });
    const reasons = log.attempts.flatMap((a) => a.entries.map((e) => e.reason)).filter((x) => x !== undefined);
    expect(reasons.length).toBeGreaterThan(1);
    const sealed = asFile(await sealLog(log));
    const r = await verifyLog(sealed, mini);
    if (!r.ok) expect.fail(r.problems.join('\n'));
    expect(r.log.reasons).toBe('required');
    expect(unsealLog(r.log)).toEqual(log);
    expect(await sealLog(unsealLog(r.log))).toEqual(sealed);
  });
});

describe('a format 1 autosave', () => {
  const text = readSave('format1-mexico-v2.json');
  const saved = JSON.parse(text) as Omit<DecisionLog, 'formatVersion'> & { formatVersion: 1 };

  async function loadedFor(): Promise<LoadedScenario> {
    const ref = await textOf(saved);
    return { scenario: ref.scenario, hash: ref.hash, file: 'scenarios/mexico.yaml' };
  }

  it('is resumed as format 2 with its 14 decisions', async () => {
    expect(saved.formatVersion).toBe(1);
    const r = await checkSave(text, await loadedFor());
    if (!r.ok) expect.fail(`${r.why}: ${r.detail}`);
    expect(r.log.formatVersion).toBe(2);
    expect(r.log.rewind).toBe('free');
    expect(r.log.reasons).toBe('optional');
    expect(decisionCount(r.log)).toBe(14);
    expect(r.log.attempts.flatMap((a) => a.entries)).toEqual(saved.attempts.flatMap((a) => a.entries));
    expect(r.log.student).toEqual(saved.student);
  });

  it('of format 3 is refused as other-version; one holding a reason as damaged', async () => {
    const loaded = await loadedFor();
    const newer = await checkSave(JSON.stringify({ ...saved, formatVersion: 3 }), loaded);
    expect(newer).toMatchObject({ ok: false, why: 'other-version' });
    expect(newer.ok ? '' : newer.detail).toMatch(/format 3/);
    const reasoned = structuredClone(saved);
    reasoned.attempts[0]!.entries[0]!.reason = 'Because.';
    expect(await checkSave(JSON.stringify(reasoned), loaded)).toMatchObject({ ok: false, why: 'damaged' });
  });
});

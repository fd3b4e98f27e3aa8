/**
 * The LMS adapter (issue 10, point 4) against an independent SCORM 1.2 runtime, scorm-again's
 * Scorm12API, with the real store playing the real Mexico scenario: every decision reported as it
 * is taken, the verdict's score and "completed" at an ending, committed; LMSFinish when the page
 * goes; a game resumed in a later LMS session reports only what it had not; rewinds, looking back,
 * a new game and a watched log; an LMS that refuses or fails never stops the game.
 */
import { Scorm12API } from 'scorm-again';
import { beforeAll, describe, expect, it } from 'vitest';
import { lookup, verdictOf, type LoadedScenario } from '../../src/core/index.ts';
import { cmiTimespan, readScormProgress, scormGameKey } from '../../src/core/review/scorm.ts';
import type { Scorm12Api } from '../../src/lms/find-api.ts';
import { reportToLms, type LmsDeps } from '../../src/lms/scorm.ts';
import { choicesOf, createGameStore, saveKey, type GameStore } from '../../src/store/game-store.ts';
import { createSaveSlot } from '../../src/store/save-slot.ts';
import { loadRealScenario } from '../fixtures/real-scenarios.ts';
import { memoryStorage, type MemoryStorage } from '../store/fakes.ts';

let loaded: LoadedScenario;
beforeAll(async () => {
  loaded = await loadRealScenario('mexico.yaml');
}, 60_000);

/** Every call the game made to the API, in order, with its arguments. */
type Call = [name: string, ...args: string[]];

/** scorm-again's API behind a recorder: each call is forwarded and written down. */
function recorded(api: Scorm12Api): { api: Scorm12Api; calls: Call[] } {
  const calls: Call[] = [];
  const target = api as unknown as Record<string, (...args: string[]) => unknown>;
  const proxy = new Proxy(target, {
    get(t, name: string) {
      const fn = t[name];
      return typeof fn === 'function' ? (...args: string[]) => (calls.push([name, ...args]), fn.apply(t, args)) : fn;
    },
  });
  return { api: proxy as unknown as Scorm12Api, calls };
}

const sets = (calls: Call[], prefix = ''): [string, string][] =>
  calls.filter((c) => c[0] === 'LMSSetValue' && (c[1] ?? '').startsWith(prefix)).map((c) => [c[1] ?? '', c[2] ?? '']);
const lastSet = (calls: Call[], element: string): string | undefined => sets(calls, element).filter(([e]) => e === element).at(-1)?.[1];
const count = (calls: Call[], name: string): number => calls.filter((c) => c[0] === name).length;

interface Page {
  deps: LmsDeps;
  hide(): void;
  leave(): void;
}

/** A page with a clock that moves 1.5 s per reading, in a zone one hour east of UTC. */
function page(start = Date.parse('2026-03-02T08:00:00Z')): Page {
  let clock = start;
  let hidden = false;
  const target = new EventTarget();
  return {
    deps: {
      verdict: verdictOf,
      now: () => (clock += 1500),
      offsetAt: () => 60,
      page: target,
      hidden: () => hidden,
    },
    hide() {
      hidden = true;
      target.dispatchEvent(new Event('visibilitychange'));
    },
    leave() {
      target.dispatchEvent(new Event('pagehide'));
    },
  };
}

function store(storage: MemoryStorage | null = null): GameStore {
  let clock = Date.parse('2026-03-02T08:00:00Z');
  const slot = storage ? createSaveSlot({ key: saveKey('mexico'), storage, durable: null, token: 'tab-1' }) : null;
  return createGameStore({ loaded, slot, now: () => (clock += 2345), newSeed: () => 938 });
}

const ended = (s: GameStore): boolean => {
  const state = s.getState();
  return state.session !== null && lookup(loaded.scenario.nodes, state.session.node)?.ending !== undefined;
};

/** Takes the first open choice `n` times, or until an ending when `n` is left out. */
async function play(s: GameStore, n = Number.POSITIVE_INFINITY): Promise<void> {
  for (let i = 0; i < n && !ended(s); i++) {
    const first = choicesOf(s.getState())[0];
    if (!first) throw new Error(`no choice at ${s.getState().session?.node}`);
    expect(await s.getState().choose(first.index)).toBe(true);
    if (i > 400) throw new Error('no ending within 400 decisions');
  }
}

/** The log's decisions (entries at nodes with choices), in file order. */
function decisionsOf(s: GameStore): { node: string; choice: number; thinkMs: number; at: string }[] {
  const log = s.getState().log;
  return (log?.attempts ?? []).flatMap((a) => a.entries).filter((e) => lookup(loaded.scenario.nodes, e.node)?.choices !== undefined);
}

const ana = { student: { label: 'Ana Ruiz', classCode: '9B' }, variant: 'historical' } as const;

describe('reporting a game to a SCORM 1.2 LMS', () => {
  it('initialises, reports each decision as it is taken, and at the ending the verdict\'s score and "completed", committed; LMSFinish when the page goes', async () => {
    const lms = new Scorm12API({ logLevel: 5 });
    const { api, calls } = recorded(lms as unknown as Scorm12Api);
    const p = page();
    const s = store();
    await s.getState().load();
    const session = reportToLms(api, s, p.deps);
    expect(session).not.toBeNull();
    expect(calls[0]).toEqual(['LMSInitialize', '']);
    expect(lms.cmi.core.lesson_status).toBe('incomplete');

    await s.getState().start(ana);
    let chance = 0;
    while (!ended(s)) {
      const before = Number(lms.LMSGetValue('cmi.interactions._count'));
      const node = s.getState().session?.node ?? '';
      await play(s, 1);
      const isChance = lookup(loaded.scenario.nodes, node)?.chance !== undefined;
      if (isChance) chance += 1;
      expect(Number(lms.LMSGetValue('cmi.interactions._count')), `after the decision at ${node}`).toBe(before + (isChance ? 0 : 1));
    }
    expect(chance, 'the game passed a chance node, which is no decision').toBeGreaterThan(0);

    const decisions = decisionsOf(s);
    expect(decisions.length).toBeGreaterThan(20);
    expect(lms.cmi.interactions.childArray.length).toBe(decisions.length);
    decisions.forEach((e, n) => {
      expect(sets(calls, `cmi.interactions.${n}.`)).toEqual([
        [`cmi.interactions.${n}.id`, `mexico.${e.node}`],
        [`cmi.interactions.${n}.type`, 'choice'],
        [`cmi.interactions.${n}.student_response`, String(e.choice)],
        [`cmi.interactions.${n}.result`, 'neutral'],
        [`cmi.interactions.${n}.latency`, cmiTimespan(e.thinkMs)],
        [`cmi.interactions.${n}.time`, new Date(Date.parse(e.at) + 3_600_000).toISOString().slice(11, 19)],
      ]);
    });

    const state = s.getState().session;
    if (!state) throw new Error('no session');
    const { points, max } = verdictOf(loaded.scenario, state).score;
    expect([lms.cmi.core.score.raw, lms.cmi.core.score.min, lms.cmi.core.score.max]).toEqual([String(points), '0', String(max)]);
    expect(lms.cmi.core.lesson_status).toBe('completed');
    const lastScore = calls.findLastIndex((c) => c[1] === 'cmi.core.score.raw');
    expect(calls.slice(lastScore).some((c) => c[0] === 'LMSCommit'), 'committed after the score').toBe(true);
    expect(lastSet(calls, 'cmi.core.session_time')).toMatch(/^\d{4}:\d\d:\d\d\.\d\d$/);
    expect(readScormProgress(lms.cmi.suspend_data)).toEqual({ game: scormGameKey(s.getState().log ?? (() => { throw new Error('no log'); })()), reported: decisions.length });
    expect(count(calls, 'LMSFinish')).toBe(0);

    p.leave();
    expect(calls.at(-1)).toEqual(['LMSFinish', '']);
    expect(calls.at(-2)).toEqual(['LMSCommit', '']);
    expect(lastSet(calls, 'cmi.core.exit'), 'a finished game exits normally').toBe('');
    expect(lms.isTerminated()).toBe(true);
    // Nothing after LMSFinish, whatever the student does next.
    const made = calls.length;
    p.leave();
    p.hide();
    await s.getState().quit();
    await s.getState().start(ana);
    await play(s, 3);
    expect(calls.length).toBe(made);
  });

  it('commits what was done when the page is hidden (a laptop closed), and finishes an unfinished game as suspended', async () => {
    const lms = new Scorm12API({ logLevel: 5 });
    const { api, calls } = recorded(lms as unknown as Scorm12Api);
    const p = page();
    const s = store();
    await s.getState().load();
    reportToLms(api, s, p.deps);
    await s.getState().start(ana);
    await play(s, 5);
    expect(count(calls, 'LMSCommit')).toBe(0);
    p.hide();
    expect(count(calls, 'LMSCommit')).toBe(1);
    expect(lms.cmi.core.lesson_status).toBe('incomplete');
    p.leave();
    expect(lastSet(calls, 'cmi.core.exit')).toBe('suspend');
    expect(lms.cmi.core.score.raw).toBe('');
    expect(calls.at(-1)).toEqual(['LMSFinish', '']);
  });

  it('reports, in a later LMS session, only the decisions of the resumed game the earlier session did not', async () => {
    const storage = memoryStorage();
    const first = new Scorm12API({ logLevel: 5 });
    const p1 = page();
    const s1 = store(storage);
    await s1.getState().load();
    reportToLms(first as unknown as Scorm12Api, s1, p1.deps);
    await s1.getState().start(ana);
    await play(s1, 8);
    const earlier = decisionsOf(s1).length;
    p1.leave();
    const kept = first.renderCommitCMI(true) as { cmi: { suspend_data: string; interactions: Record<string, unknown>; core: { lesson_status: string } } };

    // The LMS launches the package again with what it stored; the browser resumes the saved game.
    const second = new Scorm12API({ logLevel: 5 });
    second.loadFromJSON({ suspend_data: kept.cmi.suspend_data, interactions: kept.cmi.interactions, core: { lesson_status: kept.cmi.core.lesson_status } });
    const { api, calls } = recorded(second as unknown as Scorm12Api);
    const s2 = store(storage);
    await s2.getState().load();
    expect(s2.getState().resume()).toBe(true);
    reportToLms(api, s2, page().deps);
    expect(sets(calls, 'cmi.interactions.'), 'nothing reported twice').toEqual([]);
    await play(s2, 6);
    const all = decisionsOf(s2);
    expect(all.length).toBeGreaterThan(earlier);
    expect(second.cmi.interactions.childArray.length).toBe(all.length);
    all.slice(earlier).forEach((e, k) => {
      expect(lastSet(calls, `cmi.interactions.${earlier + k}.id`)).toBe(`mexico.${e.node}`);
    });
    expect(readScormProgress(second.cmi.suspend_data)?.reported).toBe(all.length);
  });

  it('reports a rewound attempt\'s own decisions once, replaces the score with the later ending\'s, and reports nothing for looking back', async () => {
    const lms = new Scorm12API({ logLevel: 5 });
    const { api, calls } = recorded(lms as unknown as Scorm12Api);
    const s = store();
    await s.getState().load();
    reportToLms(api, s, page().deps);
    await s.getState().start(ana);
    await play(s);
    const firstScore = lms.cmi.core.score.raw;
    const made = calls.length;
    expect(s.getState().look(0, 3)).toBe(true);
    s.getState().present();
    expect(calls.length, 'looking back is not a decision').toBe(made);

    expect(await s.getState().rewind(0, 10)).toBe(true);
    // Another way from there: the last open choice at each node.
    while (!ended(s)) {
      const open = choicesOf(s.getState());
      expect(await s.getState().choose(open.at(-1)?.index ?? 0)).toBe(true);
    }
    const log = s.getState().log;
    expect(log?.attempts.length).toBe(2);
    expect(log?.attempts[1]?.from).toEqual({ attempt: 0, seq: 10 });
    const decisions = decisionsOf(s);
    expect(lms.cmi.interactions.childArray.length).toBe(decisions.length);
    const state = s.getState().session;
    if (!state) throw new Error('no session');
    expect(lms.cmi.core.score.raw).toBe(String(verdictOf(loaded.scenario, state).score.points));
    expect(typeof firstScore).toBe('string');
  });

  it('goes on after the last game\'s decisions when the student plays again', async () => {
    const lms = new Scorm12API({ logLevel: 5 });
    const s = store();
    await s.getState().load();
    reportToLms(lms as unknown as Scorm12Api, s, page().deps);
    await s.getState().start(ana);
    await play(s, 4);
    const firstGame = decisionsOf(s).length;
    await s.getState().quit();
    await s.getState().start({ ...ana, seed: 12 });
    await play(s, 4);
    expect(lms.cmi.interactions.childArray.length).toBe(firstGame + decisionsOf(s).length);
  });

  it('calls nothing more when the LMS refuses to initialise, and the game plays on', async () => {
    const calls: Call[] = [];
    const refusing: Scorm12Api = {
      LMSInitialize: (...a) => (calls.push(['LMSInitialize', ...a]), 'false'),
      LMSFinish: (...a) => (calls.push(['LMSFinish', ...a]), 'true'),
      LMSGetValue: (...a) => (calls.push(['LMSGetValue', ...a]), ''),
      LMSSetValue: (...a) => (calls.push(['LMSSetValue', ...a]), 'true'),
      LMSCommit: (...a) => (calls.push(['LMSCommit', ...a]), 'true'),
      LMSGetLastError: () => (calls.push(['LMSGetLastError']), '101'),
    };
    const s = store();
    await s.getState().load();
    const p = page();
    expect(reportToLms(refusing, s, p.deps)).toBeNull();
    await s.getState().start(ana);
    await play(s, 5);
    p.leave();
    expect(calls).toEqual([['LMSInitialize', '']]);
  });

  it('plays on when every call to the LMS throws or answers false', async () => {
    let calls = 0;
    const broken: Scorm12Api = {
      LMSInitialize: () => 'true',
      LMSFinish: () => { calls += 1; throw new Error('LMS gone'); },
      LMSGetValue: () => { calls += 1; throw new Error('LMS gone'); },
      LMSSetValue: () => { calls += 1; return 'false'; },
      LMSCommit: () => { calls += 1; throw new Error('LMS gone'); },
      LMSGetLastError: () => '101',
    };
    const s = store();
    await s.getState().load();
    const p = page();
    expect(reportToLms(broken, s, p.deps)).not.toBeNull();
    await s.getState().start(ana);
    await play(s);
    expect(ended(s)).toBe(true);
    expect(() => p.leave()).not.toThrow();
    expect(calls).toBeGreaterThan(decisionsOf(s).length);
  });

  it('reports nothing of a log being watched', async () => {
    const played = store();
    await played.getState().load();
    await played.getState().start(ana);
    await play(played, 12);
    const log = played.getState().log;
    if (!log) throw new Error('no log');
    const watching = createGameStore({ loaded, slot: null, now: () => 0, newSeed: () => 0, watch: { log, file: 'ana.json' } });
    const lms = new Scorm12API({ logLevel: 5 });
    const { api, calls } = recorded(lms as unknown as Scorm12Api);
    reportToLms(api, watching, page().deps);
    expect(watching.getState().look(0, 5)).toBe(true);
    expect(watching.getState().look(0)).toBe(true);
    expect(sets(calls, 'cmi.interactions.')).toEqual([]);
    expect(sets(calls, 'cmi.core.score')).toEqual([]);
  });
});

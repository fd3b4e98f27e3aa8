import { describe, expect, it } from 'vitest';
import { holds } from '../../../src/core/engine/conditions.ts';
import { applyEffects } from '../../../src/core/engine/effects.ts';
import { isoUtc, timeOf } from '../../../src/core/engine/clock.ts';
import { copyState, initialState, type SessionState } from '../../../src/core/engine/state.ts';
import { availableChoices, isEnded, step } from '../../../src/core/engine/step.ts';
import type { Condition, Effect, Scenario, ScenarioNode } from '../../../src/core/scenario/schema.ts';
import { replayEvents } from '../../../src/core/log/replay.ts';
import { checkScenario } from '../../../src/core/scenario/check.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../../fixtures/mini-scenario.ts';

const start = (variant = 'historical', seed = 1): SessionState => initialState(miniScenario, { seed, variant });

function walk(choices: readonly number[], seed = 1, variant = 'historical'): SessionState {
  const r = replayEvents(miniScenario, { seed, variant }, choices);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

function ok(state: SessionState, choice: number, scenario: Scenario = miniScenario): SessionState {
  const r = step(scenario, state, { type: 'choice.made', choice });
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

/** The mini scenario with its start node replaced: one choice with the given effects and minutes. */
function withStart(node: ScenarioNode): Scenario {
  return { ...miniScenario, nodes: { ...miniScenario.nodes, 'cable-arrives': node } };
}
const choiceNode = (effects: Effect[], minutes = 0): ScenarioNode => ({
  phase: 'cable',
  speaker: 'narrator',
  text: 'test',
  choices: [{ label: 'go', minutes, effects, next: 'call-ministry' }],
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('the mini fixture', () => {
  it('passes every scenario check, like a real scenario file', () => {
    expect(checkScenario(miniScenario)).toEqual([]);
  });
});

describe('step', () => {
  it('starts at the scenario start, at the start time, with nothing decided', () => {
    const s = start();
    expect(s.node).toBe('cable-arrives');
    expect(s.phase).toBe('cable');
    expect(isoUtc(s.clock)).toBe('1962-11-19T22:30Z');
    expect([s.flags, s.conveyed, s.leaks, s.trail, s.draft]).toEqual([[], [], [], [], []]);
    expect([s.actual, s.reported, s.precedence, s.outcome]).toEqual([null, null, null, null]);
  });

  it('follows a choice to its next node, spends its minutes and records it in the trail', () => {
    const s = ok(start(), 0);
    expect(s.node).toBe('call-ministry');
    expect(s.phase).toBe('appointment');
    expect(isoUtc(s.clock)).toBe('1962-11-19T22:50Z');
    expect(s.flags).toEqual(['read-cable']);
    expect(s.counters).toEqual({ care: 1 });
    expect(s.trail).toEqual([{ node: 'cable-arrives', choice: 0, clock: timeOf('1962-11-19T22:30Z') }]);
  });

  it('plays the faithful walk to the calm ending with the minister\'s support', () => {
    const s = walk(MINI_FAITHFUL_WALK);
    expect(isEnded(miniScenario, s)).toBe(true);
    expect(s.outcome).toBe('calm');
    expect(s.phase).toBe('debrief');
    expect(s.actual).toBe('support');
    expect(s.reported).toBe('support');
    expect(s.precedence).toBe('NIACT');
    expect(s.draft).toEqual(['p-support', 'p-details']);
    expect(s.conveyed).toHaveLength(10);
  });

  it('does not change the state it is given', () => {
    const s = deepFreeze(start());
    const before = JSON.stringify(s);
    expect(() => ok(ok(s, 0), 0)).not.toThrow();
    expect(JSON.stringify(s)).toBe(before);
  });

  it('makes each new state a copy with the fields of the first, in their order', () => {
    const s = walk(MINI_FAITHFUL_WALK.slice(0, 4));
    const copy = copyState(s);
    expect(copy).not.toBe(s);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(s));
    expect(Object.keys(copy)).toEqual(Object.keys(start()));
    expect(Object.keys(ok(s, 0))).toEqual(Object.keys(start()));
  });

  it('refuses a choice that does not exist, without throwing', () => {
    for (const choice of [-1, 2, 1.5, Number.NaN]) {
      const r = step(miniScenario, start(), { type: 'choice.made', choice });
      expect(r).toEqual({ ok: false, error: `node "cable-arrives" has no choice ${choice}` });
    }
  });

  it('refuses a choice whose condition does not hold', () => {
    const atMeet2b = walk([0, 0, 0, 0, 1]); // told the minister about NATO
    const r = step(miniScenario, atMeet2b, { type: 'choice.made', choice: 1 });
    expect(r).toEqual({ ok: false, error: 'node "meet-2b" choice 1 is not open in this state' });
  });

  it('offers only the choices whose conditions hold, keeping their file indices', () => {
    const atMeet2 = walk([0, 0, 0, 0]);
    expect(availableChoices(miniScenario, atMeet2).map((c) => c.index)).toEqual([0, 1, 2, 3]);
    const afterLeak = walk([0, 0, 0, 0, 1]);
    expect(afterLeak.node).toBe('meet-2b');
    expect(availableChoices(miniScenario, afterLeak).map((c) => c.index)).toEqual([0, 2, 3]);
  });

  it('accepts only "continue" (0) at a chance node', () => {
    const atChance = walk([0, 0]);
    expect(atChance.node).toBe('ministry-answers');
    expect(availableChoices(miniScenario, atChance)).toEqual([{ index: 0, label: 'Continue', minutes: 0, until: null, next: '' }]);
    expect(step(miniScenario, atChance, { type: 'choice.made', choice: 1 }).ok).toBe(false);
  });

  it('refuses any decision once the game has ended', () => {
    const end = walk(MINI_FAITHFUL_WALK);
    expect(availableChoices(miniScenario, end)).toEqual([]);
    const r = step(miniScenario, end, { type: 'choice.made', choice: 0 });
    expect(r).toEqual({ ok: false, error: 'node "end-calm" is an ending; the game is over' });
  });

  it('refuses an unknown variant at the start (a programmer error)', () => {
    expect(() => initialState(miniScenario, { seed: 1, variant: 'nope' })).toThrow(RangeError);
    expect(() => initialState(miniScenario, { seed: 1, variant: 'constructor' })).toThrow(RangeError);
  });
});

describe('conditions', () => {
  const base = start();
  const s: SessionState = {
    ...base,
    flags: ['read-cable'],
    counters: { care: 2 },
    conveyed: ['a', 'b', 'organ'],
    leaks: ['fyi-nato'],
    actual: 'reserve',
    reported: 'support',
    variant: 'refusal',
    clock: timeOf('1962-11-20T16:59-06:00'),
  };
  const cases: [Condition, boolean][] = [
    [{ flag: 'read-cable' }, true],
    [{ flag: 'other' }, false],
    [{ notFlag: 'read-cable' }, false],
    [{ notFlag: 'other' }, true],
    [{ counter: 'care', atLeast: 2 }, true],
    [{ counter: 'care', atLeast: 3 }, false],
    [{ counter: 'care', atMost: 1 }, false],
    [{ counter: 'missing', atMost: 0 }, true],
    [{ counter: 'constructor', atMost: 0 }, true],
    [{ conveyed: ['a', 'organ'] }, true],
    [{ conveyed: ['a', 'c'] }, false],
    [{ notConveyed: ['c', 'd'] }, true],
    [{ notConveyed: ['c', 'a'] }, false],
    [{ conveyedAtLeast: 3 }, true],
    [{ conveyedAtLeast: 4 }, false],
    [{ leaked: 'fyi-nato' }, true],
    [{ leaked: 'promise-pol' }, false],
    [{ noLeaks: true }, false],
    [{ before: 'deadline' }, true],
    [{ after: 'deadline' }, false],
    [{ before: '1962-11-20T16:59-06:00' }, false],
    [{ after: '1962-11-20T16:59-06:00' }, true],
    [{ actual: 'reserve' }, true],
    [{ reported: 'reserve' }, false],
    [{ variant: 'refusal' }, true],
    [{ all: [{ flag: 'read-cable' }, { leaked: 'fyi-nato' }] }, true],
    [{ all: [{ flag: 'read-cable' }, { noLeaks: true }] }, false],
    [{ any: [{ flag: 'other' }, { actual: 'reserve' }] }, true],
    [{ any: [{ flag: 'other' }, { actual: 'oppose' }] }, false],
    [{ not: { noLeaks: true } }, true],
  ];
  it.each(cases)('evaluates %j as %s', (condition, expected) => {
    expect(holds(miniScenario, s, condition)).toBe(expected);
  });

  it('treats a missing condition as true', () => {
    expect(holds(miniScenario, s, undefined)).toBe(true);
  });

  it('compares "before" strictly and "after" inclusively at the same minute', () => {
    const atDeadline = { ...s, clock: timeOf(miniScenario.clock.deadline) };
    expect(holds(miniScenario, atDeadline, { before: 'deadline' })).toBe(false);
    expect(holds(miniScenario, atDeadline, { after: 'deadline' })).toBe(true);
  });
});

describe('effects', () => {
  it('carries out effects in the order written', () => {
    const s = start();
    expect(applyEffects(s, [{ set: 'x' }, { unset: 'x' }]).flags).toEqual([]);
    expect(applyEffects(s, [{ unset: 'x' }, { set: 'x' }]).flags).toEqual(['x']);
    const marked = applyEffects(s, [{ mark: 'met' }, { clockTo: '1962-11-20T10:00-06:00' }, { mark: 'sent' }]);
    expect(marked.marks).toEqual({ met: s.clock, sent: timeOf('1962-11-20T10:00-06:00') });
  });

  it('spends a choice\'s minutes before its effects, so a mark records the end of the action', () => {
    const scenario = withStart(choiceNode([{ mark: 'met' }], 45));
    const s = ok(start(), 0, scenario);
    expect(s.marks.met).toBe(start().clock + 45);
  });

  it('keeps flags sorted and unique, points in circular order, leaks and draft in the order taken', () => {
    const s = applyEffects(start(), [
      { set: 'b' }, { set: 'a' }, { set: 'b' },
      { convey: ['organ', 'c'] }, { convey: ['a', 'c'] },
      { leak: 'promise-pol' }, { leak: 'fyi-nato' }, { leak: 'promise-pol' },
      { draft: 'p-details' }, { draft: 'p-support' }, { draft: 'p-details' },
    ]);
    expect(s.flags).toEqual(['a', 'b']);
    expect(s.conveyed).toEqual(['a', 'c', 'organ']);
    expect(s.leaks).toEqual(['promise-pol', 'fyi-nato']);
    expect(s.draft).toEqual(['p-details', 'p-support']);
  });

  it('adds to counters, starting from zero, even for ids that are Object.prototype names', () => {
    const s = applyEffects(start(), [
      { add: { counter: 'care', by: 2 } },
      { add: { counter: 'care', by: -1 } },
      { add: { counter: 'constructor', by: 1 } },
      { add: { counter: 'valueOf', by: 3 } },
    ]);
    expect(s.counters).toEqual({ care: 1, constructor: 1, valueOf: 3 });
  });

  it('sets the actual and reported responses and the precedence; the last one wins', () => {
    const s = applyEffects(start(), [{ actual: 'oppose' }, { actual: 'reserve' }, { report: 'support' }, { precedence: 'ROUTINE' }, { precedence: 'NIACT' }]);
    expect([s.actual, s.reported, s.precedence]).toEqual(['reserve', 'support', 'NIACT']);
  });

  it('never moves the clock backwards with clockTo', () => {
    const s = start();
    expect(applyEffects(s, [{ clockTo: '1962-11-19T12:00-06:00' }]).clock).toBe(s.clock);
    expect(applyEffects(s, [{ clockTo: '1962-11-20T12:00-06:00' }, { clockTo: '1962-11-20T08:00-06:00' }]).clock).toBe(
      timeOf('1962-11-20T12:00-06:00'),
    );
  });

  it('keeps the later time when a meeting time set by clockTo has already passed', () => {
    // Held past 21:00 local, the "tonight" outcome's clockTo 21:00 must not wind the clock back.
    const late = { ...walk([0, 0]), clock: timeOf('1962-11-19T22:00-06:00') };
    const r = step(miniScenario, late, { type: 'choice.made', choice: 0 });
    expect(r.ok && r.state.trail.at(-1)?.roll).toBe(0);
    expect(r.ok && r.state.clock).toBe(late.clock + 30);
  });
});

describe('chance', () => {
  it('draws the same outcome from the same seed, and advances the PRNG state', () => {
    const a = walk([0, 0, 0], 12345);
    const b = walk([0, 0, 0], 12345);
    expect(a).toEqual(b);
    expect(a.rng).not.toBe(start('historical', 12345).rng);
    expect(a.trail.at(-1)?.roll).toBeDefined();
  });

  it('only draws among the outcomes whose conditions hold', () => {
    // Without asking for tonight, the "tonight" outcome (flag asked-tonight) is never drawn.
    for (let seed = 0; seed < 200; seed++) {
      const s = walk([0, 1, 0], seed);
      expect(s.trail.at(-1)?.roll).toBe(1);
      expect(isoUtc(s.clock)).toBe('1962-11-20T16:00Z');
    }
  });

  it('draws outcomes in proportion to their weights', () => {
    // ministry-answers after asking for tonight: weights 3 (tonight) and 1 (tomorrow).
    const n = 4000;
    let tonight = 0;
    for (let seed = 0; seed < n; seed++) if (walk([0, 0, 0], seed).trail.at(-1)?.roll === 0) tonight++;
    expect(tonight / n).toBeGreaterThan(0.72);
    expect(tonight / n).toBeLessThan(0.78);
  });

  it('refuses a chance node where no outcome applies', () => {
    const scenario = withStart({
      phase: 'cable', speaker: 'narrator', text: 'test',
      chance: [{ weight: 1, if: { flag: 'never' }, next: 'call-ministry' }],
    });
    const r = step(scenario, initialState(scenario, { seed: 1, variant: 'historical' }), { type: 'choice.made', choice: 0 });
    expect(r).toEqual({ ok: false, error: 'node "cable-arrives": no chance outcome applies' });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialState, type SessionState } from '../../../src/core/engine/state.ts';
import { availableChoices, isEnded, step } from '../../../src/core/engine/step.ts';
import { replayEvents } from '../../../src/core/log/replay.ts';
import { timingOf } from '../../../src/core/rubric/grade.ts';
import { scoreRubric } from '../../../src/core/rubric/rubric.ts';
import { claimHolds } from '../../../src/core/verdict/claims.ts';
import { verdictOf } from '../../../src/core/verdict/summary.ts';
import type { Scenario } from '../../../src/core/scenario/schema.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../../fixtures/mini-scenario.ts';

function walk(choices: readonly number[], seed = 1, variant = 'historical'): SessionState {
  const r = replayEvents(miniScenario, { seed, variant }, choices);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

describe('rubric', () => {
  it('rates a faithful, complete, discreet report sent in time as good on every count', () => {
    const rubric = scoreRubric(miniScenario, walk(MINI_FAITHFUL_WALK));
    expect(rubric.criteria.map((c) => [c.id, c.level])).toEqual([
      ['timeliness', 'good'],
      ['completeness', 'good'],
      ['discretion', 'good'],
      ['fidelity', 'good'],
      ['candour', 'good'],
      ['outcome', 'good'],
    ]);
    expect(rubric.total).toEqual({ points: 15, max: 15 });
    expect(rubric.fidelity.telegram.plain).toBe(true);
    expect(rubric.timeliness.sentence).toBe(
      'You delivered the message at Mon 19 Nov 21:30 and your report went out at Mon 19 Nov 22:45, ' +
        "both before the President's press conference (Tue 20 Nov 17:00 Test City time).",
    );
    expect(rubric.completeness).toMatchObject({ count: 10, total: 10, missing: [] });
    expect(rubric.fidelity).toMatchObject({ status: 'match', actual: { id: 'support', label: 'Full support' } });
    expect(rubric.outcome).toMatchObject({ outcome: 'calm', outcomeTitle: 'The quarantine is lifted', points: 0, maxPoints: 0 });
  });

  it('lists the points left out, the pitfalls taken and a report that differs from the reaction', () => {
    // Short démarche, both pitfalls, no Organ request; the minister opposes (seed 1) or has reservations.
    const s = walk([1, 0, 0, 1, 1, 2, 0, 0, 0, 0], 1);
    expect(s.leaks).toEqual(['fyi-nato', 'promise-pol']);
    const rubric = scoreRubric(miniScenario, s);
    expect(rubric.completeness).toMatchObject({ level: 'poor', count: 3 });
    expect(rubric.completeness.conveyed.map((p) => p.point)).toEqual(['a', 'f', 'g']);
    expect(rubric.completeness.sentence).toMatch(/^You passed on 3 of the 10 things .* you left out \(b\) organized Soviet military units/);
    expect(rubric.completeness.sentence).toMatch(/and the request for the government's reaction\.$/);
    expect(rubric.discretion.level).toBe('poor');
    expect(rubric.discretion.pitfalls).toEqual([
      { id: 'fyi-nato', kind: 'leak', label: 'Told the minister about the NATO briefings', explanation: miniScenario.pitfalls['fyi-nato']?.explanation },
      { id: 'promise-pol', kind: 'promise', label: 'Promised the quarantine would not cover fuel', explanation: miniScenario.pitfalls['promise-pol']?.explanation },
    ]);
    expect(rubric.discretion.sentence).toBe(
      'You made 2 mistakes a diplomat must not make: "Told the minister about the NATO briefings" and "Promised the quarantine would not cover fuel".',
    );
    expect(rubric.fidelity.status).toBe('mismatch');
    expect(rubric.fidelity.sentence).toMatch(
      new RegExp(`^The government's real reaction was "${rubric.fidelity.actual?.label ?? ''}", but your telegram said "Full support", so Washington worked from a wrong picture\\. Line by line: `),
    );
    // The minister's words were set down as support too (rosier), and the slips went unmentioned.
    expect(rubric.fidelity.sentence).toContain("the minister's words: warmer than what he said");
    expect(rubric.fidelity.level).toBe('poor');
    expect(rubric.candour).toMatchObject({ status: 'silent', points: 1 });
  });

  it('rates a message delivered in time but reported after the deadline as partly on time', () => {
    // Wait for the written answer (the clock jumps to 16:45 local), then send: 17:05, after 17:00.
    const s = walk([0, 0, 0, 0, 0, 0, 0, 2, 0, 3], 1);
    const rubric = scoreRubric(miniScenario, s);
    expect(rubric.timeliness).toMatchObject({ level: 'partial', metInTime: true, sentInTime: false, sent: 'Tue 20 Nov 17:05' });
    expect(rubric.timeliness.sentence).toBe(
      "You delivered the message at Mon 19 Nov 21:30, before the President's press conference (Tue 20 Nov 17:00 Test City time), " +
        'but your report only went out at Tue 20 Nov 17:05, after it.',
    );
    expect(rubric.outcome).toMatchObject({ outcome: 'late', outcomeTitle: 'Too late' });
  });

  it('says plainly when nothing has happened yet', () => {
    const rubric = scoreRubric(miniScenario, initialState(miniScenario, { seed: 1, variant: 'historical' }));
    expect(rubric.timeliness.sentence).toBe(
      "You never delivered the message and you never sent your report, so Washington heard nothing from you before the President's press conference (Tue 20 Nov 17:00 Test City time).",
    );
    expect(rubric.completeness.sentence).toBe('You passed on none of the 10 things the circular asked you to say.');
    expect(rubric.fidelity).toMatchObject({ status: 'not-reported', level: 'poor' });
    expect(rubric.outcome).toMatchObject({ level: 'poor', outcome: null, sentence: 'The game has not reached an ending yet.' });
    // Nothing done: no slip to cost discretion or candour, nothing else earned.
    expect(rubric.total).toEqual({ points: 5, max: 15 });
  });

  it('gives the same rubric for the same state, with a complete sentence for every criterion', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.nat({ max: 99 }), { minLength: 40, maxLength: 40 }), (seed, picks) => {
        let state = initialState(miniScenario, { seed, variant: seed % 2 === 0 ? 'historical' : 'refusal' });
        for (const pick of picks) {
          if (isEnded(miniScenario, state)) break;
          const open = availableChoices(miniScenario, state);
          const r = step(miniScenario, state, { type: 'choice.made', choice: open[pick % open.length]?.index ?? 0 });
          if (r.ok) state = r.state;
        }
        const rubric = scoreRubric(miniScenario, state);
        expect(scoreRubric(miniScenario, structuredClone(state))).toEqual(rubric);
        for (const c of rubric.criteria) {
          expect(c.sentence).toMatch(/^[A-Z].*[.!]$/);
          expect(c.sentence).not.toMatch(/undefined|null|NaN|\[object/);
        }
        expect(rubric.total.points).toBeLessThanOrEqual(rubric.total.max);
      }),
      { numRuns: 100 },
    );
  });
});

describe('rubric: precedence', () => {
  const sentAs = (state: SessionState, precedence: 'ROUTINE' | 'NIACT'): SessionState => ({
    ...state,
    precedence,
    sent: { reported: state.sent?.reported ?? null, precedence, draft: state.sent?.draft ?? [] },
  });

  it('does not count a report sent ROUTINE as reaching Washington in time', () => {
    const rubric = scoreRubric(miniScenario, sentAs(walk(MINI_FAITHFUL_WALK), 'ROUTINE'));
    expect(rubric.timeliness.level).toBe('partial');
    expect(rubric.timeliness.sentence).toMatch(/marked ROUTINE/);
  });

  it('reads the precedence the report left with: a repeat at NIACT after the press conference does not make it on time', () => {
    const routine = sentAs(walk(MINI_FAITHFUL_WALK), 'ROUTINE');
    // Repeated NIACT later: the latest precedence changes, the telegram that left does not.
    const repeated: SessionState = { ...routine, precedence: 'NIACT' };
    const rubric = scoreRubric(miniScenario, repeated);
    expect(rubric.timeliness.level).toBe('partial');
    expect(rubric.timeliness.sentence).toMatch(/marked ROUTINE/);
    expect(timingOf(miniScenario, repeated)).toMatchObject({ sentInTime: true, routine: true, reportInTime: false });
    expect(claimHolds(miniScenario, repeated, 'reported-in-time')).toBe(false);
    expect(verdictOf(miniScenario, repeated).score).toEqual(rubric.total);
    // The rule the game used before: kept only to recognise the logs it scored.
    expect(timingOf(miniScenario, repeated, 'latest-precedence').reportInTime).toBe(true);
    expect(verdictOf(miniScenario, repeated, 'latest-precedence').score.points).toBeGreaterThan(rubric.total.points);
  });

  it('agrees with the claim reported-in-time on any precedence sent and any later one', () => {
    const base = walk(MINI_FAITHFUL_WALK);
    const all = ['ROUTINE', 'PRIORITY', 'NIACT', null] as const;
    for (const left of all) {
      for (const latest of all) {
        const state: SessionState = { ...base, precedence: latest, sent: { reported: base.sent?.reported ?? null, precedence: left, draft: [] } };
        expect(timingOf(miniScenario, state).reportInTime, `${String(left)} then ${String(latest)}`).toBe(claimHolds(miniScenario, state, 'reported-in-time'));
      }
    }
  });
});

describe('rubric: your own remarks', () => {
  it('says that a remark claiming to have kept to the circular hides a slip, as the line-by-line judgement does, not that it is warmer than he said', () => {
    const base = walk(MINI_FAITHFUL_WALK);
    const slipped: SessionState = {
      ...base,
      leaks: ['fyi-nato'],
      draft: [...base.draft.filter((id) => id !== 'p-beyond'), 'p-kept'],
      sent: { reported: base.sent?.reported ?? null, precedence: base.sent?.precedence ?? 'NIACT', draft: [...(base.sent?.draft ?? []).filter((id) => id !== 'p-beyond'), 'p-kept'] },
    };
    const rubric = scoreRubric(miniScenario, slipped);
    const remark = rubric.fidelity.telegram.parts.find((p) => p.part === 'remarks');
    expect(remark).toMatchObject({ verdict: 'rosier', fault: true });
    expect(remark?.sentence).toMatch(/hides a slip/);
    expect(rubric.fidelity.sentence).toMatch(/your own remarks: hides a slip/);
    expect(rubric.fidelity.sentence).not.toMatch(/remarks: warmer/);
  });
});

describe('rubric: the telegram as sent', () => {
  const base = walk(MINI_FAITHFUL_WALK);
  const actual = base.actual ?? '';
  const other = Object.keys(miniScenario.responses).find((id) => id !== actual) ?? '';

  it('judges honesty on the telegram that left, not on a later correction', () => {
    const corrected: SessionState = { ...base, sent: { reported: other, precedence: 'NIACT', draft: [] }, reported: actual };
    const rubric = scoreRubric(miniScenario, corrected);
    expect(rubric.fidelity).toMatchObject({ status: 'corrected', level: 'partial' });
    expect(rubric.fidelity.reported?.id).toBe(other);
    expect(rubric.fidelity.later?.id).toBe(actual);
  });

  it('marks down a faithful telegram that was later contradicted', () => {
    const firmedUp: SessionState = { ...base, sent: { reported: actual, precedence: 'NIACT', draft: base.sent?.draft ?? [] }, reported: other };
    expect(scoreRubric(miniScenario, firmedUp).fidelity).toMatchObject({ status: 'mismatch', level: 'partial' });
  });

  it('counts a reaction that was chosen but never sent as not reported', () => {
    const unsent: SessionState = { ...base, sent: null };
    expect(scoreRubric(miniScenario, unsent).fidelity).toMatchObject({ status: 'not-reported', level: 'poor' });
  });
});

describe("a scenario's own rubric (mission)", () => {
  const state = (): SessionState => walk(MINI_FAITHFUL_WALK);

  it('scores a text without a mission exactly as an embassy told to act: every point, every criterion, 15 points', () => {
    expect(miniScenario.mission).toBeUndefined();
    const rubric = scoreRubric(miniScenario, state());
    expect(rubric.criteria.map((c) => [c.id, c.maxPoints])).toEqual([
      ['timeliness', 4], ['completeness', 2], ['discretion', 2], ['fidelity', 4], ['candour', 3], ['outcome', 0],
    ]);
  });

  it('counts only the points the post must convey, and only the criteria the scenario lists, with its titles and weights', () => {
    const usunLike: Scenario = {
      ...miniScenario,
      mission: {
        instruction: 'action',
        role: 'the United States Representative to the United Nations',
        phases: ['cable', 'appointment', 'meeting', 'report', 'washington', 'debrief'],
        points: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
        rubric: [
          { criterion: 'completeness', title: 'Points (a) to (g), and no more', points: 3, guide: 'Brief him on (a)-(g).' },
          { criterion: 'discretion', title: 'In confidence', points: 4, guide: 'Nothing for the Soviets.' },
        ],
      },
    };
    const s = state();
    const rubric = scoreRubric(usunLike, s);
    expect(rubric.criteria.map((c) => [c.id, c.title, c.maxPoints])).toEqual([
      ['completeness', 'Points (a) to (g), and no more', 3],
      ['discretion', 'In confidence', 4],
      ['outcome', 'How it ended', 0],
    ]);
    expect(rubric.completeness).toMatchObject({ total: 7, count: 7, missing: [] });
    expect(rubric.total).toEqual({ points: 7, max: 7 });
    // Points conveyed beyond the mission's are not counted as conveyed points of it.
    expect(rubric.completeness.conveyed.map((c) => c.point)).not.toContain('organ');
  });

  it('judges only the report against the deadline when the mission needs only the report', () => {
    const infoLike: Scenario = {
      ...miniScenario,
      mission: {
        instruction: 'information',
        role: 'the chargé',
        phases: ['cable', 'appointment', 'meeting', 'report', 'washington', 'debrief'],
        points: [],
        rubric: [{ criterion: 'timeliness', title: 'Report in time', points: 2, guide: 'Report before six.', needs: ['sent'] }],
      },
    };
    const noMeeting: SessionState = { ...state(), marks: { sent: state().marks.sent ?? 0 } };
    const rubric = scoreRubric(infoLike, noMeeting);
    expect(rubric.timeliness).toMatchObject({ level: 'good', points: 2, maxPoints: 2 });
    expect(rubric.timeliness.sentence).not.toMatch(/delivered/);
    expect(rubric.total).toEqual({ points: 2, max: 2 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineOf, initialState, type SentTelegram, type SessionState } from '../../../src/core/engine/state.ts';
import type { Scenario } from '../../../src/core/scenario/schema.ts';
import {
  isFaultVerdict,
  isPlainReport,
  JUDGED_PARTS,
  judgeTelegram,
  type JudgedPart,
  type JudgedPartId,
  type TelegramJudgement,
} from '../../../src/core/telegram/judge.ts';
import { availableChoices, isEnded, step } from '../../../src/core/engine/step.ts';
import { claimHolds } from '../../../src/core/verdict/claims.ts';
import { verdictOf } from '../../../src/core/verdict/summary.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../../fixtures/mini-scenario.ts';
import { randomWalk, walk, walkArb } from '../verdict/walks.ts';

const base = walk(MINI_FAITHFUL_WALK);
const baseSent: SentTelegram = base.sent ?? { reported: null, precedence: null, draft: [] };

/** The faithful walk's end state with the telegram that left changed, and any other fields. */
function withSent(sent: Partial<SentTelegram>, rest: Partial<SessionState> = {}): SessionState {
  return { ...base, ...rest, sent: { ...baseSent, ...sent } };
}

function part(j: TelegramJudgement, id: JudgedPartId): JudgedPart {
  const found = j.parts.filter((p) => p.part === id);
  expect(found, `exactly one "${id}" part`).toHaveLength(1);
  return found[0] as JudgedPart;
}

function judge(state: SessionState, scenario: Scenario = miniScenario): TelegramJudgement {
  return judgeTelegram(scenario, state);
}

describe('judgeTelegram: the faithful walk', () => {
  it('finds every part of a faithful telegram sent NIACT in time faithful, and the telegram plain', () => {
    const j = judge(base);
    expect(j).toMatchObject({ sent: true, consistent: true, plain: true });
    expect(j.parts.map((p) => p.part)).toEqual(JUDGED_PARTS);
    expect(j.parts.map((p) => [p.part, p.verdict, p.fault])).toEqual([
      ['reaction', 'faithful', false],
      ['words', 'faithful', false],
      ['remarks', 'omitted', false],
      ['comment', 'omitted', false],
      ['precedence', 'faithful', false],
      ['time', 'faithful', false],
    ]);
    expect(part(j, 'reaction')).toMatchObject({ title: 'The reaction line', quote: 'GOVT FULLY SUPPORTS US POSITION.', contradicts: [] });
    expect(part(j, 'words').quote).toBe('FONMIN SAID GOVT SUPPORTS US POSITION.');
    expect(part(j, 'precedence').quote).toBe('NIACT');
    expect(part(j, 'time')).toMatchObject({ quote: 'Mon 19 Nov 22:45', sentence: 'It left at Mon 19 Nov 22:45, before the press conference.' });
    expect(part(j, 'reaction').sentence).toBe('It matches what he said ("Full support").');
  });

  it('judges the telegram that left, not a later word to Washington', () => {
    const corrected = { ...base, reported: 'oppose' };
    expect(judge(corrected)).toEqual(judge(base));
  });
});

describe('judgeTelegram: the reaction line', () => {
  it('marks a reaction line warmer than the minister as rosier', () => {
    const p = part(judge(withSent({}, { actual: 'reserve' })), 'reaction');
    expect(p).toMatchObject({ verdict: 'rosier', fault: true, quote: 'GOVT FULLY SUPPORTS US POSITION.' });
    expect(p.sentence).toBe('It makes him sound warmer than he was (he said "Support with reservations").');
  });

  it('marks a reaction line cooler than the minister as darker', () => {
    const p = part(judge(withSent({ reported: 'oppose', draft: [] })), 'reaction');
    expect(p).toMatchObject({ verdict: 'darker', fault: true, quote: 'GOVT OPPOSES FURTHER MEASURES.' });
    expect(p.sentence).toBe('It makes him sound cooler than he was (he said "Full support").');
  });

  it('marks a reaction line as unfounded when the minister gave no reaction', () => {
    const p = part(judge(withSent({}, { actual: null })), 'reaction');
    expect(p).toMatchObject({ verdict: 'unfounded', fault: true });
    expect(p.sentence).toBe('It says more than he said (he said no reaction).');
  });

  it('marks a wrong reaction line as unfounded, neither rosier nor darker, when the responses have no warmth', () => {
    const flat: Scenario = {
      ...miniScenario,
      responses: Object.fromEntries(Object.entries(miniScenario.responses).map(([id, r]) => [id, { ...r, warmth: undefined }])),
    };
    expect(part(judge(withSent({}, { actual: 'reserve' }), flat), 'reaction').verdict).toBe('unfounded');
    expect(part(judge(withSent({ reported: 'oppose' }), flat), 'reaction').verdict).toBe('unfounded');
  });

  it('marks a telegram with no reaction line as omitted, a fault, and never plain', () => {
    const j = judge(withSent({ reported: null }));
    expect(part(j, 'reaction')).toMatchObject({ verdict: 'omitted', fault: true, quote: null, sentence: 'Your telegram gave no reaction at all.' });
    // Every other part is faithful or left out, and nothing disagrees: still not plain.
    expect(j.consistent).toBe(true);
    expect(j.parts.filter((p) => p.part !== 'reaction').every((p) => p.verdict === 'faithful' || p.verdict === 'omitted')).toBe(true);
    expect(j.plain).toBe(false);
  });

  it('marks every part omitted when no telegram was sent', () => {
    const j = judge({ ...base, sent: null });
    expect(j).toMatchObject({ sent: false, consistent: true, plain: false });
    expect(j.parts.map((p) => p.verdict)).toEqual(JUDGED_PARTS.map(() => 'omitted'));
    expect(j.parts.every((p) => p.quote === null)).toBe(true);
    expect(part(j, 'reaction').sentence).toBe('You never sent a telegram.');
    // Leaving out the words is only a fault in a telegram that was sent.
    expect(j.parts.map((p) => [p.part, p.fault])).toEqual([
      ['reaction', true],
      ['words', false],
      ['remarks', false],
      ['comment', false],
      ['precedence', true],
      ['time', true],
    ]);
  });

  it('judges the initial state without throwing: nothing sent', () => {
    const j = judge(initialState(miniScenario, { seed: 1, variant: 'historical' }));
    expect(j.sent).toBe(false);
    expect(j.plain).toBe(false);
  });
});

describe("judgeTelegram: the minister's words and the comment", () => {
  it('marks words warmer than the minister as rosier', () => {
    const p = part(judge(withSent({ reported: 'reserve', draft: ['p-support'] }, { actual: 'reserve' })), 'words');
    expect(p).toMatchObject({ verdict: 'rosier', fault: true, quote: 'FONMIN SAID GOVT SUPPORTS US POSITION.' });
    expect(p.sentence).toBe('The words you set down: It makes him sound warmer than he was (he said "Support with reservations").');
  });

  it('marks words cooler than the minister as darker', () => {
    const p = part(judge(withSent({ draft: ['p-oppose'] })), 'words');
    expect(p).toMatchObject({ verdict: 'darker', fault: true });
  });

  it('marks a comment that fits both a warmer and a cooler reaction, but not the real one, as unfounded', () => {
    const j = judge(withSent({ draft: ['p-support', 'p-either'] }, { actual: 'reserve' }));
    const p = part(j, 'comment');
    expect(p).toMatchObject({ verdict: 'unfounded', fault: true, quote: 'GOVT MAY GO EITHER WAY.' });
    expect(p.sentence).toBe('Your judgement: It says more than he said (he said "Support with reservations").');
    // All three statements allow "support", so they do not contradict each other, though all are wrong.
    expect(j.consistent).toBe(true);
    expect(j.plain).toBe(false);
  });

  it("makes leaving out the minister's words a fault", () => {
    const p = part(judge(withSent({ draft: [] })), 'words');
    expect(p).toMatchObject({ verdict: 'omitted', fault: true, quote: null });
    expect(p.sentence).toMatch(/only your summary/);
  });

  it('does not count an empty comment as a fault, and the telegram stays plain', () => {
    const j = judge(base);
    expect(part(j, 'comment')).toMatchObject({ verdict: 'omitted', fault: false, sentence: 'You added no comment of your own; that is allowed.' });
    expect(j.plain).toBe(true);
  });

  it('finds a faithful comment faithful and the telegram plain', () => {
    const j = judge(withSent({ reported: 'reserve', draft: ['p-reserve', 'p-consult'] }, { actual: 'reserve', reported: 'reserve' }));
    expect(part(j, 'comment')).toMatchObject({ verdict: 'faithful', fault: false, quote: 'FONMIN WILL CONSULT PRESIDENT BEFORE ORGAN MEETS.' });
    expect(j.plain).toBe(true);
  });

  it('ignores paragraphs that are not judged and ids that are not paragraphs', () => {
    const j = judge(withSent({ draft: ['p-support', 'p-details', 'no-such-paragraph'] }));
    expect(j.parts).toHaveLength(JUDGED_PARTS.length);
    expect(j.plain).toBe(true);
  });
});

describe('judgeTelegram: the remarks', () => {
  it('marks remarks that say the ambassador kept to the circular, when he had slipped, as rosier: they hide a slip', () => {
    const p = part(judge(withSent({ draft: ['p-support', 'p-kept'] }, { leaks: ['fyi-nato'] })), 'remarks');
    expect(p).toMatchObject({ verdict: 'rosier', fault: true, quote: 'I KEPT STRICTLY TO POINTS IN REFTEL.' });
    expect(p.sentence).toMatch(/hides a slip/);
  });

  it('counts a promise as a slip as much as a leak', () => {
    expect(part(judge(withSent({ draft: ['p-kept'] }, { leaks: ['promise-pol'] })), 'remarks').verdict).toBe('rosier');
  });

  it('marks remarks that own up to a slip as faithful', () => {
    const j = judge(withSent({ draft: ['p-support', 'p-beyond'] }, { leaks: ['fyi-nato'] }));
    expect(part(j, 'remarks')).toMatchObject({ verdict: 'faithful', fault: false });
    expect(j.plain).toBe(true);
  });

  it('marks remarks that confess a slip never made as darker', () => {
    const j = judge(withSent({ draft: ['p-support', 'p-beyond'] }));
    expect(part(j, 'remarks')).toMatchObject({ verdict: 'darker', fault: true, sentence: 'You reported a slip you had not made.' });
    expect(j.plain).toBe(false);
  });

  it('marks remarks that say he kept to the circular, when he had, as faithful', () => {
    const j = judge(withSent({ draft: ['p-support', 'p-kept'] }));
    expect(part(j, 'remarks')).toMatchObject({ verdict: 'faithful', fault: false });
    expect(j.plain).toBe(true);
  });

  it('makes leaving out the remarks a fault after a slip', () => {
    const p = part(judge(withSent({}, { leaks: ['fyi-nato'] })), 'remarks');
    expect(p).toMatchObject({ verdict: 'omitted', fault: true, sentence: 'You went beyond your instructions and did not say so.' });
  });

  it('does not make leaving out the remarks a fault without a slip', () => {
    expect(part(judge(base), 'remarks')).toMatchObject({ verdict: 'omitted', fault: false });
  });

  it('does not count a concealment as a slip to report', () => {
    expect(part(judge(withSent({}, { leaks: ['hid-slip'] })), 'remarks')).toMatchObject({ verdict: 'omitted', fault: false });
  });

  it('never counts the remarks in a contradiction about the reaction', () => {
    const j = judge(withSent({ draft: ['p-support', 'p-beyond'] }, { leaks: ['fyi-nato'] }));
    expect(j.parts.every((p) => p.contradicts.length === 0)).toBe(true);
  });
});

describe('judgeTelegram: precedence and time', () => {
  it('marks ROUTINE as late, a fault', () => {
    const p = part(judge(withSent({ precedence: 'ROUTINE' })), 'precedence');
    expect(p).toMatchObject({ verdict: 'late', fault: true, quote: 'ROUTINE' });
    expect(p.sentence).toMatch(/would not be read before the President spoke/);
  });

  it('marks PRIORITY as faithful', () => {
    expect(part(judge(withSent({ precedence: 'PRIORITY' })), 'precedence')).toMatchObject({ verdict: 'faithful', fault: false, quote: 'PRIORITY' });
  });

  it('marks a telegram without a precedence as omitted, a fault', () => {
    expect(part(judge(withSent({ precedence: null })), 'precedence')).toMatchObject({ verdict: 'omitted', fault: true, quote: null });
  });

  it('keeps a late telegram plain: plainness is about what it says, not when', () => {
    const j = judge(withSent({ precedence: 'ROUTINE' }, { marks: { ...base.marks, sent: deadlineOf(miniScenario) + 5 } }));
    expect(part(j, 'time').verdict).toBe('late');
    expect(j.plain).toBe(true);
  });

  it('marks a time after the deadline as late, and one a minute before as faithful', () => {
    const deadline = deadlineOf(miniScenario);
    const late = part(judge(withSent({}, { marks: { ...base.marks, sent: deadline } })), 'time');
    expect(late).toMatchObject({ verdict: 'late', fault: true, quote: 'Tue 20 Nov 17:00' });
    expect(late.sentence).toBe('It left at Tue 20 Nov 17:00, after the President had begun to speak.');
    const justInTime = part(judge(withSent({}, { marks: { ...base.marks, sent: deadline - 1 } })), 'time');
    expect(justInTime).toMatchObject({ verdict: 'faithful', fault: false, quote: 'Tue 20 Nov 16:59' });
  });

  it('marks the time as omitted when no time of sending was recorded', () => {
    const marks = base.marks.met === undefined ? {} : { met: base.marks.met };
    expect(part(judge({ ...base, marks }), 'time')).toMatchObject({ verdict: 'omitted', fault: true, quote: null });
  });
});

describe('judgeTelegram: contradictions', () => {
  it('lists two parts that disagree about the reaction as contradicting each other, and the telegram is then neither consistent nor plain', () => {
    const j = judge(withSent({ draft: ['p-oppose'] }));
    expect(part(j, 'reaction').contradicts).toEqual(['words']);
    expect(part(j, 'words').contradicts).toEqual(['reaction']);
    expect(j.consistent).toBe(false);
    expect(j.plain).toBe(false);
  });

  it('makes a contradicting part a fault even when it is faithful to what the minister said', () => {
    // The minister opposed; the words say so, the reaction line says full support.
    const j = judge(withSent({ draft: ['p-oppose'] }, { actual: 'oppose' }));
    expect(part(j, 'words')).toMatchObject({ verdict: 'faithful', fault: true, contradicts: ['reaction'] });
    expect(part(j, 'reaction')).toMatchObject({ verdict: 'rosier', fault: true, contradicts: ['words'] });
  });

  it('lists every part a statement contradicts', () => {
    // Reaction: support; words: reservations; comment: reservations. The comment agrees with the words only.
    const j = judge(withSent({ draft: ['p-reserve', 'p-consult'] }));
    expect(part(j, 'reaction').contradicts).toEqual(['words', 'comment']);
    expect(part(j, 'words').contradicts).toEqual(['reaction']);
    expect(part(j, 'comment').contradicts).toEqual(['reaction']);
  });

  it('finds no contradiction between statements that share a reaction they allow', () => {
    const j = judge(withSent({ reported: 'oppose', draft: ['p-oppose', 'p-either'] }, { actual: 'oppose' }));
    expect(j.consistent).toBe(true);
  });
});

describe('isFaultVerdict', () => {
  it('counts rosier, darker, unfounded and late against a report, and not faithful or omitted', () => {
    expect(['faithful', 'rosier', 'darker', 'unfounded', 'omitted', 'late'].filter((v) => isFaultVerdict(v as JudgedPart['verdict']))).toEqual([
      'rosier',
      'darker',
      'unfounded',
      'late',
    ]);
  });
});

describe('judgeTelegram and verdictOf over random walks', () => {
  it('never throw, give the same answer for the same state, and a plain telegram is always an honest report', () => {
    fc.assert(
      fc.property(walkArb, ({ seed, variant, picks }) => {
        for (const state of randomWalk(seed, variant, picks)) {
          const j = judgeTelegram(miniScenario, state);
          expect(judgeTelegram(miniScenario, structuredClone(state))).toEqual(j);
          expect(verdictOf(miniScenario, structuredClone(state))).toEqual(verdictOf(miniScenario, state));
          expect(j.parts.map((p) => p.part)).toEqual(JUDGED_PARTS);
          if (j.plain) expect(claimHolds(miniScenario, state, 'honest-report')).toBe(true);
          expect(j.consistent).toBe(j.parts.every((p) => p.contradicts.length === 0));
          for (const p of j.parts) if (isFaultVerdict(p.verdict) || p.contradicts.length > 0) expect(p.fault, p.part).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never throw on arbitrary telegrams, reactions and slips', () => {
    const responses = [null, ...Object.keys(miniScenario.responses)];
    const arb = fc.record({
      actual: fc.constantFrom(...responses),
      reported: fc.constantFrom(...responses),
      precedence: fc.constantFrom(null, 'NIACT' as const, 'PRIORITY' as const, 'ROUTINE' as const),
      draft: fc.subarray([...Object.keys(miniScenario.telegram.paragraphs), 'no-such-paragraph']),
      leaks: fc.subarray([...Object.keys(miniScenario.pitfalls), 'no-such-pitfall']),
      sentAt: fc.option(fc.integer({ min: deadlineOf(miniScenario) - 2000, max: deadlineOf(miniScenario) + 2000 })),
      sent: fc.boolean(),
    });
    const withoutSentMark = base.marks.met === undefined ? {} : { met: base.marks.met };
    fc.assert(
      fc.property(arb, (a) => {
        const state: SessionState = {
          ...base,
          actual: a.actual,
          leaks: a.leaks,
          marks: a.sentAt === null ? withoutSentMark : { ...base.marks, sent: a.sentAt },
          sent: a.sent ? { reported: a.reported, precedence: a.precedence, draft: a.draft } : null,
        };
        const j = judgeTelegram(miniScenario, state);
        expect(judgeTelegram(miniScenario, structuredClone(state))).toEqual(j);
        expect(() => verdictOf(miniScenario, state)).not.toThrow();
        if (j.plain) expect(claimHolds(miniScenario, state, 'honest-report')).toBe(true);
        for (const p of j.parts) {
          expect(p.sentence).toMatch(/^[A-Z].*[.)]$/);
          expect(p.sentence).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('isPlainReport', () => {
  it('agrees with the full judgement on every state of random walks', () => {
    for (let seed = 1; seed <= 300; seed++) {
      let state = initialState(miniScenario, { seed, variant: seed % 2 ? 'historical' : 'refusal' });
      for (let i = 0; i < 60 && !isEnded(miniScenario, state); i++) {
        const open = availableChoices(miniScenario, state);
        const r = step(miniScenario, state, { type: 'choice.made', choice: open[(seed * 31 + i * 7) % open.length]?.index ?? 0 });
        if (!r.ok) break;
        state = r.state;
        expect(isPlainReport(miniScenario, state)).toBe(judgeTelegram(miniScenario, state).plain);
      }
    }
  });
});

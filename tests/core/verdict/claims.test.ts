import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holds } from '../../../src/core/engine/conditions.ts';
import { deadlineOf, initialState, type SentTelegram, type SessionState } from '../../../src/core/engine/state.ts';
import { isEnded } from '../../../src/core/engine/step.ts';
import { scoreRubric } from '../../../src/core/rubric/rubric.ts';
import { CLAIMS, type ClaimId } from '../../../src/core/scenario/schema.ts';
import { judgeTelegram } from '../../../src/core/telegram/judge.ts';
import { brokenClaims, CLAIM_TEXT, claimHolds, evaluateClaims } from '../../../src/core/verdict/claims.ts';
import { verdictOf } from '../../../src/core/verdict/summary.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../../fixtures/mini-scenario.ts';
import { LATE_WALK, randomWalk, SLIPPED_WALK, walk, walkArb } from './walks.ts';

const base = walk(MINI_FAITHFUL_WALK);
const baseSent: SentTelegram = base.sent ?? { reported: null, precedence: null, draft: [] };
const deadline = deadlineOf(miniScenario);
const fresh = initialState(miniScenario, { seed: 1, variant: 'historical' });

function withSent(sent: Partial<SentTelegram>, rest: Partial<SessionState> = {}): SessionState {
  return { ...base, ...rest, sent: { ...baseSent, ...sent } };
}

const claim = (state: SessionState, id: ClaimId): boolean => claimHolds(miniScenario, state, id);

describe('claimHolds', () => {
  it('finds every claim true of the faithful walk but "corrected" (there was nothing to correct)', () => {
    const all = evaluateClaims(miniScenario, base);
    expect(Object.keys(all)).toEqual([...CLAIMS]);
    expect(CLAIMS.filter((c) => !all[c])).toEqual(['corrected']);
  });

  it('finds every claim but the slip-free ones false before anything has happened', () => {
    const all = evaluateClaims(miniScenario, fresh);
    expect(CLAIMS.filter((c) => all[c])).toEqual(['no-leak', 'no-promise', 'no-concealment']);
  });

  it('met-in-time: the démarche made before the press conference', () => {
    expect(claim(base, 'met-in-time')).toBe(true);
    expect(claim({ ...base, marks: { ...base.marks, met: deadline - 1 } }, 'met-in-time')).toBe(true);
    expect(claim({ ...base, marks: { ...base.marks, met: deadline } }, 'met-in-time')).toBe(false);
    expect(claim({ ...base, marks: { sent: base.marks.sent } as SessionState['marks'] }, 'met-in-time')).toBe(false);
  });

  it('report-sent: a telegram left the embassy', () => {
    expect(claim(base, 'report-sent')).toBe(true);
    expect(claim({ ...base, sent: null }, 'report-sent')).toBe(false);
  });

  it('reported-in-time: sent before the press conference and not ROUTINE', () => {
    expect(claim(base, 'reported-in-time')).toBe(true);
    expect(claim(withSent({ precedence: 'PRIORITY' }), 'reported-in-time')).toBe(true);
    expect(claim(withSent({ precedence: 'ROUTINE' }), 'reported-in-time')).toBe(false);
    expect(claim({ ...base, marks: { ...base.marks, sent: deadline } }, 'reported-in-time')).toBe(false);
    expect(claim({ ...base, sent: null }, 'reported-in-time')).toBe(false);
    expect(claim(walk(LATE_WALK), 'reported-in-time')).toBe(false);
  });

  it('honest-report: the reaction line of the telegram that left was the actual reaction', () => {
    expect(claim(base, 'honest-report')).toBe(true);
    expect(claim(withSent({ reported: 'reserve' }), 'honest-report')).toBe(false);
    expect(claim(withSent({ reported: null }), 'honest-report')).toBe(false);
    expect(claim(withSent({ reported: null }, { actual: null }), 'honest-report')).toBe(false);
    // A later correction does not make the telegram that left honest.
    expect(claim(withSent({ reported: 'reserve' }, { reported: 'support' }), 'honest-report')).toBe(false);
    expect(claim(walk(SLIPPED_WALK), 'honest-report')).toBe(false);
  });

  it('plain-report: the telegram is plain as judgeTelegram finds it', () => {
    expect(claim(base, 'plain-report')).toBe(true);
    const contradicted = withSent({ draft: ['p-oppose'] });
    expect(claim(contradicted, 'plain-report')).toBe(false);
    expect(judgeTelegram(miniScenario, contradicted).plain).toBe(false);
  });

  it('final-word-true: the last word Washington had is the actual reaction', () => {
    expect(claim(base, 'final-word-true')).toBe(true);
    expect(claim({ ...base, reported: 'oppose' }, 'final-word-true')).toBe(false);
    expect(claim({ ...base, reported: null }, 'final-word-true')).toBe(false);
    expect(claim({ ...base, reported: null, actual: null }, 'final-word-true')).toBe(false);
  });

  it('corrected: a wrong telegram put right by a later word', () => {
    expect(claim(withSent({ reported: 'reserve' }, { reported: 'support' }), 'corrected')).toBe(true);
    expect(claim(withSent({ reported: 'reserve' }, { reported: 'reserve' }), 'corrected')).toBe(false);
    expect(claim(withSent({ reported: 'reserve' }, { reported: 'oppose' }), 'corrected')).toBe(false);
    expect(claim(base, 'corrected')).toBe(false);
    // A telegram with no reaction line was not wrong, only empty: supplying it later is not a correction.
    expect(claim(withSent({ reported: null }, { reported: 'support' }), 'corrected')).toBe(false);
    expect(claim({ ...base, sent: null }, 'corrected')).toBe(false);
  });

  it('no-leak, no-promise and no-concealment: each broken by its own kind of pitfall only', () => {
    const kinds: [string, ClaimId][] = [
      ['fyi-nato', 'no-leak'],
      ['promise-pol', 'no-promise'],
      ['hid-slip', 'no-concealment'],
    ];
    for (const [pitfall, broken] of kinds) {
      const s = { ...base, leaks: [pitfall] };
      expect(
        (['no-leak', 'no-promise', 'no-concealment'] as const).filter((c) => !claim(s, c)),
        pitfall,
      ).toEqual([broken]);
    }
    expect(claim({ ...base, leaks: ['no-such-pitfall'] }, 'no-leak')).toBe(true);
    const slipped = walk(SLIPPED_WALK);
    expect([claim(slipped, 'no-leak'), claim(slipped, 'no-promise'), claim(slipped, 'no-concealment')]).toEqual([false, false, true]);
  });
});

describe('evaluateClaims', () => {
  it('gives every claim its claimHolds value, on any walk', () => {
    fc.assert(
      fc.property(walkArb, ({ seed, variant, picks }) => {
        const state = randomWalk(seed, variant, picks).at(-1) ?? fresh;
        const all = evaluateClaims(miniScenario, state);
        for (const c of CLAIMS) expect(all[c], c).toBe(claimHolds(miniScenario, state, c));
        expect(all['plain-report']).toBe(judgeTelegram(miniScenario, state).plain);
        if (all['plain-report']) expect(all['honest-report']).toBe(true);
        if (all.corrected) expect([all['honest-report'], all['final-word-true']]).toEqual([false, true]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('brokenClaims', () => {
  it('finds nothing broken at an ending whose claims hold', () => {
    expect(brokenClaims(miniScenario, base)).toEqual([]);
    expect(brokenClaims(miniScenario, walk(LATE_WALK))).toEqual([]);
  });

  it('finds nothing broken where no claim is stated: before an ending, or at an ending without claims', () => {
    expect(brokenClaims(miniScenario, fresh)).toEqual([]);
    const home = { ...base, node: 'end-home', sent: null };
    expect(brokenClaims(miniScenario, home)).toEqual([]);
  });

  it('lists a claim stated true that does not hold', () => {
    expect(brokenClaims(miniScenario, { ...base, sent: null })).toEqual([{ claim: 'report-sent', stated: true }]);
  });

  it('lists a claim stated false that holds', () => {
    const late = walk(LATE_WALK);
    const inTime = { ...late, marks: { ...late.marks, sent: deadline - 1 } };
    expect(brokenClaims(miniScenario, inTime)).toEqual([{ claim: 'reported-in-time', stated: false }]);
  });

  it('lists every broken claim, in the order of CLAIMS', () => {
    const broken = { ...base, sent: null, marks: {} };
    expect(brokenClaims(miniScenario, broken)).toEqual([
      { claim: 'met-in-time', stated: true },
      { claim: 'report-sent', stated: true },
    ]);
  });

  it('finds the claims of the fixture true on every walk that reaches an ending', () => {
    fc.assert(
      fc.property(walkArb, ({ seed, variant, picks }) => {
        const state = randomWalk(seed, variant, [...picks, ...Array<number>(14).fill(0)]).at(-1) ?? fresh;
        expect(isEnded(miniScenario, state)).toBe(true);
        expect(brokenClaims(miniScenario, state), state.node).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the claim condition', () => {
  it('holds exactly when the claim holds, alone, negated and combined', () => {
    const dishonest = withSent({ reported: 'reserve' });
    expect(holds(miniScenario, base, { claim: 'honest-report' })).toBe(true);
    expect(holds(miniScenario, dishonest, { claim: 'honest-report' })).toBe(false);
    expect(holds(miniScenario, dishonest, { not: { claim: 'honest-report' } })).toBe(true);
    expect(holds(miniScenario, base, { all: [{ claim: 'honest-report' }, { claim: 'no-leak' }] })).toBe(true);
    expect(holds(miniScenario, { ...base, leaks: ['fyi-nato'] }, { all: [{ claim: 'honest-report' }, { claim: 'no-leak' }] })).toBe(false);
    expect(holds(miniScenario, dishonest, { any: [{ claim: 'honest-report' }, { claim: 'report-sent' }] })).toBe(true);
  });

  it('agrees with claimHolds for every claim on any walk', () => {
    fc.assert(
      fc.property(walkArb, ({ seed, variant, picks }) => {
        for (const state of randomWalk(seed, variant, picks)) {
          for (const c of CLAIMS) expect(holds(miniScenario, state, { claim: c })).toBe(claimHolds(miniScenario, state, c));
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('CLAIM_TEXT', () => {
  it('has a sentence for each claim holding and not holding', () => {
    for (const c of CLAIMS) {
      const [yes, no] = CLAIM_TEXT[c];
      expect(yes).toMatch(/^You|^Your|^The /);
      expect(no).not.toBe(yes);
    }
  });
});

describe('verdictOf', () => {
  it('gives the ending, its stated claims with their sentences, and the rubric score', () => {
    expect(verdictOf(miniScenario, base)).toEqual({
      outcome: 'calm',
      title: 'The quarantine is lifted',
      claims: [
        { claim: 'met-in-time', stated: true, holds: true, text: 'You delivered the message before the President spoke' },
        { claim: 'report-sent', stated: true, holds: true, text: 'You sent a report' },
      ],
      score: scoreRubric(miniScenario, base).total,
    });
    expect(verdictOf(miniScenario, base).score).toEqual({ points: 15, max: 15 });
  });

  it('words a claim stated false with its negative sentence', () => {
    const v = verdictOf(miniScenario, walk(LATE_WALK));
    expect(v).toMatchObject({ outcome: 'late', title: 'Too late' });
    expect(v.claims.map((c) => [c.claim, c.stated, c.text])).toEqual([
      ['report-sent', true, 'You sent a report'],
      ['reported-in-time', false, 'Your report did not reach Washington in time'],
    ]);
  });

  it('marks a claim stated true that the record does not bear out', () => {
    const v = verdictOf(miniScenario, { ...base, sent: null });
    expect(v.claims.find((c) => c.claim === 'report-sent')).toMatchObject({ stated: true, holds: false });
    expect(v.claims.find((c) => c.claim === 'met-in-time')).toMatchObject({ stated: true, holds: true });
  });

  it('gives no outcome, title or claims before an ending, but still a score', () => {
    const v = verdictOf(miniScenario, fresh);
    expect(v).toEqual({ outcome: null, title: null, claims: [], score: scoreRubric(miniScenario, fresh).total });
  });
});

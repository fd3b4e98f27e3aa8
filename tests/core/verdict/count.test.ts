import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialState, type SentTelegram, type SessionState } from '../../../src/core/engine/state.ts';
import type { Scenario } from '../../../src/core/scenario/schema.ts';
import { organVote, tallyText, washingtonCount, washingtonHeard, type CountRow } from '../../../src/core/verdict/count.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../../fixtures/mini-scenario.ts';
import { randomWalk, SLIPPED_WALK, walk, walkArb } from './walks.ts';

const base = walk(MINI_FAITHFUL_WALK);
const baseSent: SentTelegram = base.sent ?? { reported: null, precedence: null, draft: [] };
const fresh = initialState(miniScenario, { seed: 1, variant: 'historical' });
const SUPPORT_COUNT = "Full support, by the embassy's telegram.";

function postRow(state: SessionState, scenario: Scenario = miniScenario): CountRow {
  const row = washingtonCount(scenario, state).rows.find((r) => r.post);
  if (!row) throw new Error('no post row');
  return row;
}

describe('washingtonCount', () => {
  it("lists the other republics from the research and the post's own row, in order of country", () => {
    const count = washingtonCount(miniScenario, base);
    expect(count.note).toBe('Fixture: two other republics, as Washington counts them.');
    expect(count.rows).toEqual([
      { country: 'Alphaland', line: 'Backs the quarantine.', vote: 'for', source: 'Test fixture; not a historical source', post: false },
      { country: 'Testland', line: SUPPORT_COUNT, vote: 'for', source: null, post: true },
      { country: 'Zedland', line: 'Will abstain on armed measures.', vote: 'abstain', source: 'Test fixture; not a historical source', post: false },
    ]);
    expect(count.heard).toBe(true);
    expect(count.tally).toEqual({ for: 2, abstain: 1, against: 0, unknown: 0 });
  });

  it("says there is no word yet from the post before the telegram is sent", () => {
    const count = washingtonCount(miniScenario, fresh);
    expect(count.heard).toBe(false);
    expect(postRow(fresh)).toMatchObject({ line: 'No word yet from Test City.', vote: null, source: null });
    expect(count.tally).toEqual({ for: 1, abstain: 1, against: 0, unknown: 1 });
    // A reaction chosen in the code room but not yet sent is not on Martin's desk either.
    expect(postRow({ ...base, sent: null })).toMatchObject({ line: 'No word yet from Test City.', vote: null });
  });

  it("follows the reported reaction, not what the minister actually said", () => {
    const rosy = walk(SLIPPED_WALK);
    expect([rosy.actual, rosy.reported]).toEqual(['reserve', 'support']);
    expect(postRow(rosy)).toMatchObject({ line: SUPPORT_COUNT, vote: 'for' });
    expect(postRow({ ...base, actual: 'oppose' })).toMatchObject({ line: SUPPORT_COUNT, vote: 'for' });
  });

  it('follows the latest word to Washington, not the telegram as first sent', () => {
    const corrected = { ...base, sent: { ...baseSent, reported: 'support' }, reported: 'oppose' };
    expect(postRow(corrected)).toMatchObject({ line: 'GOVT OPPOSES FURTHER MEASURES.', vote: 'against' });
  });

  it("uses the response's telegram line when it has no line of its own for the count", () => {
    expect(postRow({ ...base, reported: 'reserve' })).toMatchObject({ line: 'GOVT SUPPORTS WITH RESERVATIONS.', vote: 'abstain' });
  });

  it('does not put a ROUTINE telegram on the desk', () => {
    const routine = { ...base, precedence: 'ROUTINE' as const, sent: { ...baseSent, precedence: 'ROUTINE' as const } };
    const count = washingtonCount(miniScenario, routine);
    expect(count.heard).toBe(false);
    expect(postRow(routine)).toMatchObject({ line: "Nothing on the desk yet: Test City's telegram is in the ROUTINE queue.", vote: null });
    expect(count.tally.unknown).toBe(1);
  });

  it('puts a ROUTINE telegram on the desk once it is repeated at a higher precedence', () => {
    const repeated = { ...base, precedence: 'NIACT' as const, sent: { ...baseSent, precedence: 'ROUTINE' as const } };
    expect(washingtonHeard(repeated)).toBe(true);
    expect(postRow(repeated)).toMatchObject({ line: SUPPORT_COUNT, vote: 'for' });
  });

  it('says so when the telegram gave no reaction', () => {
    expect(postRow({ ...base, reported: null })).toMatchObject({ line: 'Test City reports the démarche made, but gives no reaction.', vote: null });
  });

  it('shows only the post when the scenario has no hemisphere', () => {
    const rest: Scenario = { ...miniScenario };
    delete rest.hemisphere;
    const count = washingtonCount(rest, base);
    expect(count.note).toBe('');
    expect(count.rows).toEqual([{ country: 'Testland', line: SUPPORT_COUNT, vote: 'for', source: null, post: true }]);
    expect(count.tally).toEqual({ for: 1, abstain: 0, against: 0, unknown: 0 });
  });

  it('has a tally that sums to the number of rows, and one post row, on any walk', () => {
    fc.assert(
      fc.property(walkArb, ({ seed, variant, picks }) => {
        for (const state of randomWalk(seed, variant, picks)) {
          const count = washingtonCount(miniScenario, state);
          const { for: f, abstain, against, unknown } = count.tally;
          expect(f + abstain + against + unknown).toBe(count.rows.length);
          expect(count.rows.filter((r) => r.post)).toHaveLength(1);
          expect(count.heard).toBe(washingtonHeard(state));
          if (!count.heard) expect(postRow(state).vote).toBeNull();
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('washingtonHeard', () => {
  it('is true once a telegram has gone at NIACT or PRIORITY, and not before or at ROUTINE', () => {
    expect(washingtonHeard(fresh)).toBe(false);
    expect(washingtonHeard(base)).toBe(true);
    expect(washingtonHeard({ ...base, precedence: 'PRIORITY' })).toBe(true);
    expect(washingtonHeard({ ...base, precedence: 'ROUTINE' })).toBe(false);
    expect(washingtonHeard({ ...base, sent: null })).toBe(false);
  });
});

describe('organVote', () => {
  it('counts and casts the same vote when the report was true', () => {
    const v = organVote(miniScenario, base);
    expect(v).toEqual({
      counted: { for: 2, abstain: 1, against: 0, unknown: 0 },
      cast: { for: 2, abstain: 1, against: 0, unknown: 0 },
      postCounted: 'for',
      postCast: 'for',
      votes: true,
    });
  });

  it("casts the post's vote as the minister actually stood, while the count follows the report", () => {
    const v = organVote(miniScenario, { ...base, actual: 'oppose' });
    expect(v.postCounted).toBe('for');
    expect(v.postCast).toBe('against');
    expect(v.counted).toEqual({ for: 2, abstain: 1, against: 0, unknown: 0 });
    expect(v.cast).toEqual({ for: 1, abstain: 1, against: 1, unknown: 0 });
  });

  it('counts the post as not known before Washington hears from it, but casts its real vote', () => {
    const v = organVote(miniScenario, { ...base, sent: null });
    expect(v.postCounted).toBeNull();
    expect(v.counted).toEqual({ for: 1, abstain: 1, against: 0, unknown: 1 });
    expect(v.postCast).toBe('for');
    expect(v.cast).toEqual({ for: 2, abstain: 1, against: 0, unknown: 0 });
  });

  it('casts the post as abstaining when the minister never answered', () => {
    const v = organVote(miniScenario, fresh);
    expect(v.postCast).toBeNull();
    expect(v.cast).toEqual({ for: 1, abstain: 2, against: 0, unknown: 0 });
  });

  it('has counted and cast tallies of the same size on any walk', () => {
    fc.assert(
      fc.property(walkArb, ({ seed, variant, picks }) => {
        const state = randomWalk(seed, variant, picks).at(-1) ?? fresh;
        const v = organVote(miniScenario, state);
        const size = (t: typeof v.cast): number => t.for + t.abstain + t.against + t.unknown;
        expect(size(v.counted)).toBe(3);
        expect(size(v.cast)).toBe(3);
        expect(v.cast.unknown).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});

describe('tallyText', () => {
  it('reads the tally in the order for, abstaining, against, then the unknown', () => {
    expect(tallyText({ for: 17, abstain: 3, against: 0, unknown: 1 })).toBe('17 for, 3 abstaining, 0 against, 1 not known');
  });

  it('leaves out the unknown when every vote is known', () => {
    expect(tallyText({ for: 2, abstain: 1, against: 0, unknown: 0 })).toBe('2 for, 1 abstaining, 0 against');
  });
});

describe("the shared table (Washington's side in one place)", () => {
  const withoutOwn: Scenario = { ...miniScenario };
  delete withoutOwn.hemisphere;
  const shared = {
    note: 'Shared note.',
    republics: [
      { country: 'Otherland', line: 'With us.', vote: 'for' as const, source: 'A source of some length' },
      { country: 'Testland', line: 'The shared line for the post itself.', vote: 'against' as const, source: 'A source of some length' },
      { country: 'Thirdland', line: 'Abstains.', vote: 'abstain' as const, source: 'A source of some length' },
    ],
  };

  it("takes the other rows from the shared table and the post's own row from the telegram, never from the table", () => {
    const count = washingtonCount(withoutOwn, base, shared);
    expect(count.note).toBe('Shared note.');
    expect(count.rows.map((r) => r.country)).toEqual(['Otherland', 'Testland', 'Thirdland']);
    const own = count.rows.filter((r) => r.country === withoutOwn.post.country);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ post: true, vote: 'for', source: null });
  });

  it('gives a post that is not one of the republics no row and no vote of its own', () => {
    const elsewhere = { ...withoutOwn, post: { ...withoutOwn.post, country: 'United Nations' } };
    const count = washingtonCount(elsewhere, base, shared);
    expect(count.rows.some((r) => r.post)).toBe(false);
    expect(count.rows).toHaveLength(3);
    const v = organVote(elsewhere, base, shared);
    expect(v).toMatchObject({ votes: false, postCounted: null, postCast: null });
    expect(v.counted).toEqual({ for: 1, abstain: 1, against: 1, unknown: 0 });
  });

  it("prefers a kept text's own table to the shared one", () => {
    expect(washingtonCount(miniScenario, base, shared).note).toBe(miniScenario.hemisphere?.note ?? '');
  });
});

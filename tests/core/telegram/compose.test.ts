import { describe, expect, it } from 'vitest';
import { composeTelegram, describeLetters, initialState, timeOf, type SessionState } from '../../../src/core/index.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../../fixtures/mini-scenario.ts';
import { replayEvents } from '../../../src/core/log/replay.ts';

function faithful(): SessionState {
  const r = replayEvents(miniScenario, { seed: 1, variant: 'historical' }, MINI_FAITHFUL_WALK);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

describe('describeLetters', () => {
  it('names runs of points as the telegrams of the period did', () => {
    expect(describeLetters(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])).toBe('(a) through (h)');
    expect(describeLetters(['a', 'b', 'c', 'd', 'f'])).toBe('(a) through (d), (f)');
    expect(describeLetters(['a', 'b', 'g'])).toBe('(a), (b), (g)');
    expect(describeLetters(['c', 'organ', 'reaction'])).toBe('(c)');
    expect(describeLetters([])).toBe('');
  });
});

describe('composeTelegram', () => {
  it('composes the report in 1962 form: classification, stamp, action line, number and reference, numbered paragraphs, signature', () => {
    const state = faithful();
    const t = composeTelegram(miniScenario, state);
    const lines = t.text.split('\n');
    expect(lines[0]).toBe(miniScenario.telegram.classification);
    expect(lines.at(-1)).toBe(miniScenario.telegram.classification);
    expect(t.stamp).toMatch(/^[A-Z][a-z]{2} \d{1,2} \d{1,2} \d{2} (AM|PM) '62$/);
    expect(t.action).toBe(`ACTION: DEPARTMENT OF STATE, WASHINGTON. ${state.precedence}`);
    expect(t.text).not.toMatch(/SECSTATE|WASHDC|TAGS|\d{6}Z/);
    expect(t.opening).toBe(`${miniScenario.telegram.number}. ${miniScenario.telegram.reference}.`);
    expect(t.paragraphs.map((p) => p.slice(0, 3))).toEqual(t.paragraphs.map((_, i) => `${i + 1}. `));
    expect(t.signature).toBe(miniScenario.telegram.signature);
    expect(t.sent).toBe(true);
  });

  it('shows the reaction as the telegram sent it, not as it was, nor as corrected later', () => {
    const [first, second] = Object.keys(miniScenario.responses);
    if (!first || !second) throw new Error('fixture changed: fewer than two responses');
    const sent = { reported: second, precedence: 'NIACT' as const, draft: [] };
    const state = { ...faithful(), actual: first, reported: first, sent };
    const t = composeTelegram(miniScenario, state);
    expect(t.paragraphs[1], 'what was sent, not the later correction').toBe(`2. ${miniScenario.responses[second]?.telegram.trim()}`);
  });

  it('stamps the telegram in the post\'s local time from the scenario offset', () => {
    const state = { ...faithful(), marks: { met: timeOf('1962-11-20T15:00Z'), sent: timeOf('1962-11-20T17:05Z') } };
    // Mexico City is UTC-6 in the fixture: 17:05Z is 11:05 local.
    expect(composeTelegram(miniScenario, state).stamp).toBe("Nov 20 11 05 AM '62");
    expect(composeTelegram(miniScenario, state).paragraphs[0]).toMatch(/^1\. At 09:00 local November 20 conveyed /);
  });

  it('says plainly when nothing was delivered and no reaction was reported', () => {
    const t = composeTelegram(miniScenario, initialState(miniScenario, { seed: 1, variant: 'historical' }));
    expect(t.paragraphs[0]).toBe('1. Unable to make representations called for by reftel.');
    expect(t.paragraphs[1]).toBe('2. (Reaction not yet reported.)');
    expect(t.action).toMatch(/precedence not yet chosen/);
    expect(t.sent).toBe(false);
  });
});

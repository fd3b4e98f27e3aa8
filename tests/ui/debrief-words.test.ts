import { describe, expect, it } from 'vitest';
import type { Attempt, ReactionDraw } from '../../src/core/index.ts';
import { chanceSentence, partVerdictWords, currentPathEntries, durationText, lowerFirst, oddsInWords, paceSentences, possessive, percent, timesInTen } from '../../src/ui/debrief-words.ts';

function entry(seq: number, node: string, thinkMs = 5000): Attempt['entries'][number] {
  return { seq, node, choice: 0, clock: '1962-11-20T01:40Z', at: '2025-01-01T00:00:00Z', thinkMs };
}

describe('the debrief in words', () => {
  it('says shares as percentages and as times in ten', () => {
    expect(percent(0.3)).toBe('30%');
    expect(percent(1 / 3)).toBe('33%');
    expect(timesInTen(0.3)).toBe('3 times in 10');
    expect(timesInTen(0.1)).toBe('1 time in 10');
    expect(timesInTen(0.02)).toBe('less than 1 time in 10');
    expect(timesInTen(0.97)).toBe('almost always');
    expect(timesInTen(1)).toBe('every time');
  });

  it('explains a draw with its odds and what chance picked', () => {
    const draw: ReactionDraw = {
      node: 'meet-draw',
      before: null,
      odds: [
        { response: 'support', label: 'Supports the US line', share: 0.3 },
        { response: 'reserved', label: 'Reserves its position', share: 0.7 },
      ],
      reasons: [],
      drawn: 'support',
    };
    expect(chanceSentence(draw, 'Supports the US line')).toBe(
      'Chance played its part: with what you had done, his answer would be "Supports the US line" 3 times in 10 and "Reserves its position" 7 times in 10. This time it came out "Supports the US line".',
    );
    const sure = { ...draw, odds: [{ response: 'reserved', label: 'Reserves its position', share: 1 }], drawn: 'reserved' };
    expect(chanceSentence(sure, 'Reserves its position')).toMatch(/^Chance had no say here/);
  });

  it('writes a post\'s possessive as English does, for the United Nations too', () => {
    expect(possessive('Mexico')).toBe("Mexico's");
    expect(possessive('United Nations')).toBe("United Nations'");
  });

  it('says the odds of one draw in numbers that add up', () => {
    // Rounded to tenths one by one, 25% and 75% were "3 times in 10" and "8 times in 10": eleven in ten.
    expect(oddsInWords([0.25, 0.75])).toEqual(['1 time in 4', '3 times in 4']);
    expect(oddsInWords([0.5, 0.5])).toEqual(['1 time in 2', '1 time in 2']);
    expect(oddsInWords([1 / 3, 2 / 3])).toEqual(['1 time in 3', '2 times in 3']);
    expect(oddsInWords([0.3, 0.7])).toEqual(['3 times in 10', '7 times in 10']);
    expect(oddsInWords([0.2, 0.2, 0.6])).toEqual(['1 time in 5', '1 time in 5', '3 times in 5']);
    expect(oddsInWords([0.15, 0.85])).toEqual(['3 times in 20', '17 times in 20']);
    expect(oddsInWords([0.14, 0.86])).toEqual(['1 time in 10', '9 times in 10']);
    expect(oddsInWords([0.02, 0.49, 0.49])).toEqual(['less than 1 time in 10', '5 times in 10', '5 times in 10']);
    // Whatever the shares of a draw (they add up to one), the counts add up to the whole.
    for (const shares of [[0.15, 0.85], [1 / 7, 6 / 7], [0.33, 0.33, 0.34], [0.05, 0.05, 0.9], [0.125, 0.375, 0.5]]) {
      const words = oddsInWords(shares);
      const n = Number(/in (\d+)$/.exec(words[0] ?? '')?.[1]);
      const sum = words.reduce((a, w) => a + (w.startsWith('less') ? 0 : Number(w.split(' ')[0])), 0);
      expect(sum, JSON.stringify(shares)).toBe(n);
    }
    const draw = { node: 'meet', odds: [{ response: 'support', label: 'Supports', share: 0.25 }, { response: 'reserved', label: 'Reserves', share: 0.75 }], drawn: 'reserved' };
    expect(chanceSentence(draw as Parameters<typeof chanceSentence>[0], 'Reserves')).toContain('"Supports" 1 time in 4 and "Reserves" 3 times in 4');
  });

  it('always gives the median and names very fast choices only when there were any', () => {
    expect(paceSentences({ decisions: 12, fast: 0, medianMs: 7400 })).toEqual(['You took 12 decisions; half of them took you 7.4 seconds or less.']);
    const fast = paceSentences({ decisions: 12, fast: 3, medianMs: 65_000 });
    expect(fast[0]).toContain('1 minute 5 seconds');
    expect(fast[1]).toMatch(/^3 of them were taken in under 2 seconds/);
    expect(paceSentences({ decisions: 1, fast: 1, medianMs: 900 })[1]).toMatch(/^One of them was/);
    expect(durationText(1000)).toBe('1 second');
  });

  it('words a verdict for its part', () => {
    expect(partVerdictWords('reaction', 'rosier')).toBe('Rosier than what he said');
    expect(partVerdictWords('remarks', 'rosier')).toBe('Hides a slip');
    expect(partVerdictWords('time', 'faithful')).toBe('In time');
    expect(partVerdictWords('words', 'omitted')).toBe('Left out');
  });

  it('lower-cases a title inside a sentence', () => {
    expect(lowerFirst("The minister's words")).toBe("the minister's words");
  });

  it('follows the current attempt back through the attempts it branches from', () => {
    const attempts: Attempt[] = [
      { from: null, startedAt: 'x', entries: [entry(1, 'a'), entry(2, 'b'), entry(3, 'c')] },
      { from: { attempt: 0, seq: 2 }, startedAt: 'x', entries: [entry(1, 'c2'), entry(2, 'd2')] },
      { from: { attempt: 1, seq: 1 }, startedAt: 'x', entries: [entry(1, 'd3')] },
    ];
    expect(currentPathEntries({ attempts }).map((e) => e.node)).toEqual(['a', 'b', 'c2', 'd3']);
    expect(currentPathEntries({ attempts: attempts.slice(0, 1) }).map((e) => e.node)).toEqual(['a', 'b', 'c']);
    expect(currentPathEntries({ attempts: [] })).toEqual([]);
  });

  it('stops at an origin that is not an earlier attempt instead of looping', () => {
    const attempts: Attempt[] = [{ from: { attempt: 0, seq: 1 }, startedAt: 'x', entries: [entry(1, 'a')] }];
    expect(currentPathEntries({ attempts }).map((e) => e.node)).toEqual(['a']);
  });
});

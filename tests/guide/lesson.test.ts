import { describe, expect, it } from 'vitest';
import { PHASES } from '../../src/core/scenario/schema.ts';
import { LESSON_PLAN, PHASE_QUESTIONS, schedule } from '../../src/guide/lesson.ts';

describe("the guide's lesson plan", () => {
  it('fills one 45-minute period exactly, each block starting where the one before ended', () => {
    const blocks = schedule(LESSON_PLAN);
    expect(blocks[0]?.from).toBe(0);
    expect(blocks.at(-1)?.to).toBe(45);
    blocks.forEach((b, i) => {
      expect(b.minutes).toBeGreaterThan(0);
      expect(b.to - b.from).toBe(b.minutes);
      if (i > 0) expect(b.from).toBe(blocks[i - 1]?.to);
    });
  });

  it('schedules any plan from minute 0', () => {
    expect(schedule([{ minutes: 10, title: 'a', activity: '' }, { minutes: 5, title: 'b', activity: '' }]).map((b) => [b.from, b.to])).toEqual([
      [0, 10],
      [10, 15],
    ]);
    expect(schedule([])).toEqual([]);
  });
});

describe("the guide's discussion questions", () => {
  it.each(PHASES)('has two or three different questions for the %s phase', (phase) => {
    const questions = PHASE_QUESTIONS[phase];
    expect(questions.length).toBeGreaterThanOrEqual(2);
    expect(questions.length).toBeLessThanOrEqual(3);
    expect(new Set(questions).size).toBe(questions.length);
    for (const q of questions) expect(q.trim().endsWith('?')).toBe(true);
  });

  it('covers no phase the game does not have', () => {
    expect(Object.keys(PHASE_QUESTIONS).sort()).toEqual([...PHASES].sort());
  });
});

/**
 * The keys of a class game (issue 10, point 6): the choices are lettered A–I and the letters take
 * them as the number keys do; the tools move to Shift so that C, D, B and G choose instead. A
 * student's game keeps its keys as they were.
 */
import { describe, expect, it } from 'vitest';
import { choiceMark, choiceOfKey, choiceShortcuts, toolOfKey, toolShortcut } from '../../src/ui/choice-keys.ts';

describe('choice keys', () => {
  it('letters the first nine choices in a class game and numbers them otherwise', () => {
    expect(Array.from({ length: 10 }, (_, i) => choiceMark(i, true)).join('')).toBe('ABCDEFGHI·');
    expect(Array.from({ length: 10 }, (_, i) => choiceMark(i, false)).join('')).toBe('123456789·');
    expect(choiceShortcuts(2, true)).toBe('C 3');
    expect(choiceShortcuts(2, false)).toBe('3');
    expect(choiceShortcuts(9, true)).toBe('');
  });

  it('takes a choice by its letter (either case, no Shift) in a class game, and by its number always', () => {
    expect(['a', 'B', 'c', 'i'].map((k) => choiceOfKey(k, false, true))).toEqual([0, 1, 2, 8]);
    expect(['1', '5', '9'].map((k) => choiceOfKey(k, false, true))).toEqual([0, 4, 8]);
    expect(['1', '5', '9'].map((k) => choiceOfKey(k, false, false))).toEqual([0, 4, 8]);
    // Past the ninth letter, with Shift, a digit 0, or in a student's game: no choice.
    expect(['j', 'm', 'z', '0', 'Enter', ' '].map((k) => choiceOfKey(k, false, true))).toEqual([null, null, null, null, null, null]);
    expect(choiceOfKey('C', true, true)).toBeNull();
    expect(['a', 'c', 'd'].map((k) => choiceOfKey(k, false, false))).toEqual([null, null, null]);
  });

  it('opens the tools by their letter in a student game, and only with Shift in a class game', () => {
    expect(['c', 'g', 'm', 'd', 'b'].map((k) => toolOfKey(k, false, false))).toEqual(['c', 'g', 'm', 'd', 'b']);
    // A student's game always took Shift+C too (the key is read in either case).
    expect(toolOfKey('C', true, false)).toBe('c');
    expect(['c', 'g', 'm', 'd', 'b'].map((k) => toolOfKey(k, false, true))).toEqual([null, null, null, null, null]);
    expect(['C', 'G', 'M', 'D', 'B'].map((k) => toolOfKey(k, true, true))).toEqual(['c', 'g', 'm', 'd', 'b']);
    expect(toolOfKey('a', true, true)).toBeNull();
    expect(toolShortcut('c', true)).toBe('Shift+C');
    expect(toolShortcut('c', false)).toBe('C');
  });

  it('never gives a letter to both a choice and a tool in either mode', () => {
    for (const classGame of [true, false]) {
      for (const shift of [true, false]) {
        for (const key of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ123456789') {
          expect(choiceOfKey(key, shift, classGame) !== null && toolOfKey(key, shift, classGame) !== null, `${key} shift=${shift} class=${classGame}`).toBe(false);
        }
      }
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASS_CODE_MAX_LENGTH, NAME_MAX_LENGTH, readLinkParams } from '../../src/store/link-params.ts';

const WORLDS = {
  historical: { label: 'As it happened' },
  'soviets-refuse': { label: 'The Soviets refuse' },
};

const q = (params: Record<string, string>): string => `?${new URLSearchParams(params).toString()}`;

describe('a teacher link', () => {
  it('presets the world, class code and name, and fixes the seed', () => {
    expect(readLinkParams(q({ variant: 'soviets-refuse', class: '9B', name: 'Lucía Pérez', seed: '938' }), WORLDS)).toEqual({
      preset: { variant: 'soviets-refuse', classCode: '9B', name: 'Lucía Pérez' },
      seed: 938,
      problems: [],
      modes: { rewind: 'free', reasons: 'optional' },
      watch: null,
    });
  });

  it('is read with or without its "?", and an empty link presets nothing', () => {
    expect(readLinkParams('variant=historical', WORLDS).preset).toEqual({ variant: 'historical' });
    expect(readLinkParams('', WORLDS)).toEqual({ preset: {}, seed: null, problems: [], modes: { rewind: 'free', reasons: 'optional' }, watch: null });
    expect(readLinkParams('?variant=&name=%20%20&class=&seed=', WORLDS)).toEqual({ preset: {}, seed: null, problems: [], modes: { rewind: 'free', reasons: 'optional' }, watch: null });
  });

  it('sets the rewind and reasons modes, and says why a mode it cannot use is left at the default', () => {
    expect(readLinkParams('?rewind=look&reasons=required', WORLDS).modes).toEqual({ rewind: 'look', reasons: 'required' });
    expect(readLinkParams('?rewind=off', WORLDS).modes).toEqual({ rewind: 'off', reasons: 'optional' });
    const bad = readLinkParams('?rewind=sometimes&reasons=please', WORLDS);
    expect(bad.modes).toEqual({ rewind: 'free', reasons: 'optional' });
    expect(bad.problems).toEqual([
      'The link\'s rewind "sometimes" is not free, look or off, so rewinding is free.',
      'The link\'s reasons "please" is not required or optional, so reasons are optional.',
    ]);
    expect(readLinkParams('?watch=0a1b2c3d4e5f6a7b', WORLDS).watch).toBe('0a1b2c3d4e5f6a7b');
    expect(readLinkParams('?watch=../x', WORLDS).watch).toBeNull();
  });

  it('ignores parameters the game does not read, however they are named', () => {
    const read = readLinkParams('?utm_source=lms&__proto__=x&constructor=y&toString=z', WORLDS);
    expect(read).toEqual({ preset: {}, seed: null, problems: [], modes: { rewind: 'free', reasons: 'optional' }, watch: null });
    expect(Object.getPrototypeOf(read.preset)).toBe(Object.prototype);
  });

  it('trims the name and class code as the form does', () => {
    expect(readLinkParams(q({ name: '  Ana  ', class: ' 9B ' }), WORLDS).preset).toEqual({ name: 'Ana', classCode: '9B' });
  });
});

describe('a link the game cannot follow', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf', 'Historical'])(
    'names a world the scenario does not have: ?variant=%s',
    (variant) => {
      const read = readLinkParams(q({ variant, name: 'Ana' }), WORLDS);
      expect(read.preset).toEqual({ name: 'Ana' });
      expect(read.problems).toEqual([
        `The link's variant "${variant}" is not one of this game's worlds, so the first world, "As it happened", is selected.`,
      ]);
    },
  );

  it('quotes no more than the start of a long value', () => {
    const [problem] = readLinkParams(q({ variant: `${'x'.repeat(5000)}\nmore` }), WORLDS).problems;
    expect(problem).toBe(`The link's variant "${'x'.repeat(40)}…" is not one of this game's worlds, so the first world, "As it happened", is selected.`);
  });

  it('leaves out a name longer than the form allows, and says so', () => {
    const read = readLinkParams(q({ name: 'n'.repeat(300), variant: 'historical' }), WORLDS);
    expect(read.preset).toEqual({ variant: 'historical' });
    expect(read.problems).toEqual([`The link's name is 300 characters long, more than the ${NAME_MAX_LENGTH} the form allows, so it was left out.`]);
    expect(readLinkParams(q({ name: 'n'.repeat(NAME_MAX_LENGTH) }), WORLDS).preset.name).toHaveLength(NAME_MAX_LENGTH);
  });

  it('leaves out a class code longer than the form allows, and says so', () => {
    const read = readLinkParams(q({ class: 'c'.repeat(CLASS_CODE_MAX_LENGTH + 1) }), WORLDS);
    expect(read.preset).toEqual({});
    expect(read.problems).toEqual([
      `The link's class code is ${CLASS_CODE_MAX_LENGTH + 1} characters long, more than the ${CLASS_CODE_MAX_LENGTH} the form allows, so it was left out.`,
    ]);
    expect(readLinkParams(q({ class: 'c'.repeat(CLASS_CODE_MAX_LENGTH) }), WORLDS).problems).toEqual([]);
  });

  it('leaves out a name with characters no one can type into the field', () => {
    for (const name of ['Ana\nBell', 'Ana\u0000', 'A\tB', 'Ana\u0085']) {
      const read = readLinkParams(q({ name }), WORLDS);
      expect(read.preset, JSON.stringify(name)).toEqual({});
      expect(read.problems).toEqual(["The link's name contains characters a name cannot have, so it was left out."]);
    }
  });

  it('draws a fresh seed for a seed that is not a number in range, and says so', () => {
    const read = readLinkParams(q({ seed: '4294967296' }), WORLDS);
    expect(read.seed).toBeNull();
    expect(read.problems).toEqual(['The link\'s seed "4294967296" is not a whole number from 0 to 4294967295, so a fresh seed is drawn.']);
  });

  it('reports each parameter it cannot use, in one sentence each', () => {
    const read = readLinkParams(q({ variant: 'constructor', name: 'n'.repeat(300), class: 'c'.repeat(300), seed: 'x' }), WORLDS);
    expect(read.preset).toEqual({});
    expect(read.problems.map((p) => p.split(' ').slice(0, 3).join(' '))).toEqual([
      "The link's variant",
      "The link's class",
      "The link's name",
      "The link's seed",
    ]);
  });

  it('never throws, and presets only own worlds and values within the limits (property)', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 200, unit: 'grapheme' }),
      fc.string({ maxLength: 400, unit: 'binary' }),
      fc.constantFrom('constructor', '__proto__', 'toString', 'prototype', 'historical', '%', '%E0%A4%A', '&', '='),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('variant', 'class', 'name', 'seed', '__proto__', 'x'), hostile), fc.string({ unit: 'binary' }), (params, raw) => {
        for (const query of [q(params), raw]) {
          const read = readLinkParams(query, WORLDS);
          if (read.preset.variant !== undefined) expect(Object.hasOwn(WORLDS, read.preset.variant)).toBe(true);
          expect((read.preset.name ?? '').length).toBeLessThanOrEqual(NAME_MAX_LENGTH);
          expect((read.preset.classCode ?? '').length).toBeLessThanOrEqual(CLASS_CODE_MAX_LENGTH);
          expect(read.problems.every((p) => p.startsWith("The link's ") && p.endsWith('.'))).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

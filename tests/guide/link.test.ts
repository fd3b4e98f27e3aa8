import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGameLink, REASONS_MODES, REWIND_MODES, worldsFor, type LinkChoice } from '../../src/guide/link.ts';
import { CLASS_CODE_MAX_LENGTH, readLinkParams, readPostParam } from '../../src/store/link-params.ts';

const NONE: LinkChoice = { post: null, lock: false, variant: null, classCode: '', seed: '', rewind: 'free', reasons: 'optional' };

const POSTS = [
  { id: 'mexico', variants: { historical: { label: 'History as it happened' }, counterfactual: { label: 'A what-if' } } },
  { id: 'caracas', variants: { historical: { label: 'As it was' }, counterfactual: { label: 'What if' }, 'soviets-stall': { label: 'They stall' } } },
  { id: 'usun', variants: { historical: { label: 'In New York' }, 'thant-away': { label: 'U Thant away' } } },
];

const hrefOf = (choice: LinkChoice): string => {
  const built = buildGameLink(choice);
  if (!built.ok) throw new Error(`not built: ${JSON.stringify(built.problems)}`);
  return built.href;
};

describe("the guide's link builder", () => {
  it('links to the bare game when nothing is chosen, and leaves the defaults out', () => {
    expect(hrefOf(NONE)).toBe('./index.html');
  });

  it('writes every parameter the teacher set, in a fixed order', () => {
    expect(
      hrefOf({ post: 'venezuela', lock: true, variant: 'counterfactual', classCode: ' 9B ', seed: '938', rewind: 'look', reasons: 'required' }),
    ).toBe('./index.html?post=venezuela&lock=post&variant=counterfactual&class=9B&seed=938&rewind=look&reasons=required');
    expect(hrefOf({ ...NONE, rewind: 'off' })).toBe('./index.html?rewind=off');
  });

  it('locks only a post it names', () => {
    expect(hrefOf({ ...NONE, lock: true })).toBe('./index.html');
    expect(hrefOf({ ...NONE, post: 'chile', lock: false })).toBe('./index.html?post=chile');
  });

  it('encodes a class code so that the game reads it back as typed', () => {
    const href = hrefOf({ ...NONE, classCode: '10 A&B = Ñandú #2' });
    expect(href).toBe('./index.html?class=10+A%26B+%3D+%C3%91and%C3%BA+%232');
    expect(readLinkParams(href.split('?')[1] ?? '', {}).preset.classCode).toBe('10 A&B = Ñandú #2');
  });

  it('refuses a seed the game would not take, and a class code longer than the form allows, saying why', () => {
    const built = buildGameLink({ ...NONE, seed: '4294967296', classCode: 'x'.repeat(CLASS_CODE_MAX_LENGTH + 1) });
    expect(built).toEqual({
      ok: false,
      problems: [
        { field: 'classCode', message: `A class code has at most ${CLASS_CODE_MAX_LENGTH} characters; this one has ${CLASS_CODE_MAX_LENGTH + 1}.` },
        { field: 'seed', message: 'A seed is a whole number from 0 to 4294967295, digits only.' },
      ],
    });
    expect(buildGameLink({ ...NONE, seed: '-1' }).ok).toBe(false);
    expect(buildGameLink({ ...NONE, seed: '9.5' }).ok).toBe(false);
    expect(buildGameLink({ ...NONE, classCode: '9\tB' })).toEqual({
      ok: false,
      problems: [{ field: 'classCode', message: 'A class code is one line of text, without tabs or line breaks.' }],
    });
    expect(hrefOf({ ...NONE, seed: '4294967295' })).toBe('./index.html?seed=4294967295');
  });

  it('makes links the game reads back whole, with nothing left out', () => {
    const worlds = { historical: { label: 'h' }, counterfactual: { label: 'c' } };
    const control = (c: string): boolean => c.charCodeAt(0) <= 0x1f || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f);
    // Any text the game's one-line field can hold: accents, emoji, spaces, `&`, `=`, `#`, `+`.
    const printable = fc
      .string({ unit: 'grapheme', maxLength: CLASS_CODE_MAX_LENGTH })
      .filter((s) => s.trim().length <= CLASS_CODE_MAX_LENGTH && !Array.from(s).some(control));
    fc.assert(
      fc.property(
        fc.record({
          post: fc.option(fc.constantFrom('mexico', 'brazil', 'venezuela'), { nil: null }),
          lock: fc.boolean(),
          variant: fc.option(fc.constantFrom('historical', 'counterfactual'), { nil: null }),
          classCode: printable,
          seed: fc.option(fc.integer({ min: 0, max: 0xffffffff }).map(String), { nil: '' }),
          rewind: fc.constantFrom(...REWIND_MODES),
          reasons: fc.constantFrom(...REASONS_MODES),
          classGame: fc.boolean(),
        }),
        (choice) => {
          const query = hrefOf(choice).split('?')[1] ?? '';
          const read = readLinkParams(query, worlds);
          expect(read.problems).toEqual([]);
          expect(read.preset.variant ?? null).toBe(choice.variant);
          expect(read.preset.classCode ?? '').toBe(choice.classCode.trim());
          expect(read.seed).toBe(choice.seed === '' ? null : Number(choice.seed));
          expect(read.modes).toEqual({ rewind: choice.rewind, reasons: choice.reasons, ...(choice.classGame ? { play: 'class' } : {}) });
          const post = readPostParam(query, ['mexico', 'brazil', 'venezuela']);
          expect(post).toEqual({ post: choice.post, locked: choice.post !== null && choice.lock, problem: null });
        },
      ),
    );
  });
});

describe('the worlds a link may name', () => {
  it("are a chosen post's own, in its order and with its labels", () => {
    expect(worldsFor(POSTS, 'caracas')).toEqual([
      { id: 'historical', label: 'As it was' },
      { id: 'counterfactual', label: 'What if' },
      { id: 'soviets-stall', label: 'They stall' },
    ]);
  });

  it('are those every post has when the student chooses the post', () => {
    expect(worldsFor(POSTS, null)).toEqual([{ id: 'historical', label: 'History as it happened' }]);
    expect(worldsFor(POSTS.slice(0, 2), null)).toEqual([
      { id: 'historical', label: 'History as it happened' },
      { id: 'counterfactual', label: 'A what-if' },
    ]);
  });

  it('are none for a post there is not, or when there are no posts', () => {
    expect(worldsFor(POSTS, 'atlantis')).toEqual([]);
    expect(worldsFor([], null)).toEqual([]);
  });
});

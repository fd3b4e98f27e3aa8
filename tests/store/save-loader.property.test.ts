/**
 * The save loader against hostile values: whatever a save holds (deep, huge, wrong types, objects
 * where strings belong, lone surrogates, prototype keys), checkSave answers with a result, never an
 * exception, within a generous time bound, and the store's load still leaves a usable title.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoadedScenario } from '../../src/core/index.ts';
import { createGameStore, saveKey } from '../../src/store/game-store.ts';
import { checkSave } from '../../src/store/open-log.ts';
import { createSaveSlot, valueText } from '../../src/store/save-slot.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../fixtures/mini-scenario.ts';
import { memoryDurable, memoryStorage } from './fakes.ts';

const loaded: LoadedScenario = { scenario: miniScenario, hash: 'f'.repeat(64), file: 'mini.yaml' };
const KEY = saveKey('mini');
/** Per input; the real answers take well under a millisecond to a few hundred for the largest. */
const BOUND_MS = 1000;

async function validSave(): Promise<Record<string, unknown>> {
  const storage = memoryStorage();
  const slot = createSaveSlot({ key: KEY, storage, durable: null, token: 't' });
  const store = createGameStore({ loaded, slot, now: () => 1_700_000_000_000, newSeed: () => 7 });
  await store.getState().load();
  await store.getState().start({ student: { label: 'Ana', classCode: '9B' }, variant: 'historical' });
  for (const c of MINI_FAITHFUL_WALK.slice(0, 4)) await store.getState().choose(c);
  return JSON.parse(storage.data.get(KEY)!) as Record<string, unknown>;
}
const VALID = await validSave();

const loneSurrogate = fc.constantFrom('\uD800', '\uDFFF', 'a\uDBFFb', '\uDC00\uD800');
const protoKeyed = fc.constantFrom(
  '{"__proto__":{"format":"circular938-log"}}',
  '{"constructor":{"prototype":{"x":1}},"format":"circular938-log"}',
  '{"format":"circular938-log","formatVersion":1,"scenario":{"__proto__":{"id":"mini"}}}',
  '{"format":"circular938-log","formatVersion":{"toString":1},"scenario":{"id":{"toString":1}}}',
  '{"format":"circular938-log","formatVersion":{"valueOf":1,"toString":1},"scenario":{"id":"mini","hash":{"length":64}}}',
);
/** Something to put where a field of a valid save belongs. */
const hostile = fc.oneof(
  fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true, withBoxedValues: true }),
  fc.string({ unit: 'binary' }),
  loneSurrogate,
  fc.constant({ toString: 1, valueOf: 1 }),
  fc.constant(Object.fromEntries([['__proto__', { polluted: true }], ['constructor', 1]])),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 50 }),
  fc.constantFrom(-1, 0.5, 2 ** 53, Number.NaN, 1e308, '', null, true),
);
/** A path into the valid save. */
const pathIn = (v: unknown, picks: number[]): (string | number)[] => {
  const path: (string | number)[] = [];
  let here = v;
  for (const pick of picks) {
    if (here === null || typeof here !== 'object') break;
    const keys = Object.keys(here);
    if (keys.length === 0) break;
    const k = keys[pick % keys.length]!;
    path.push(Array.isArray(here) ? Number(k) : k);
    here = (here as Record<string, unknown>)[k];
  }
  return path;
};
const mutated = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), hostile, fc.boolean()).map(([picks, value, asText]) => {
  const copy = structuredClone(VALID);
  const path = pathIn(copy, picks);
  let parent: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  try {
    return asText ? JSON.stringify(copy) : copy;
  } catch {
    return copy; // a BigInt or the like cannot be JSON: the object itself then
  }
});
const anyValue = fc.oneof(
  { weight: 4, arbitrary: mutated },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 6, withNullPrototype: true, withObjectString: true, withBigInt: true, withMap: true, withSet: true, withTypedArray: true }) },
  { weight: 2, arbitrary: fc.json({ depthSize: 'large' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: protoKeyed },
  { weight: 1, arbitrary: fc.tuple(fc.nat({ max: 2000 }), fc.boolean()).map(([n, cut]) => {
    const text = JSON.stringify(VALID);
    return cut ? text.slice(0, n % text.length) : text.slice(0, 1) + '"x":'.repeat(n % 5) + text.slice(1);
  }) },
);

async function timed(value: unknown): Promise<{ ms: number; ok: boolean }> {
  const t0 = performance.now();
  const r = await checkSave(value, loaded);
  return { ms: performance.now() - t0, ok: r.ok };
}

describe('save loader: hostile values', () => {
  it('accepts the valid save it was built from', async () => {
    expect((await checkSave(JSON.stringify(VALID), loaded)).ok).toBe(true);
    // The schema is loaded on the first save that needs it; the bound is on reading, not on loading code.
    await import('../../src/core/log/schema.ts');
  });

  it('answers 10,000 generated values without throwing, each within the bound', async () => {
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(anyValue, async (value) => {
        const { ms } = await timed(value);
        slowest = Math.max(slowest, ms);
        return ms < BOUND_MS;
      }),
      { numRuns: 10_000 },
    );
    expect(slowest).toBeLessThan(BOUND_MS);
  }, 120_000);

  it.each([
    ['a 100,000-deep array', () => '['.repeat(100_000) + ']'.repeat(100_000)],
    ['a 100,000-deep object in a field', () => {
      const text = JSON.stringify(VALID);
      return text.replace('"variant":"historical"', `"variant":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    }],
    ['150,000 invalid entries', () => JSON.stringify({ ...VALID, attempts: [{ from: null, startedAt: 'x', entries: Array.from({ length: 150_000 }, (_, i) => ({ seq: i })) }] })],
    ['10,000 chained attempts', () => JSON.stringify({ ...VALID, attempts: Array.from({ length: 10_000 }, (_, i) => ({ from: i === 0 ? null : { attempt: i - 1, seq: 0 }, startedAt: '2025-01-01T00:00:00Z', entries: [] })) })],
    ['400 chained attempts (under the bound)', () => JSON.stringify({ ...VALID, attempts: Array.from({ length: 400 }, (_, i) => ({ from: i === 0 ? null : { attempt: i - 1, seq: 0 }, startedAt: '2025-01-01T00:00:00Z', entries: [] })) })],
    ['a 5 MB string', () => 'x'.repeat(5_000_000)],
    ['a 1.9 MB valid-looking label', () => JSON.stringify({ ...VALID, student: { label: 'a'.repeat(1_900_000) } })],
    ['a lone surrogate as text', () => '\uD800'],
    ['a non-string stored value', () => new Map([[1, 2]])],
  ])('answers %s within the bound', async (_what, make) => {
    const value = make();
    const { ms } = await timed(value);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('leaves a usable title after loading 1,000 generated saves from both stores', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, anyValue, async (inDb, inLocal) => {
        const storage = memoryStorage();
        const durable = memoryDurable();
        durable.data.set(KEY, inDb);
        storage.data.set(KEY, valueText(inLocal));
        const slot = createSaveSlot({ key: KEY, storage, durable, token: 't' });
        const store = createGameStore({ loaded, slot, now: () => 1_800_000_000_000, newSeed: () => 1 });
        await store.getState().load();
        const s = store.getState();
        // Whatever was found is either offered or kept for the teacher, and a new game can begin.
        if (!s.saved) expect(s.setAside.length + (durable.data.has(KEY) ? 1 : 0) + (storage.data.has(KEY) ? 1 : 0)).toBeGreaterThan(0);
        expect(await store.getState().start({ student: { label: 'Bea' }, variant: 'historical' })).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  }, 120_000);
});

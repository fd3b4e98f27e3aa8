import { describe, expect, it } from 'vitest';
import { availableChoices, type LoadedScenario } from '../../src/core/index.ts';
import { createGameStore, hasSave, saveKey, type GameStore } from '../../src/store/game-store.ts';
import { SAVE_OFF_FULL, SAVE_OFF_UNAVAILABLE, type StorageLike } from '../../src/store/storage.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../fixtures/mini-scenario.ts';

const loaded: LoadedScenario = { scenario: miniScenario, hash: 'f'.repeat(64), file: 'mini.yaml' };

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function makeStore(storage: StorageLike | null, start = 1_000_000): GameStore {
  let t = start;
  return createGameStore({ loaded, storage, now: () => (t += 1500), newSeed: () => 42 });
}

function play(store: GameStore, choices: readonly number[]): void {
  for (const c of choices) expect(store.getState().choose(c)).toBe(true);
}

describe('game store', () => {
  it('starts a game with the given student, variant and seed', () => {
    const store = makeStore(memoryStorage());
    store.getState().start({ student: { label: ' Ana ', classCode: '9B' }, variant: 'historical', seed: 7 });
    const { session, log } = store.getState();
    expect(session?.node).toBe(miniScenario.start);
    expect(session?.seed).toBe(7);
    expect(log?.student).toEqual({ label: 'Ana', classCode: '9B' });
    expect(log?.scenario).toEqual({ id: 'mini', version: 1, hash: loaded.hash });
  });

  it('appends one log entry per decision, with game clock, wall time and thinking time', () => {
    const store = makeStore(memoryStorage());
    store.getState().start({ student: { label: 'Ana' }, variant: 'historical' });
    play(store, MINI_FAITHFUL_WALK.slice(0, 3));
    const entries = store.getState().log?.attempts[0]?.entries ?? [];
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]?.node).toBe(miniScenario.start);
    expect(entries[0]?.clock).toMatch(/^1962-11-\d\dT\d\d:\d\dZ$/);
    expect(entries.every((e) => e.thinkMs >= 0)).toBe(true);
  });

  it('saves each decision before subscribers see the new state', () => {
    const storage = memoryStorage();
    const store = makeStore(storage);
    store.getState().start({ student: { label: 'Ana' }, variant: 'historical' });
    const seen: number[] = [];
    store.subscribe((s) => {
      const saved = JSON.parse(storage.data.get(saveKey('mini')) ?? '{}') as { attempts?: { entries: unknown[] }[] };
      seen.push((saved.attempts?.[0]?.entries.length ?? -1) - (s.log?.attempts[0]?.entries.length ?? 0));
    });
    play(store, MINI_FAITHFUL_WALK.slice(0, 2));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((d) => d === 0)).toBe(true);
  });

  it('resumes a saved game in a new store with exactly the same state', () => {
    const storage = memoryStorage();
    const first = makeStore(storage);
    first.getState().start({ student: { label: 'Ana' }, variant: 'refusal' });
    play(first, MINI_FAITHFUL_WALK.slice(0, 5));
    expect(hasSave(storage, 'mini')).toBe(true);

    const second = makeStore(storage);
    expect(second.getState().resume()).toBe(true);
    expect(second.getState().session).toEqual(first.getState().session);
    expect(second.getState().log).toEqual(first.getState().log);
  });

  it('refuses a choice that is not open and says so, without changing state', () => {
    const store = makeStore(memoryStorage());
    store.getState().start({ student: { label: 'Ana' }, variant: 'historical' });
    const before = store.getState().session;
    expect(store.getState().choose(99)).toBe(false);
    expect(store.getState().session).toBe(before);
    expect(store.getState().problem).toMatch(/not open/);
  });

  it('plays on with autosave off when there is no storage', () => {
    const store = makeStore(null);
    expect(store.getState().save).toEqual({ on: false, reason: SAVE_OFF_UNAVAILABLE });
    store.getState().start({ student: { label: 'Ana' }, variant: 'historical' });
    play(store, MINI_FAITHFUL_WALK.slice(0, 3));
    expect(store.getState().session?.trail).toHaveLength(3);
  });

  it('plays on and says the storage is full when a save hits the quota', () => {
    const storage = memoryStorage();
    let calls = 0;
    storage.setItem = () => {
      calls++;
      if (calls > 1) throw Object.assign(new Error('exceeded the quota'), { name: 'QuotaExceededError' });
    };
    const store = makeStore(storage);
    store.getState().start({ student: { label: 'Ana' }, variant: 'historical' });
    expect(store.getState().save.on).toBe(true);
    play(store, MINI_FAITHFUL_WALK.slice(0, 2));
    expect(store.getState().save).toEqual({ on: false, reason: SAVE_OFF_FULL });
    expect(store.getState().session?.trail).toHaveLength(2);
  });

  it('keeps a damaged save and explains instead of resuming it', () => {
    const storage = memoryStorage();
    storage.setItem(saveKey('mini'), '{not json');
    const store = makeStore(storage);
    expect(store.getState().resume()).toBe(false);
    expect(store.getState().problem).toMatch(/damaged/);
    expect(storage.data.get(saveKey('mini'))).toBe('{not json');
  });

  it('refuses to resume a save made with another version of the scenario', () => {
    const storage = memoryStorage();
    const first = makeStore(storage);
    first.getState().start({ student: { label: 'Ana' }, variant: 'historical' });
    const other = createGameStore({ loaded: { ...loaded, hash: '0'.repeat(64) }, storage, now: () => 0, newSeed: () => 1 });
    expect(other.getState().resume()).toBe(false);
    expect(other.getState().problem).toMatch(/another version/);
  });

  it('offers the same choices after a resume as before', () => {
    const storage = memoryStorage();
    const first = makeStore(storage);
    first.getState().start({ student: { label: 'Ana' }, variant: 'historical' });
    play(first, MINI_FAITHFUL_WALK.slice(0, 4));
    const second = makeStore(storage);
    second.getState().resume();
    const a = first.getState().session;
    const b = second.getState().session;
    if (!a || !b) throw new Error('no session');
    expect(availableChoices(miniScenario, b)).toEqual(availableChoices(miniScenario, a));
  });

  it('quit deletes the save and returns to the title', () => {
    const storage = memoryStorage();
    const store = makeStore(storage);
    store.getState().start({ student: { label: 'Ana' }, variant: 'historical' });
    store.getState().quit();
    expect(store.getState().session).toBeNull();
    expect(hasSave(storage, 'mini')).toBe(false);
  });
});

describe('game store: damaged saves', () => {
  it.each([
    ['a null entry', (log: Record<string, unknown>) => ((log['attempts'] as { entries: unknown[] }[])[0]!.entries = [null])],
    ['a missing seed', (log: Record<string, unknown>) => delete log['seed']],
    ['no attempts', (log: Record<string, unknown>) => (log['attempts'] = [])],
  ])('refuses a save with %s, with a message, and keeps it', (_what, damage) => {
    const storage = memoryStorage();
    const first = makeStore(storage);
    first.getState().start({ student: { label: 'Ana' }, variant: 'historical' });
    play(first, MINI_FAITHFUL_WALK.slice(0, 2));
    const log = JSON.parse(storage.data.get(saveKey('mini')) ?? '{}') as Record<string, unknown>;
    damage(log);
    const text = JSON.stringify(log);
    storage.data.set(saveKey('mini'), text);
    const second = makeStore(storage);
    expect(second.getState().resume()).toBe(false);
    expect(second.getState().problem).toMatch(/damaged/);
    expect(storage.data.get(saveKey('mini'))).toBe(text);
  });
});

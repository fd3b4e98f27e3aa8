import { describe, expect, it } from 'vitest';
import { availableChoices, type LoadedScenario } from '../../src/core/index.ts';
import { createGameStore, saveKey, type GameStore } from '../../src/store/game-store.ts';
import { createSaveSlot } from '../../src/store/save-slot.ts';
import { SAVE_OFF_FULL, SAVE_OFF_UNAVAILABLE, type StorageLike } from '../../src/store/storage.ts';
import type { TabLock } from '../../src/store/tab-lock.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../fixtures/mini-scenario.ts';
import { memoryDurable, memoryStorage, quotaError, sharedLock, type MemoryDurable } from './fakes.ts';

const loaded: LoadedScenario = { scenario: miniScenario, hash: 'f'.repeat(64), file: 'mini.yaml' };
const KEY = saveKey('mini');

interface Tab {
  storage?: StorageLike | null;
  durable?: MemoryDurable | null;
  tabs?: TabLock;
  token?: string;
  loadedAs?: LoadedScenario;
}

function makeStore(t: Tab = {}, start = 1_000_000): GameStore {
  let clock = start;
  const storage = t.storage === undefined ? memoryStorage() : t.storage;
  const durable = t.durable ?? null;
  const slot = storage || durable ? createSaveSlot({ key: KEY, storage, durable, token: t.token ?? 'tab-1' }) : null;
  return createGameStore({
    loaded: t.loadedAs ?? loaded,
    slot,
    ...(t.tabs ? { tabs: t.tabs } : {}),
    now: () => (clock += 1500),
    newSeed: () => 42,
  });
}

async function loadedStore(t: Tab = {}, start?: number): Promise<GameStore> {
  const store = makeStore(t, start);
  await store.getState().load();
  return store;
}

async function play(store: GameStore, choices: readonly number[]): Promise<void> {
  for (const c of choices) expect(await store.getState().choose(c)).toBe(true);
}

const ana = { student: { label: 'Ana' }, variant: 'historical' } as const;

describe('game store', () => {
  it('starts a game with the given student, variant and seed', async () => {
    const store = await loadedStore();
    await store.getState().start({ student: { label: ' Ana ', classCode: '9B' }, variant: 'historical', seed: 7 });
    const { session, log } = store.getState();
    expect(session?.node).toBe(miniScenario.start);
    expect(session?.seed).toBe(7);
    expect(log?.student).toEqual({ label: 'Ana', classCode: '9B' });
    expect(log?.scenario).toEqual({ id: 'mini', version: 1, hash: loaded.hash });
  });

  it('appends one log entry per decision, with game clock, wall time and thinking time', async () => {
    const store = await loadedStore();
    await store.getState().start(ana);
    await play(store, MINI_FAITHFUL_WALK.slice(0, 3));
    const entries = store.getState().log?.attempts[0]?.entries ?? [];
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]?.node).toBe(miniScenario.start);
    expect(entries[0]?.clock).toMatch(/^1962-11-\d\dT\d\d:\d\dZ$/);
    expect(entries.every((e) => e.thinkMs >= 0)).toBe(true);
  });

  it('writes each decision durably before subscribers see the new state', async () => {
    const durable = memoryDurable();
    const storage = memoryStorage();
    const store = await loadedStore({ durable, storage });
    await store.getState().start(ana);
    const seen: number[][] = [];
    store.subscribe((s) => {
      const entries = (text: unknown): number => (JSON.parse(String(text ?? '{}')) as { attempts?: { entries: unknown[] }[] }).attempts?.[0]?.entries.length ?? -1;
      const shown = s.log?.attempts[0]?.entries.length ?? 0;
      seen.push([entries(durable.data.get(KEY)) - shown, entries(storage.data.get(KEY)) - shown]);
    });
    await play(store, MINI_FAITHFUL_WALK.slice(0, 2));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(([d, l]) => d === 0 && l === 0)).toBe(true);
  });

  it('refuses a second decision while the first is still being written', async () => {
    const store = await loadedStore({ durable: memoryDurable() });
    await store.getState().start(ana);
    const first = store.getState().choose(MINI_FAITHFUL_WALK[0]!);
    expect(await store.getState().choose(MINI_FAITHFUL_WALK[0]!)).toBe(false);
    expect(await first).toBe(true);
    expect(store.getState().session?.trail).toHaveLength(1);
  });

  it('resumes a saved game in a new store with exactly the same state', async () => {
    const storage = memoryStorage();
    const durable = memoryDurable();
    const first = await loadedStore({ storage, durable });
    await first.getState().start({ student: { label: 'Ana' }, variant: 'refusal' });
    await play(first, MINI_FAITHFUL_WALK.slice(0, 5));

    const second = await loadedStore({ storage, durable });
    expect(second.getState().saved).not.toBeNull();
    expect(second.getState().resume()).toBe(true);
    expect(second.getState().session).toEqual(first.getState().session);
    expect(second.getState().log).toEqual(first.getState().log);
  });

  it('resumes from IndexedDB when the localStorage copy is behind (the browser was killed)', async () => {
    const storage = memoryStorage();
    const durable = memoryDurable();
    const first = await loadedStore({ storage, durable });
    await first.getState().start(ana);
    await play(first, MINI_FAITHFUL_WALK.slice(0, 2));
    const behind = storage.data.get(KEY)!;
    await play(first, MINI_FAITHFUL_WALK.slice(2, 5));
    storage.data.set(KEY, behind);

    const second = await loadedStore({ storage, durable });
    expect(second.getState().resume()).toBe(true);
    expect(second.getState().session).toEqual(first.getState().session);
    expect(second.getState().problem).toBeNull();
  });

  it('offers the newer game when the two copies hold different games', async () => {
    const storage = memoryStorage();
    const durable = memoryDurable();
    const first = await loadedStore({ storage, durable });
    await first.getState().start(ana);
    await play(first, MINI_FAITHFUL_WALK.slice(0, 5));
    const old = durable.data.get(KEY);
    await first.getState().quit();
    await first.getState().start({ student: { label: 'Bea' }, variant: 'historical' });
    durable.data.set(KEY, old);
    const second = await loadedStore({ storage, durable });
    expect(second.getState().saved?.log.student.label).toBe('Bea');
  });

  it('refuses a choice that is not open and says so, without changing state', async () => {
    const store = await loadedStore();
    await store.getState().start(ana);
    const before = store.getState().session;
    expect(await store.getState().choose(99)).toBe(false);
    expect(store.getState().session).toBe(before);
    expect(store.getState().problem).toMatch(/not open/);
  });

  it('plays on with autosave off when there is no storage', async () => {
    const store = await loadedStore({ storage: null });
    expect(store.getState().save).toEqual({ on: false, reason: SAVE_OFF_UNAVAILABLE });
    await store.getState().start(ana);
    await play(store, MINI_FAITHFUL_WALK.slice(0, 3));
    expect(store.getState().session?.trail).toHaveLength(3);
  });

  it('plays on and says the storage is full when a save hits the quota', async () => {
    const storage = memoryStorage();
    let calls = 0;
    storage.setItem = () => {
      calls++;
      if (calls > 1) throw quotaError();
    };
    const store = await loadedStore({ storage });
    await store.getState().start(ana);
    expect(store.getState().save.on).toBe(true);
    await play(store, MINI_FAITHFUL_WALK.slice(0, 2));
    expect(store.getState().save).toEqual({ on: false, reason: SAVE_OFF_FULL });
    expect(store.getState().session?.trail).toHaveLength(2);
  });

  it('offers the same choices after a resume as before', async () => {
    const storage = memoryStorage();
    const first = await loadedStore({ storage });
    await first.getState().start(ana);
    await play(first, MINI_FAITHFUL_WALK.slice(0, 4));
    const second = await loadedStore({ storage });
    second.getState().resume();
    const a = first.getState().session;
    const b = second.getState().session;
    if (!a || !b) throw new Error('no session');
    expect(availableChoices(miniScenario, b)).toEqual(availableChoices(miniScenario, a));
  });

  it('quit deletes the save and returns to the title', async () => {
    const storage = memoryStorage();
    const durable = memoryDurable();
    const store = await loadedStore({ storage, durable });
    await store.getState().start(ana);
    await store.getState().quit();
    expect(store.getState().session).toBeNull();
    expect(storage.data.has(KEY)).toBe(false);
    expect(durable.data.has(KEY)).toBe(false);
  });
});

describe('game store: reading survives what writing does not', () => {
  it('offers and resumes an intact save when every write fails', async () => {
    const storage = memoryStorage();
    const durable = memoryDurable();
    const first = await loadedStore({ storage, durable });
    await first.getState().start(ana);
    await play(first, MINI_FAITHFUL_WALK.slice(0, 3));
    const expected = first.getState().session;

    // The disk fills up: localStorage throws QuotaExceededError, IndexedDB puts fail.
    storage.setItem = () => {
      throw quotaError();
    };
    durable.failWrites = true;
    const second = await loadedStore({ storage, durable });
    expect(second.getState().saved?.session).toEqual(expected);
    expect(second.getState().resume()).toBe(true);
    expect(second.getState().session).toEqual(expected);
    await play(second, MINI_FAITHFUL_WALK.slice(3, 4));
    expect(second.getState().save).toEqual({ on: false, reason: SAVE_OFF_FULL });

    // Writing is off, reading is not: the intact save is still there and offered.
    const third = await loadedStore({ storage, durable });
    expect(third.getState().resume()).toBe(true);
    expect(third.getState().session).toEqual(expected);
  });

  it('writes to localStorage alone when IndexedDB fails, and reads it back', async () => {
    const storage = memoryStorage();
    const durable = memoryDurable();
    durable.failWrites = true;
    const first = await loadedStore({ storage, durable });
    await first.getState().start(ana);
    await play(first, MINI_FAITHFUL_WALK.slice(0, 2));
    expect(first.getState().save).toEqual({ on: true });
    const second = await loadedStore({ storage, durable });
    expect(second.getState().resume()).toBe(true);
    expect(second.getState().session).toEqual(first.getState().session);
  });
});

describe('game store: saves that cannot be resumed', () => {
  async function savedText(): Promise<{ storage: ReturnType<typeof memoryStorage>; text: string }> {
    const storage = memoryStorage();
    const first = await loadedStore({ storage });
    await first.getState().start(ana);
    await play(first, MINI_FAITHFUL_WALK.slice(0, 2));
    return { storage, text: storage.data.get(KEY)! };
  }

  it.each([
    ['not JSON', () => '{not json'],
    ['a null entry', (log: Record<string, unknown>) => ((log['attempts'] as { entries: unknown[] }[])[0]!.entries = [null])],
    ['a missing seed', (log: Record<string, unknown>) => delete log['seed']],
    ['no attempts', (log: Record<string, unknown>) => (log['attempts'] = [])],
    ['an object where the format version belongs', (log: Record<string, unknown>) => (log['formatVersion'] = { toString: 1 })],
    ['a lone surrogate in the name', (log: Record<string, unknown>) => (log['student'] = { label: 'An\uD800a' })],
  ])('sets aside a save with %s, says so in one sentence, and lets a new game begin', async (_what, damage) => {
    const { storage, text } = await savedText();
    const log = JSON.parse(text) as Record<string, unknown>;
    const result = damage(log);
    const bad = typeof result === 'string' ? result : JSON.stringify(log);
    storage.data.set(KEY, bad);

    const store = await loadedStore({ storage });
    const state = store.getState();
    expect(state.saved).toBeNull();
    expect(state.problem).toMatch(/^Your saved game was damaged[^.]*\.$/);
    expect(state.setAside).toHaveLength(1);
    expect(state.setAside[0]?.text).toBe(bad);
    expect(storage.data.has(KEY), 'moved out of the save slot').toBe(false);
    expect(await store.getState().start(ana)).toBe(true);

    // Kept across visits, not set aside twice.
    const later = await loadedStore({ storage });
    expect(later.getState().setAside.map((s) => s.text)).toEqual([bad]);
    expect(later.getState().problem).toBeNull();
  });

  it('sets aside a save made with an earlier version of the scenario that the new one does not continue, and says the teacher can still read it', async () => {
    const storage = memoryStorage();
    const durable = memoryDurable();
    const old = await loadedStore({ storage, durable, loadedAs: { ...loaded, hash: '0'.repeat(64) } });
    await old.getState().start(ana);
    expect(await old.getState().choose(MINI_FAITHFUL_WALK[0]!)).toBe(true);
    const text = storage.data.get(KEY)!;
    // The newer text does not declare that it continues the older one: its decisions may mean something else.
    const newer: LoadedScenario = { ...loaded, scenario: { ...miniScenario, version: 2 } };
    const store = await loadedStore({ storage, durable, loadedAs: newer });
    expect(store.getState().saved).toBeNull();
    expect(store.getState().problem).toMatch(/earlier version of the game.*your teacher can still read it/);
    expect(store.getState().setAside.map((s) => s.text)).toEqual([text]);
    expect(durable.aside, 'kept once, though both copies held it').toHaveLength(1);
    expect(durable.data.has(KEY)).toBe(false);
  });

  it('continues a save made with an earlier text that the new one declares it continues (no decision changed), under the new text', async () => {
    const storage = memoryStorage();
    const durable = memoryDurable();
    const old = await loadedStore({ storage, durable, loadedAs: { ...loaded, hash: '0'.repeat(64) } });
    await old.getState().start(ana);
    expect(await old.getState().choose(MINI_FAITHFUL_WALK[0]!)).toBe(true);
    const newer: LoadedScenario = { ...loaded, scenario: { ...miniScenario, version: 2, continues: ['0'.repeat(64)] } };
    const store = await loadedStore({ storage, durable, loadedAs: newer });
    expect(store.getState().problem).toBeNull();
    expect(store.getState().saved?.log.scenario).toEqual({ id: miniScenario.id, version: 2, hash: loaded.hash });
    expect(store.getState().saved?.log.attempts[0]?.entries).toHaveLength(1);
    expect(store.getState().resume()).toBe(true);
  });

  it('keeps a damaged save where it is when it cannot be kept anywhere else', async () => {
    const storage = memoryStorage();
    storage.data.set(KEY, 'garbage{{');
    const original = storage.setItem;
    storage.setItem = (k, v) => (k === KEY ? original(k, v) : (() => { throw quotaError(); })());
    const store = await loadedStore({ storage });
    expect(store.getState().problem).toMatch(/damaged/);
    expect(storage.data.get(KEY)).toBe('garbage{{');
  });

  it('sets aside both copies when one is damaged, rather than guess which one the student meant', async () => {
    const storage = memoryStorage();
    const durable = memoryDurable();
    const first = await loadedStore({ storage, durable });
    await first.getState().start(ana);
    await play(first, MINI_FAITHFUL_WALK.slice(0, 2));
    const intact = durable.data.get(KEY);
    storage.data.set(KEY, 'garbage{{');
    const second = await loadedStore({ storage, durable });
    expect(second.getState().saved).toBeNull();
    expect(second.getState().problem).toMatch(/damaged/);
    expect(second.getState().setAside.map((s) => s.text).sort()).toEqual([intact, 'garbage{{'].sort());
    expect(durable.data.has(KEY) || storage.data.has(KEY)).toBe(false);
  });
});

describe('game store: two tabs', () => {
  async function twoTabs(): Promise<{ a: GameStore; b: GameStore; durable: MemoryDurable; storage: ReturnType<typeof memoryStorage> }> {
    const storage = memoryStorage();
    const durable = memoryDurable();
    const lock = sharedLock();
    const a = await loadedStore({ storage, durable, tabs: lock(), token: 'a' });
    await a.getState().start(ana);
    await play(a, MINI_FAITHFUL_WALK.slice(0, 2));
    const b = await loadedStore({ storage, durable, tabs: lock(), token: 'b' });
    return { a, b, durable, storage };
  }

  it('lets only the first tab write; the second says so and takes no decisions', async () => {
    const { a, b, durable } = await twoTabs();
    expect(a.getState().tab).toEqual({ writer: true });
    expect(b.getState().tab).toMatchObject({ writer: false, message: expect.stringMatching(/another tab/) });
    expect(b.getState().resume()).toBe(true);
    const saved = durable.data.get(KEY);
    expect(await b.getState().choose(MINI_FAITHFUL_WALK[2]!)).toBe(false);
    expect(b.getState().problem).toMatch(/Play here/);
    expect(await b.getState().start({ student: { label: 'Bea' }, variant: 'historical' })).toBe(false);
    expect(durable.data.get(KEY)).toBe(saved);
  });

  it('a take-over continues from every decision the first tab saved, and makes the first tab read-only', async () => {
    const { a, b, durable } = await twoTabs();
    b.getState().resume();
    await play(a, MINI_FAITHFUL_WALK.slice(2, 4)); // the first tab goes on after the second opened
    await b.getState().takeOver();
    expect(b.getState().tab).toEqual({ writer: true });
    expect(b.getState().session).toEqual(a.getState().session);
    expect(a.getState().tab).toMatchObject({ writer: false, message: expect.stringMatching(/taken over/) });

    const saved = durable.data.get(KEY);
    expect(await a.getState().choose(MINI_FAITHFUL_WALK[4]!)).toBe(false);
    expect(durable.data.get(KEY), 'the read-only tab wrote nothing').toBe(saved);
    await play(b, MINI_FAITHFUL_WALK.slice(4, 5));
    expect(JSON.parse(String(durable.data.get(KEY))).attempts[0].entries).toHaveLength(5);
  });

  it('refuses, and says so, a decision whose write the fence refused', async () => {
    const { a, durable } = await twoTabs();
    await durable.claim(KEY, 'someone-else'); // taken over without the lock noticing in time
    const before = a.getState().session;
    expect(await a.getState().choose(MINI_FAITHFUL_WALK[2]!)).toBe(false);
    expect(a.getState().session).toBe(before);
    expect(a.getState().problem).toMatch(/not taken.*another tab/);
    expect(a.getState().tab.writer).toBe(false);
  });

  it('says how many decisions were not saved when a tab with autosave off is taken over', async () => {
    const storage = memoryStorage();
    const durable = memoryDurable();
    const lock = sharedLock();
    const a = await loadedStore({ storage, durable, tabs: lock(), token: 'a' });
    await a.getState().start(ana);
    durable.failWrites = true;
    storage.setItem = () => {
      throw quotaError();
    };
    await play(a, MINI_FAITHFUL_WALK.slice(0, 2));
    const b = await loadedStore({ storage, durable, tabs: lock(), token: 'b' });
    await b.getState().takeOver();
    expect(a.getState().tab).toMatchObject({ writer: false, message: expect.stringMatching(/last 2 decisions .* not saved/) });
  });
});

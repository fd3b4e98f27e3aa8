/**
 * The store's replay actions: looking back (`look`, `present`), going back to choose again
 * (`rewind`, a new attempt in the log), reasons (`choose` with a reason where the node asks why),
 * the teacher's link modes and a store that plays a log back (`watch`).
 */
import { describe, expect, it } from 'vitest';
import { replayLog, type DecisionLog, type LoadedScenario } from '../../src/core/index.ts';
import { cleanReason, createGameStore, REASON_REQUIRED, saveKey, type GameStore, type Modes } from '../../src/store/game-store.ts';
import { createSaveSlot } from '../../src/store/save-slot.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../fixtures/mini-scenario.ts';
import { memoryDurable, memoryStorage, type MemoryDurable, type MemoryStorage } from './fakes.ts';

const loaded: LoadedScenario = { scenario: miniScenario, hash: 'f'.repeat(64), file: 'mini.yaml' };
const KEY = saveKey('mini');

/** The node that asks why in `asking`: the start, so the first decision carries the reason. */
const WHY_NODE = miniScenario.start;
const asking: LoadedScenario = {
  scenario: {
    ...miniScenario,
    nodes: { ...miniScenario.nodes, [WHY_NODE]: { ...miniScenario.nodes[WHY_NODE]!, why: 'Why?' } },
  },
  hash: 'e'.repeat(64),
  file: 'mini-why.yaml',
};

interface Build {
  storage?: MemoryStorage;
  durable?: MemoryDurable;
  modes?: Modes;
  loadedAs?: LoadedScenario;
  watch?: { log: DecisionLog; file: string | null };
}

function makeStore(b: Build = {}): GameStore {
  let clock = 1_000_000;
  const storage = b.storage ?? memoryStorage();
  const slot = createSaveSlot({ key: KEY, storage, durable: b.durable ?? null, token: 'tab-1' });
  return createGameStore({
    loaded: b.loadedAs ?? loaded,
    slot,
    now: () => (clock += 1500),
    newSeed: () => 42,
    ...(b.modes ? { modes: b.modes } : {}),
    ...(b.watch ? { watch: b.watch } : {}),
  });
}

async function loadedStore(b: Build = {}): Promise<GameStore> {
  const store = makeStore(b);
  await store.getState().load();
  return store;
}

/** Seed 1 makes MINI_FAITHFUL_WALK a whole walk (see the fixture). */
const ana = { student: { label: 'Ana' }, variant: 'historical', seed: 1 } as const;

async function play(store: GameStore, choices: readonly number[]): Promise<void> {
  for (const c of choices) expect(await store.getState().choose(c)).toBe(true);
}

function savedLog(storage: MemoryStorage): DecisionLog {
  const text = storage.data.get(KEY);
  if (text === undefined) throw new Error('nothing saved');
  return JSON.parse(text) as DecisionLog;
}

/** The saved log replays (read back from storage) to exactly the store's session and path. */
function expectSavedMatches(store: GameStore, storage: MemoryStorage, scenario = miniScenario): void {
  const log = savedLog(storage);
  expect(log).toEqual(store.getState().log);
  const replayed = replayLog(scenario, log);
  if (!replayed.ok) throw new Error(replayed.error);
  expect(replayed.state).toEqual(store.getState().session);
  expect(replayed.states).toEqual(store.getState().path);
}

describe('replay store: rewind', () => {
  it('rewinding twice gives three attempts, each starting from the right point', async () => {
    const storage = memoryStorage();
    const store = await loadedStore({ storage });
    await store.getState().start(ana);
    await play(store, MINI_FAITHFUL_WALK.slice(0, 5));

    expect(await store.getState().rewind(0, 2)).toBe(true);
    expect(store.getState().log?.attempts.map((a) => a.from)).toEqual([null, { attempt: 0, seq: 2 }]);
    expect(store.getState().path).toHaveLength(3);
    expect(store.getState().session?.trail).toHaveLength(2);
    expect(store.getState().view).toBeNull();
    expectSavedMatches(store, storage);

    await play(store, MINI_FAITHFUL_WALK.slice(2, 4));
    expect(store.getState().path).toHaveLength(5);
    // Keep 3 of attempt 1's full path: its 2 inherited decisions and 1 of its own.
    expect(await store.getState().rewind(1, 3)).toBe(true);
    const log = store.getState().log;
    expect(log?.attempts).toHaveLength(3);
    expect(log?.attempts.map((a) => a.from)).toEqual([null, { attempt: 0, seq: 2 }, { attempt: 1, seq: 1 }]);
    expect(log?.attempts[2]?.entries).toEqual([]);
    expect(store.getState().path).toHaveLength(4);
    expect(store.getState().session).toEqual(store.getState().path[3]);
    expectSavedMatches(store, storage);

    // Choosing goes on in the new attempt, and the save still replays to the store's state.
    await play(store, MINI_FAITHFUL_WALK.slice(3, 5));
    expect(store.getState().log?.attempts[2]?.entries.map((e) => e.seq)).toEqual([1, 2]);
    expectSavedMatches(store, storage);
  });

  it('a rewind into an inherited prefix branches from the attempt that took that decision; keep 0 starts afresh', async () => {
    const storage = memoryStorage();
    const store = await loadedStore({ storage });
    await store.getState().start(ana);
    await play(store, MINI_FAITHFUL_WALK.slice(0, 4));
    expect(await store.getState().rewind(0, 3)).toBe(true);
    expect(await store.getState().rewind(1, 1)).toBe(true);
    expect(store.getState().log?.attempts[2]?.from).toEqual({ attempt: 0, seq: 1 });
    expectSavedMatches(store, storage);
    expect(await store.getState().rewind(2, 0)).toBe(true);
    expect(store.getState().log?.attempts[3]?.from).toBeNull();
    expect(store.getState().path).toHaveLength(1);
    expect(store.getState().session?.node).toBe(miniScenario.start);
    expectSavedMatches(store, storage);
  });

  it('saves the new attempt before subscribers see it', async () => {
    const storage = memoryStorage();
    const durable = memoryDurable();
    const store = await loadedStore({ storage, durable });
    await store.getState().start(ana);
    await play(store, MINI_FAITHFUL_WALK.slice(0, 3));
    const seen: [number, number, number][] = [];
    store.subscribe((s) => {
      const attempts = (text: unknown): number => (JSON.parse(String(text)) as DecisionLog).attempts.length;
      seen.push([s.log?.attempts.length ?? 0, attempts(storage.data.get(KEY)), attempts(durable.data.get(KEY))]);
    });
    expect(await store.getState().rewind(0, 1)).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(([shown, local, durableCount]) => shown === 2 && local === 2 && durableCount === 2)).toBe(true);
  });

  it('refuses a point that does not exist, and changes nothing', async () => {
    const storage = memoryStorage();
    const store = await loadedStore({ storage });
    await store.getState().start(ana);
    await play(store, MINI_FAITHFUL_WALK.slice(0, 2));
    const before = storage.data.get(KEY);
    for (const [attempt, keep] of [[0, 3], [0, -1], [0, 0.5], [1, 0]] as const) {
      expect(await store.getState().rewind(attempt, keep)).toBe(false);
      expect(store.getState().problem).toMatch(/no decision/);
    }
    expect(storage.data.get(KEY)).toBe(before);
    expect(store.getState().log?.attempts).toHaveLength(1);
  });

  it('a reload resumes the last attempt with the same path', async () => {
    const storage = memoryStorage();
    const durable = memoryDurable();
    const first = await loadedStore({ storage, durable });
    await first.getState().start(ana);
    await play(first, MINI_FAITHFUL_WALK.slice(0, 5));
    await first.getState().rewind(0, 2);
    await play(first, MINI_FAITHFUL_WALK.slice(2, 4));
    await first.getState().rewind(1, 3);
    await play(first, MINI_FAITHFUL_WALK.slice(3, 4));

    const second = await loadedStore({ storage, durable });
    expect(second.getState().saved).not.toBeNull();
    expect(second.getState().resume()).toBe(true);
    const a = first.getState();
    const b = second.getState();
    expect(b.log).toEqual(a.log);
    expect(b.log?.attempts).toHaveLength(3);
    expect(b.session).toEqual(a.session);
    expect(b.path).toEqual(a.path);
    expect(b.path).toHaveLength(5);
    expect(b.view).toBeNull();
    expect(b.modes).toEqual({ rewind: 'free', reasons: 'optional' });
    // And it plays on from there.
    expect(await second.getState().choose(MINI_FAITHFUL_WALK[4]!)).toBe(true);
    expectSavedMatches(second, storage);
  });
});

describe('replay store: look and present', () => {
  it('looks at an earlier state read-only, then returns to the live state', async () => {
    const storage = memoryStorage();
    const store = await loadedStore({ storage });
    await store.getState().start(ana);
    await play(store, MINI_FAITHFUL_WALK.slice(0, 4));
    const live = store.getState().session;
    const path = store.getState().path;
    const saved = storage.data.get(KEY);

    expect(store.getState().look(0, 1)).toBe(true);
    expect(store.getState().view).toEqual({ attempt: 0, keep: 1 });
    expect(store.getState().session).toEqual(path[1]);
    expect(store.getState().path).toBe(path);

    // Nothing is chosen while looking back.
    expect(await store.getState().choose(0)).toBe(false);
    expect(store.getState().problem).toMatch(/looking back/);
    expect(store.getState().log?.attempts[0]?.entries).toHaveLength(4);

    store.getState().present();
    expect(store.getState().view).toBeNull();
    expect(store.getState().session).toBe(live);
    expect(store.getState().problem).toBeNull();
    expect(storage.data.get(KEY), 'looking writes nothing').toBe(saved);
    expect(await store.getState().choose(MINI_FAITHFUL_WALK[4]!)).toBe(true);
  });

  it('looks at the end of an earlier attempt when keep is left out, clamps keep, and shows the present for the live end', async () => {
    const store = await loadedStore();
    await store.getState().start(ana);
    await play(store, MINI_FAITHFUL_WALK.slice(0, 4));
    const attempt0 = store.getState().path;
    await store.getState().rewind(0, 1);
    await play(store, MINI_FAITHFUL_WALK.slice(1, 2));

    expect(store.getState().look(0)).toBe(true);
    expect(store.getState().view).toEqual({ attempt: 0, keep: 4 });
    expect(store.getState().session).toEqual(attempt0[4]);

    expect(store.getState().look(0, 99)).toBe(true);
    expect(store.getState().view).toEqual({ attempt: 0, keep: 4 });

    // The end of the live attempt is the present.
    expect(store.getState().look(1)).toBe(true);
    expect(store.getState().view).toBeNull();
    expect(store.getState().session).toEqual(store.getState().path.at(-1));

    expect(store.getState().look(5, 0)).toBe(false);
    expect(store.getState().problem).toMatch(/cannot be shown/);
  });

  it('rewinding while looking leaves the look and goes on from the new attempt', async () => {
    const storage = memoryStorage();
    const store = await loadedStore({ storage });
    await store.getState().start(ana);
    await play(store, MINI_FAITHFUL_WALK.slice(0, 3));
    store.getState().look(0, 1);
    expect(await store.getState().rewind(0, 1)).toBe(true);
    expect(store.getState().view).toBeNull();
    expect(store.getState().path).toHaveLength(2);
    expectSavedMatches(store, storage);
  });
});

describe('replay store: the link modes', () => {
  it('records the link modes in the log header of a new game', async () => {
    const storage = memoryStorage();
    const store = await loadedStore({ storage, modes: { rewind: 'look', reasons: 'required' } });
    expect(store.getState().modes).toEqual({ rewind: 'look', reasons: 'required' });
    await store.getState().start(ana);
    expect(store.getState().log).toMatchObject({ rewind: 'look', reasons: 'required' });
    expect(savedLog(storage)).toMatchObject({ rewind: 'look', reasons: 'required' });
  });

  it('defaults to rewinding free and reasons optional', async () => {
    const store = await loadedStore();
    await store.getState().start(ana);
    expect(store.getState().log).toMatchObject({ rewind: 'free', reasons: 'optional' });
  });

  it("with rewind 'look', looking is allowed and rewinding is refused", async () => {
    const storage = memoryStorage();
    const store = await loadedStore({ storage, modes: { rewind: 'look', reasons: 'optional' } });
    await store.getState().start(ana);
    await play(store, MINI_FAITHFUL_WALK.slice(0, 3));
    const saved = storage.data.get(KEY);

    expect(await store.getState().rewind(0, 1)).toBe(false);
    expect(store.getState().problem).toMatch(/look back .*but not change/);
    expect(store.getState().log?.attempts).toHaveLength(1);
    expect(storage.data.get(KEY)).toBe(saved);

    expect(store.getState().look(0, 1)).toBe(true);
    expect(store.getState().view).toEqual({ attempt: 0, keep: 1 });
    store.getState().present();
    expect(store.getState().view).toBeNull();
  });

  it("with rewind 'off', both looking and rewinding are refused", async () => {
    const storage = memoryStorage();
    const store = await loadedStore({ storage, modes: { rewind: 'off', reasons: 'optional' } });
    await store.getState().start(ana);
    await play(store, MINI_FAITHFUL_WALK.slice(0, 3));
    const live = store.getState().session;
    const saved = storage.data.get(KEY);

    expect(store.getState().look(0, 1)).toBe(false);
    expect(store.getState().problem).toMatch(/cannot be revisited/);
    expect(store.getState().view).toBeNull();
    expect(store.getState().session).toBe(live);

    expect(await store.getState().rewind(0, 1)).toBe(false);
    expect(store.getState().problem).toMatch(/cannot be revisited/);
    expect(storage.data.get(KEY)).toBe(saved);
  });

  it('a resumed game keeps the modes it was started with, whatever the new link says', async () => {
    const storage = memoryStorage();
    const first = await loadedStore({ storage, modes: { rewind: 'off', reasons: 'optional' } });
    await first.getState().start(ana);
    await play(first, MINI_FAITHFUL_WALK.slice(0, 2));

    const second = await loadedStore({ storage, modes: { rewind: 'free', reasons: 'optional' } });
    expect(second.getState().resume()).toBe(true);
    expect(second.getState().modes).toEqual({ rewind: 'off', reasons: 'optional' });
    expect(await second.getState().rewind(0, 1)).toBe(false);
    expect(second.getState().look(0, 1)).toBe(false);
    // A new game after quitting takes the link's modes again.
    await second.getState().quit();
    expect(second.getState().modes).toEqual({ rewind: 'free', reasons: 'optional' });
  });
});

describe('replay store: reasons', () => {
  it('keeps a cleaned reason where the node asks why, and none where it does not', async () => {
    const storage = memoryStorage();
    const store = await loadedStore({ storage, loadedAs: asking });
    await store.getState().start(ana);
    expect(await store.getState().choose(MINI_FAITHFUL_WALK[0]!, '  Because\u0007 it\r\nmatters \t ')).toBe(true);
    expect(await store.getState().choose(MINI_FAITHFUL_WALK[1]!, 'not asked here')).toBe(true);
    const entries = store.getState().log?.attempts[0]?.entries ?? [];
    expect(entries[0]?.node).toBe(WHY_NODE);
    expect(entries[0]?.reason).toBe('Because it\nmatters');
    expect(entries[1]).not.toHaveProperty('reason');
    expectSavedMatches(store, storage, asking.scenario);

    // The save with its reason is resumed as it was.
    const second = await loadedStore({ storage, loadedAs: asking });
    expect(second.getState().resume()).toBe(true);
    expect(second.getState().log?.attempts[0]?.entries[0]?.reason).toBe('Because it\nmatters');
  });

  it('cuts a long reason to 500 characters, never between the halves of a character', async () => {
    const long = await loadedStore({ loadedAs: asking });
    await long.getState().start(ana);
    expect(await long.getState().choose(MINI_FAITHFUL_WALK[0]!, `${'x'.repeat(600)}`)).toBe(true);
    expect(long.getState().log?.attempts[0]?.entries[0]?.reason).toBe('x'.repeat(500));

    const emoji = await loadedStore({ loadedAs: asking });
    await emoji.getState().start(ana);
    const text = `${'a'.repeat(499)}\u{1F600}tail`;
    expect(await emoji.getState().choose(MINI_FAITHFUL_WALK[0]!, text)).toBe(true);
    const kept = emoji.getState().log?.attempts[0]?.entries[0]?.reason;
    expect(kept).toBe('a'.repeat(499));
    expect(kept).toBe(cleanReason(text));
  });

  it('with reasons optional, a missing or blank reason is left out of the entry', async () => {
    const store = await loadedStore({ loadedAs: asking });
    await store.getState().start(ana);
    expect(await store.getState().choose(MINI_FAITHFUL_WALK[0]!, ' \n\u0001 ')).toBe(true);
    expect(store.getState().log?.attempts[0]?.entries[0]).not.toHaveProperty('reason');
  });

  it('with reasons required, refuses a missing or blank reason at a node that asks why, and changes nothing', async () => {
    const storage = memoryStorage();
    const store = await loadedStore({ storage, loadedAs: asking, modes: { rewind: 'free', reasons: 'required' } });
    await store.getState().start(ana);
    const before = store.getState().session;
    const saved = storage.data.get(KEY);
    for (const reason of [undefined, '', '   \n ']) {
      expect(await store.getState().choose(MINI_FAITHFUL_WALK[0]!, reason)).toBe(false);
      expect(store.getState().problem).toBe(REASON_REQUIRED);
    }
    expect(store.getState().session).toBe(before);
    expect(store.getState().log?.attempts[0]?.entries).toEqual([]);
    expect(storage.data.get(KEY)).toBe(saved);

    expect(await store.getState().choose(MINI_FAITHFUL_WALK[0]!, 'To be sure of the text.')).toBe(true);
    expect(store.getState().problem).toBeNull();
    // A node that does not ask why needs no reason, even when reasons are required.
    expect(await store.getState().choose(MINI_FAITHFUL_WALK[1]!)).toBe(true);
    expectSavedMatches(store, storage, asking.scenario);

    const second = await loadedStore({ storage, loadedAs: asking });
    expect(second.getState().resume()).toBe(true);
    expect(second.getState().modes).toEqual({ rewind: 'free', reasons: 'required' });
  });
});

describe('replay store: watching a log', () => {
  async function someLog(): Promise<DecisionLog> {
    const store = await loadedStore();
    await store.getState().start(ana);
    await play(store, MINI_FAITHFUL_WALK.slice(0, 4));
    await store.getState().rewind(0, 2);
    await play(store, MINI_FAITHFUL_WALK.slice(2, 3));
    const log = store.getState().log;
    if (!log) throw new Error('no log');
    return log;
  }

  /** Storage whose every write is counted. */
  function watchedStorage(): { storage: MemoryStorage; durable: MemoryDurable; writes: () => number } {
    const storage = memoryStorage();
    const durable = memoryDurable();
    let writes = 0;
    const setItem = storage.setItem.bind(storage);
    const removeItem = storage.removeItem.bind(storage);
    storage.setItem = (k, v) => {
      writes++;
      setItem(k, v);
    };
    storage.removeItem = (k) => {
      writes++;
      removeItem(k);
    };
    for (const name of ['put', 'remove', 'claim', 'setAside'] as const) {
      const original = durable[name].bind(durable) as (...args: unknown[]) => Promise<void>;
      (durable as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
        writes++;
        await original(...args);
      };
    }
    return { storage, durable, writes: () => writes };
  }

  it('opens at attempt 0, keep 0, with the student and the file named', async () => {
    const log = await someLog();
    const store = makeStore({ watch: { log, file: 'ana.json' } });
    const s = store.getState();
    expect(s.watching).toEqual({ student: { label: 'Ana' }, file: 'ana.json' });
    expect(s.view).toEqual({ attempt: 0, keep: 0 });
    expect(s.session?.node).toBe(miniScenario.start);
    expect(s.session?.trail).toEqual([]);
    expect(s.log).toBe(log);
    expect(s.path).toHaveLength(5);
    expect(s.save.on).toBe(false);
    expect(s.modes).toEqual({ rewind: 'free', reasons: 'optional' });
  });

  it('steps through any attempt, and never writes to storage', async () => {
    const log = await someLog();
    const { storage, durable, writes } = watchedStorage();
    const store = makeStore({ storage, durable, watch: { log, file: null } });
    await store.getState().load();

    expect(store.getState().look(1, 3)).toBe(true);
    expect(store.getState().view).toEqual({ attempt: 1, keep: 3 });
    const replayed = replayLog(miniScenario, log, { attempt: 1 });
    if (!replayed.ok) throw new Error(replayed.error);
    expect(store.getState().session).toEqual(replayed.states[3]);
    expect(store.getState().path).toEqual(replayed.states);
    // The end of the last attempt is still a view, not a present to play from.
    expect(store.getState().look(1)).toBe(true);
    expect(store.getState().view).toEqual({ attempt: 1, keep: 3 });
    store.getState().present();
    expect(store.getState().view).toEqual({ attempt: 1, keep: 3 });

    expect(await store.getState().start(ana)).toBe(false);
    expect(store.getState().problem).toMatch(/watched/);
    expect(await store.getState().choose(0)).toBe(false);
    expect(store.getState().problem).toMatch(/watched/);
    expect(await store.getState().rewind(0, 1)).toBe(false);
    expect(store.getState().problem).toMatch(/watched/);
    await store.getState().quit();
    await store.getState().takeOver();
    expect(store.getState().log).toBe(log);
    expect(store.getState().watching).not.toBeNull();

    expect(writes()).toBe(0);
    expect(storage.data.size).toBe(0);
    expect(durable.data.size).toBe(0);
  });

  it("can look back at a log played with rewind 'off'", async () => {
    const player = await loadedStore({ modes: { rewind: 'off', reasons: 'optional' } });
    await player.getState().start(ana);
    await play(player, MINI_FAITHFUL_WALK.slice(0, 3));
    const log = player.getState().log!;
    const store = makeStore({ watch: { log, file: null } });
    expect(store.getState().modes.rewind).toBe('off');
    expect(store.getState().look(0, 2)).toBe(true);
    expect(store.getState().view).toEqual({ attempt: 0, keep: 2 });
  });
});

/**
 * A class game in the store (issue 10, point 6): the teacher's link (`?mode=class`) makes new games
 * class games, the log header records it, a reload or a later visit keeps it because the log says so
 * (whatever the new link says), a student's own game stays one under a class link, and the class's
 * reason is kept like a student's: optional unless the link requires it.
 */
import { describe, expect, it } from 'vitest';
import { parseOpenLog, replayLog, sealLog, verifyLog, type DecisionLog, type LoadedScenario } from '../../src/core/index.ts';
import { createGameStore, REASON_REQUIRED, saveKey, type GameStore, type Modes } from '../../src/store/game-store.ts';
import { readLinkParams } from '../../src/store/link-params.ts';
import { createSaveSlot } from '../../src/store/save-slot.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../fixtures/mini-scenario.ts';
import { memoryStorage, type MemoryStorage } from './fakes.ts';

const loaded: LoadedScenario = { scenario: miniScenario, hash: 'f'.repeat(64), file: 'mini.yaml' };
const KEY = saveKey('mini');
/** The mini scenario asking why at its start, so the first decision can carry the class's reason. */
const asking: LoadedScenario = {
  scenario: { ...miniScenario, nodes: { ...miniScenario.nodes, [miniScenario.start]: { ...miniScenario.nodes[miniScenario.start]!, why: 'Why?' } } },
  hash: 'e'.repeat(64),
  file: 'mini-why.yaml',
};
const WORLDS = { historical: { label: 'As it happened' } };
const CLASS: Modes = readLinkParams('?mode=class', WORLDS).modes;
const OWN: Modes = readLinkParams('', WORLDS).modes;
const nineB = { student: { label: 'Class 9B' }, variant: 'historical', seed: 1 } as const;

async function storeOn(storage: MemoryStorage, modes: Modes, as: LoadedScenario = loaded): Promise<GameStore> {
  let clock = 2_000_000;
  const store = createGameStore({
    loaded: as,
    slot: createSaveSlot({ key: KEY, storage, durable: null, token: 'tab-1' }),
    now: () => (clock += 4000),
    newSeed: () => 7,
    modes,
  });
  await store.getState().load();
  return store;
}

function savedLog(storage: MemoryStorage): DecisionLog {
  const text = storage.data.get(KEY);
  if (text === undefined) throw new Error('nothing saved');
  const parsed = parseOpenLog(JSON.parse(text));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.log;
}

describe('the class game link', () => {
  it('reads ?mode=class as a class game, and says why any other mode is left out', () => {
    expect(CLASS).toEqual({ rewind: 'free', reasons: 'optional', play: 'class' });
    expect(OWN).toEqual({ rewind: 'free', reasons: 'optional' });
    expect(readLinkParams('?mode=class&reasons=required&rewind=look', WORLDS).modes).toEqual({ rewind: 'look', reasons: 'required', play: 'class' });
    const other = readLinkParams('?mode=everyone', WORLDS);
    expect(other.modes).toEqual(OWN);
    expect(other.problems).toEqual(['The link\'s mode "everyone" is not class, so each student plays their own game.']);
    expect(readLinkParams('?mode=', WORLDS)).toMatchObject({ modes: OWN, problems: [] });
    expect(readLinkParams('?mode=Class', WORLDS).modes).toEqual(OWN);
  });
});

describe('a class game in the store', () => {
  it('records play: class in the header of a new game and in every save, and its log verifies as a class game', async () => {
    const storage = memoryStorage();
    const store = await storeOn(storage, CLASS);
    expect(store.getState().modes).toEqual(CLASS);
    expect(await store.getState().start(nineB)).toBe(true);
    expect(store.getState().log).toMatchObject({ play: 'class', rewind: 'free', reasons: 'optional', student: { label: 'Class 9B' } });
    expect(savedLog(storage).play).toBe('class');
    for (const c of MINI_FAITHFUL_WALK) expect(await store.getState().choose(c)).toBe(true);
    const log = savedLog(storage);
    expect(log.play).toBe('class');
    expect(log).toEqual(store.getState().log);
    const replayed = replayLog(miniScenario, log);
    if (!replayed.ok) throw new Error(replayed.error);
    expect(replayed.state).toEqual(store.getState().session);
    const verified = await verifyLog(JSON.parse(JSON.stringify(await sealLog(log))), { scenario: miniScenario, hash: loaded.hash });
    if (!verified.ok) expect.fail(verified.problems.join('\n'));
    expect(verified.log.play).toBe('class');
  });

  it('a reload keeps the class game because the log says so, even when the new link does not', async () => {
    const storage = memoryStorage();
    const first = await storeOn(storage, CLASS);
    await first.getState().start(nineB);
    for (const c of MINI_FAITHFUL_WALK.slice(0, 3)) await first.getState().choose(c);

    const reloaded = await storeOn(storage, OWN);
    // On the title, before continuing, a new game would follow the new link.
    expect(reloaded.getState().modes).toEqual(OWN);
    expect(reloaded.getState().saved?.log.play).toBe('class');
    expect(reloaded.getState().resume()).toBe(true);
    expect(reloaded.getState().modes).toEqual(CLASS);
    expect(reloaded.getState().session).toEqual(first.getState().session);
    expect(await reloaded.getState().choose(MINI_FAITHFUL_WALK[3]!)).toBe(true);
    expect(savedLog(storage).play).toBe('class');
    // Leaving the class game: the next one follows the link again.
    await reloaded.getState().quit();
    expect(reloaded.getState().modes).toEqual(OWN);
    await reloaded.getState().start({ ...nineB, student: { label: 'Lucía' } });
    expect(reloaded.getState().log).not.toHaveProperty('play');
  });

  it("a student's own game stays one under a class link", async () => {
    const storage = memoryStorage();
    const own = await storeOn(storage, OWN);
    await own.getState().start({ ...nineB, student: { label: 'Lucía' } });
    await own.getState().choose(MINI_FAITHFUL_WALK[0]!);

    const underClassLink = await storeOn(storage, CLASS);
    expect(underClassLink.getState().modes).toEqual(CLASS);
    expect(underClassLink.getState().resume()).toBe(true);
    expect(underClassLink.getState().modes).toEqual(OWN);
    expect(underClassLink.getState().log).not.toHaveProperty('play');
  });

  it("keeps the class's reason where the node asks why: optional, or required when the link says so", async () => {
    const optional = memoryStorage();
    const store = await storeOn(optional, CLASS, asking);
    await store.getState().start(nineB);
    expect(await store.getState().choose(MINI_FAITHFUL_WALK[0]!)).toBe(true);
    expect(savedLog(optional).attempts[0]?.entries[0]).not.toHaveProperty('reason');

    const required = memoryStorage();
    const strict = await storeOn(required, readLinkParams('?mode=class&reasons=required', WORLDS).modes, asking);
    await strict.getState().start(nineB);
    expect(await strict.getState().choose(MINI_FAITHFUL_WALK[0]!)).toBe(false);
    expect(strict.getState().problem).toBe(REASON_REQUIRED);
    expect(await strict.getState().choose(MINI_FAITHFUL_WALK[0]!, '  Most hands went up for it: the minister must hear it tonight.  ')).toBe(true);
    expect(savedLog(required)).toMatchObject({ play: 'class', reasons: 'required' });
    expect(savedLog(required).attempts[0]?.entries[0]?.reason).toBe('Most hands went up for it: the minister must hear it tonight.');
  });
});

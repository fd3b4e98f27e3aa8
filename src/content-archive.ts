/**
 * The kept earlier texts of the scenarios (scenarios/archive/), for checking logs made before a
 * scenario was revised: a library that loads each text only when a log names it (the game's
 * watching and the review page share it). Each text is its own chunk, so the game's first screen
 * carries none of them.
 */
import type { LoadedScenario } from './core/play.ts';
import { archiveLibrary, type ArchiveLoader } from './core/log/library.ts';

const loaders = import.meta.glob<{ default: LoadedScenario }>('../scenarios/archive/*.yaml');

/** Every kept text, each loaded on first use; see `archiveLibrary`. Never rejects. */
export const archive = archiveLibrary(
  Object.fromEntries(
    Object.entries(loaders).map(([file, load]): [string, ArchiveLoader] => [file, async () => (await load()).default]),
  ),
);

/**
 * Loads every kept text now. The review page calls it while it starts, so that importing a class's
 * logs later asks the network for nothing (a module imported once is not fetched again).
 */
export async function preloadArchive(): Promise<void> {
  await Promise.all(Object.values(loaders).map((load) => load()));
}

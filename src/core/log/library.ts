/**
 * Every scenario text a class may have played, for checking old logs after a scenario is revised.
 * A log names the text it was made with by its content hash (the hash `loadScenario` computes);
 * the current texts are always at hand, and earlier ones are kept beside them, in
 * scenarios/archive/, as `<id>-v<version>-<first 12 hex digits of the hash>.yaml`, loaded only when
 * a log asks for one. In Node the CLI reads that folder; a page can build the same library from a
 * dynamic import per file (`import.meta.glob('../scenarios/archive/*.yaml')`). Pure.
 */
import type { Scenario } from '../scenario/schema.ts';

/** A scenario a log is checked against, with the content hash the loader computed for it. */
export interface ScenarioRef {
  scenario: Scenario;
  hash: string;
}

/**
 * Finds the kept text of scenario `id` whose content hash is `hash`, or null when none is kept.
 * A library must never answer with a text of another id or hash (`archiveLibrary` checks both).
 */
export type ScenarioLibrary = (id: string, hash: string) => Promise<ScenarioRef | null>;

/** How many hex digits of the hash a kept file's name carries. */
export const ARCHIVE_HASH_DIGITS = 12;

const ARCHIVE_NAME = /^(.+)-v(\d+)-([0-9a-f]{12})\.yaml$/;

/** The file name a kept text gets: `mexico-v1-23a1d14a6a76.yaml`. */
export function archiveFileName(id: string, version: number, hash: string): string {
  return `${id}-v${version}-${hash.slice(0, ARCHIVE_HASH_DIGITS)}.yaml`;
}

/** What a kept file's name says (its last path segment is read), or null for any other name. */
export function readArchiveFileName(file: string): { id: string; version: number; hashPrefix: string } | null {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const match = ARCHIVE_NAME.exec(base);
  if (!match) return null;
  return { id: match[1] as string, version: Number(match[2]), hashPrefix: match[3] as string };
}

/** Loads one kept file; null (or a rejection) when it cannot be loaded. */
export type ArchiveLoader = () => Promise<ScenarioRef | null>;

/**
 * A library over kept files, keyed by file name (or path). Only a file whose name carries the id and
 * the hash's first digits is loaded, once; the answer is given only when the loaded text really
 * has that id and the whole hash, so a misnamed file is never taken for another text. Never rejects.
 */
export function archiveLibrary(files: Readonly<Record<string, ArchiveLoader>>): ScenarioLibrary {
  const loaded = new Map<string, Promise<ScenarioRef | null>>();
  const load = (file: string, loader: ArchiveLoader): Promise<ScenarioRef | null> => {
    let promise = loaded.get(file);
    if (promise === undefined) {
      promise = loader().catch(() => null);
      loaded.set(file, promise);
    }
    return promise;
  };
  return async (id, hash) => {
    for (const [file, loader] of Object.entries(files)) {
      const name = readArchiveFileName(file);
      if (name === null || name.id !== id || !hash.startsWith(name.hashPrefix)) continue;
      const ref = await load(file, loader);
      if (ref !== null && ref.scenario.id === id && ref.hash === hash) return ref;
    }
    return null;
  };
}

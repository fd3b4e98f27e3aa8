/**
 * Autosave through a storage that may be missing, blocked or full. Nothing here throws: every
 * failure becomes a status the page shows in plain words.
 */

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** Listing, where the storage has it (the page's localStorage does); used to find set-aside saves. */
  readonly length?: number;
  key?(index: number): string | null;
}

/** Where the post last played is remembered (localStorage), so that the next visit opens it. */
export const POST_KEY = 'circular938.post';
/** Set in sessionStorage while a game is on screen: a reload of the tab goes straight back to it. */
export const PLAYING_KEY = 'circular938.playing';

export type SaveStatus = { on: true } | { on: false; reason: string };

export const SAVE_OFF_UNAVAILABLE =
  'Autosave is off: this browser does not let the game save (private window or school settings). ' +
  'You can still play; keep this tab open, and download your log at the end.';
export const SAVE_OFF_FULL =
  'Autosave is off: the browser storage is full. You can still play; keep this tab open, and download your log at the end.';

/** The page's localStorage, or null where reading it throws (some locked-down browsers do). */
export function browserStorage(): StorageLike | null {
  try {
    const s = globalThis.localStorage;
    const probe = 'circular938.probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

export function writeSave(storage: StorageLike | null, key: string, value: string): SaveStatus {
  if (!storage) return { on: false, reason: SAVE_OFF_UNAVAILABLE };
  try {
    storage.setItem(key, value);
    return { on: true };
  } catch (e) {
    const full = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
    return { on: false, reason: full ? SAVE_OFF_FULL : SAVE_OFF_UNAVAILABLE };
  }
}

export function readSave(storage: StorageLike | null, key: string): string | null {
  if (!storage) return null;
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

export function clearSave(storage: StorageLike | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: a save we cannot remove is also one we could not read.
  }
}

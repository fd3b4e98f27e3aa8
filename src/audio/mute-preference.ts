/**
 * The remembered mute setting. Kept apart from the howler adapter so that it can be tested in Node
 * and used by the UI before any sound code has loaded.
 */

/** The storage key under which the mute setting is kept, as '1' (muted) or '0'; the entry script reads the same key. */
export const MUTED_STORAGE_KEY = 'circular938.muted';

/** The part of `Storage` the preference needs; injected so tests and locked-down browsers can supply their own. */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A mute setting that survives reloads when storage works and lives in memory when it does not. */
export interface MutePreference {
  get(): boolean;
  /** Remembers the value; never throws, even when storage refuses the write. */
  set(muted: boolean): void;
}

/**
 * Creates the preference and reads the stored value once. Storage can throw on any access
 * (Safari private mode, a full quota, cookies blocked by a school policy), so every access is
 * guarded and the in-memory value stays authoritative. '1' (or 'true') means muted; anything
 * else, or unreadable storage, means not muted. Never throws.
 */
export function createMutePreference(storage: PreferenceStorage | null | undefined = defaultStorage()): MutePreference {
  let muted = false;
  try {
    const stored = storage?.getItem(MUTED_STORAGE_KEY);
    muted = stored === '1' || stored === 'true';
  } catch {
    // Unreadable storage: start unmuted and keep the setting in memory.
  }
  return {
    get: () => muted,
    set(value) {
      muted = value;
      try {
        storage?.setItem(MUTED_STORAGE_KEY, value ? '1' : '0');
      } catch {
        // Storage refused the write: the value still holds for this page.
      }
    },
  };
}

/** `localStorage` if this page may touch it; merely reading the property throws in some sandboxed frames. */
function defaultStorage(): PreferenceStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

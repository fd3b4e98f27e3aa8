/**
 * One game's save in two places: IndexedDB (durable, strict transactions, fenced by the writing
 * tab's token) and localStorage (synchronous, the fallback where IndexedDB is missing or fails).
 * Reading asks both and returns every copy; writing goes to IndexedDB first and then mirrors to
 * localStorage, so that a tab that has lost the game to another tab writes neither. Nothing here
 * throws or rejects: every failure becomes a status.
 */
import type { Durable, SetAsideRecord } from './durable.ts';
import { TakenOverError } from './durable.ts';
import { SAVE_OFF_FULL, SAVE_OFF_UNAVAILABLE, type SaveStatus, type StorageLike } from './storage.ts';

/** One stored copy of the save, as found. */
export interface SaveCopy {
  from: 'indexeddb' | 'localstorage';
  value: unknown;
}

/** A set-aside save as the title offers it for download. */
export interface SetAsideSave {
  at: string;
  sentence: string;
  /** The save as text (the stored JSON, or a readable rendering of a value that was not text). */
  text: string;
}

export type WriteResult = { status: SaveStatus; takenOver: false } | { takenOver: true };

export interface SaveSlot {
  /** Every copy found (none when nothing is saved). */
  read(): Promise<SaveCopy[]>;
  /** Writes the save as this tab; `takenOver` when another tab has claimed the game. */
  write(text: string): Promise<WriteResult>;
  /** Deletes every copy (quitting a game); false when another tab has claimed the game. */
  remove(): Promise<boolean>;
  /** Makes this tab the one that writes the save (every other tab's writes are then refused). */
  claim(): Promise<void>;
  /**
   * Keeps `copy` under the set-aside store (or key) and then removes it from the save slot; a copy
   * that cannot be kept elsewhere stays where it is. Never deletes anything that is not kept.
   */
  setAside(copy: SaveCopy, sentence: string, at: string): Promise<void>;
  /** Removes one copy; only for a copy that is kept elsewhere (set aside, or the same text as one that is). */
  dropCopy(copy: SaveCopy): Promise<void>;
  /** Every save set aside for this game, oldest first. */
  listSetAside(): Promise<SetAsideSave[]>;
  /** Whether any storage at all is there to write to. */
  readonly available: boolean;
}

export interface SlotDeps {
  key: string;
  storage: StorageLike | null;
  durable: Durable | null;
  /** This tab's token (random), written as the owner of the save. */
  token: string;
  /** How long a durable write may take before the game draws on without it (ms). */
  writeTimeoutMs?: number;
}

function isQuota(e: unknown): boolean {
  return e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
}

/** A stored value as downloadable text; never throws (a value too deep to print says so). */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '"(a stored value that could not be written out as text)"';
  }
}

function timeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

const SET_ASIDE_PREFIX = 'circular938.set-aside.';

export function createSaveSlot(deps: SlotDeps): SaveSlot {
  const { key, storage, durable, token } = deps;
  const writeTimeoutMs = deps.writeTimeoutMs ?? 4000;
  /** The token this tab's writes are fenced with: null until its claim is written (a full disk refuses it). */
  let owner: string | null = null;
  const localAsideKey = (at: string, from: SaveCopy['from']): string => `${SET_ASIDE_PREFIX}${key}.${at}.${from}`;

  function localGet(k: string): string | null {
    try {
      return storage?.getItem(k) ?? null;
    } catch {
      return null;
    }
  }
  function localRemove(k: string): void {
    try {
      storage?.removeItem(k);
    } catch {
      // A copy we cannot remove is one we could not read either.
    }
  }

  async function dropCopy(copy: SaveCopy): Promise<void> {
    if (copy.from === 'localstorage') localRemove(key);
    else {
      try {
        await durable?.remove(key, owner);
      } catch {
        // It stays; it is checked (and set aside again) at the next visit.
      }
    }
  }

  return {
    available: storage !== null || durable !== null,

    async read() {
      const copies: SaveCopy[] = [];
      if (durable) {
        try {
          const value = await durable.get(key);
          if (value !== undefined) copies.push({ from: 'indexeddb', value });
        } catch {
          // A failing IndexedDB still leaves the localStorage copy to read.
        }
      }
      const local = localGet(key);
      if (local !== null) copies.push({ from: 'localstorage', value: local });
      return copies;
    },

    async write(text) {
      if (!storage && !durable) return { status: { on: false, reason: SAVE_OFF_UNAVAILABLE }, takenOver: false };
      let stored = false;
      let full = false;
      if (durable) {
        try {
          const done = await timeout(durable.put(key, text, owner), writeTimeoutMs);
          stored = done !== 'timeout';
        } catch (e) {
          if (e instanceof TakenOverError) return { takenOver: true };
          full ||= isQuota(e);
        }
      }
      if (storage) {
        try {
          storage.setItem(key, text);
          stored = true;
        } catch (e) {
          full ||= isQuota(e);
          // An older mirror must not outlive the durable copy and be taken for the newer game.
          localRemove(key);
        }
      }
      return { status: stored ? { on: true } : { on: false, reason: full ? SAVE_OFF_FULL : SAVE_OFF_UNAVAILABLE }, takenOver: false };
    },

    async remove() {
      if (durable) {
        try {
          await durable.remove(key, owner);
        } catch (e) {
          if (e instanceof TakenOverError) return false;
        }
      }
      localRemove(key);
      return true;
    },

    async claim() {
      try {
        await durable?.claim(key, token);
        owner = token;
      } catch {
        // Unfenced: the tab lock alone decides who writes (the disk is full, or IndexedDB fails).
        owner = null;
      }
    },

    async setAside(copy, sentence, at) {
      let kept = false;
      if (durable) {
        try {
          await durable.setAside({ key, at, sentence, value: copy.value } satisfies SetAsideRecord);
          kept = true;
        } catch {
          // Try localStorage below.
        }
      }
      if (!kept && storage) {
        try {
          storage.setItem(localAsideKey(at, copy.from), JSON.stringify({ at, sentence, text: valueText(copy.value) }));
          kept = true;
        } catch {
          // Not kept anywhere else: the copy stays where it is.
        }
      }
      if (kept) await dropCopy(copy);
    },

    dropCopy,

    async listSetAside() {
      const found: SetAsideSave[] = [];
      if (durable) {
        try {
          for (const r of await durable.listSetAside(key)) {
            found.push({ at: String(r.at), sentence: String(r.sentence), text: valueText(r.value) });
          }
        } catch {
          // Only the localStorage ones, then.
        }
      }
      if (storage) {
        try {
          const count = storage.length ?? 0;
          for (let i = 0; i < count; i++) {
            const k = storage.key?.(i);
            if (!k?.startsWith(`${SET_ASIDE_PREFIX}${key}.`)) continue;
            const record: unknown = JSON.parse(localGet(k) ?? 'null');
            if (record && typeof record === 'object' && Object.hasOwn(record, 'text')) {
              const r = record as Record<string, unknown>;
              found.push({ at: String(r['at']), sentence: String(r['sentence']), text: String(r['text']) });
            }
          }
        } catch {
          // A listing that fails lists nothing more.
        }
      }
      return found.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    },
  };
}

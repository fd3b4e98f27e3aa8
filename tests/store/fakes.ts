/**
 * In-memory stand-ins for the browser's storage: localStorage, IndexedDB (with the owner fence of
 * durable.ts) and the tab lock, shared between stores to play two tabs of one browser.
 */
import { TakenOverError, type Durable, type SetAsideRecord } from '../../src/store/durable.ts';
import type { StorageLike } from '../../src/store/storage.ts';
import type { TabLock } from '../../src/store/tab-lock.ts';

export type MemoryStorage = StorageLike & { data: Map<string, string> };

export function memoryStorage(): MemoryStorage {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
  };
}

export const quotaError = (): Error => Object.assign(new Error('exceeded the quota'), { name: 'QuotaExceededError' });

export type MemoryDurable = Durable & { data: Map<string, unknown>; aside: SetAsideRecord[]; failWrites: boolean };

/** IndexedDB as durable.ts uses it; `failWrites` makes every write fail as a full disk does. */
export function memoryDurable(): MemoryDurable {
  const data = new Map<string, unknown>();
  const aside: SetAsideRecord[] = [];
  const owner = (key: string): unknown => data.get(`${key}#owner`);
  const d: MemoryDurable = {
    data,
    aside,
    failWrites: false,
    get: async (key) => data.get(key),
    async put(key, value, who) {
      await Promise.resolve();
      if (who !== null && owner(key) !== undefined && owner(key) !== who) throw new TakenOverError('taken over');
      if (d.failWrites) throw quotaError();
      data.set(key, value);
    },
    async remove(key, who) {
      if (who !== null && owner(key) !== undefined && owner(key) !== who) throw new TakenOverError('taken over');
      data.delete(key);
    },
    async claim(key, who) {
      if (d.failWrites) throw quotaError();
      data.set(`${key}#owner`, who);
    },
    async setAside(record) {
      if (d.failWrites) throw quotaError();
      aside.push(record);
    },
    listSetAside: async (key) => aside.filter((r) => r.key === key),
  };
  return d;
}

/** One Web Lock shared by several tabs: the first to claim holds it; take-over steals it. */
export function sharedLock(): () => TabLock {
  let holder: { lost: (() => void)[] } | null = null;
  return () => {
    const me = { lost: [] as (() => void)[] };
    return {
      async claim() {
        if (holder && holder !== me) return false;
        holder = me;
        return true;
      },
      async takeOver() {
        const previous = holder;
        holder = me;
        if (previous && previous !== me) for (const l of previous.lost) l();
      },
      onLost: (listener) => void me.lost.push(listener),
    };
  };
}

/**
 * The durable half of autosave: IndexedDB through `idb`, every write in a transaction with
 * `durability: 'strict'`, so that a decision reported as saved survives the browser being killed
 * the moment after (Chromium commits localStorage to disk seconds late; a strict IndexedDB
 * transaction completes only once it is on disk).
 *
 * Each save key has an owner record: the token of the tab that writes it. A write names its
 * token and is refused (TakenOverError) inside the same transaction when another tab has claimed
 * the key since; IndexedDB runs read-write transactions on one store one after another, even
 * across tabs, so the check and the write cannot be split by another tab.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

const DB_NAME = 'circular938';
const DB_VERSION = 1;
const SAVES = 'saves';
const SET_ASIDE = 'set-aside';

/** A save moved out of the way because this version cannot resume it; kept for the teacher. */
export interface SetAsideRecord {
  /** The save key it was found under. */
  key: string;
  /** When it was set aside (ISO). */
  at: string;
  /** Why, in one plain sentence for the student. */
  sentence: string;
  /** The stored value exactly as found (normally the save's JSON text). */
  value: unknown;
}

interface Schema extends DBSchema {
  saves: { key: string; value: unknown };
  'set-aside': { key: number; value: SetAsideRecord };
}

/** Another tab has claimed the save: this tab must not write it any more. */
export class TakenOverError extends Error {
  override name = 'TakenOverError';
}

export interface Durable {
  /** The value under `key`, or undefined. Rejects when IndexedDB fails. */
  get(key: string): Promise<unknown>;
  /**
   * Writes `value` durably unless another tab than `owner` has claimed `key` (then TakenOverError);
   * with `owner` null (this tab's claim could not be written) the owner is not checked.
   */
  put(key: string, value: string, owner: string | null): Promise<void>;
  /** Deletes `key` unless another tab than `owner` has claimed it (then TakenOverError). */
  remove(key: string, owner: string | null): Promise<void>;
  /** Makes `owner` the only tab allowed to write `key`. */
  claim(key: string, owner: string): Promise<void>;
  /** Adds a set-aside save. */
  setAside(record: SetAsideRecord): Promise<void>;
  /** The set-aside saves found under `key`, oldest first. */
  listSetAside(key: string): Promise<SetAsideRecord[]>;
}

const ownerKey = (key: string): string => `${key}#owner`;

type Db = IDBPDatabase<Schema>;

/** Writes (or, with null, deletes) `key` in one strict transaction, after checking its owner in it. */
async function fenced(db: Db, key: string, owner: string | null, value: string | null): Promise<void> {
  const tx = db.transaction(SAVES, 'readwrite', { durability: 'strict' });
  // An aborted or failed transaction rejects `done`; that rejection is rethrown below, never left unhandled.
  const done = tx.done.then(
    () => null,
    (e: unknown) => ({ error: e }),
  );
  try {
    const current = await tx.store.get(ownerKey(key));
    if (owner !== null && current !== undefined && current !== owner) {
      tx.abort();
      await done;
      throw new TakenOverError('another tab has taken over this game');
    }
    await (value === null ? tx.store.delete(key) : tx.store.put(value, key));
  } catch (e) {
    if (e instanceof TakenOverError) throw e;
    const failed = await done;
    throw failed?.error ?? e;
  }
  const failed = await done;
  if (failed) throw failed.error;
}

function wrap(db: Db): Durable {
  return {
    get: (key) => db.get(SAVES, key),
    put: (key, value, owner) => fenced(db, key, owner, value),
    remove: (key, owner) => fenced(db, key, owner, null),
    async claim(key, owner) {
      const tx = db.transaction(SAVES, 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.put(owner, ownerKey(key)), tx.done]);
    },
    async setAside(record) {
      const tx = db.transaction(SET_ASIDE, 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.add(record), tx.done]);
    },
    async listSetAside(key) {
      return (await db.getAll(SET_ASIDE)).filter((r) => r !== null && typeof r === 'object' && r.key === key);
    },
  };
}

/**
 * Opens the game's IndexedDB, or null where there is none, it is blocked (private windows,
 * school policy) or it does not answer within `timeoutMs`. Never rejects.
 */
export async function openDurable(timeoutMs = 3000): Promise<Durable | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    if (typeof indexedDB === 'undefined') return null;
    const opening = openDB<Schema>(DB_NAME, DB_VERSION, {
      upgrade(db) {
        if (!db.objectStoreNames.contains(SAVES)) db.createObjectStore(SAVES);
        if (!db.objectStoreNames.contains(SET_ASIDE)) db.createObjectStore(SET_ASIDE, { autoIncrement: true });
      },
    });
    // A late answer after the timeout is dropped, not reported as an error.
    opening.catch(() => undefined);
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
    const db = await Promise.race([opening, late]);
    return db ? wrap(db) : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Where a log to be watched waits for the page that plays it: the title's "Watch a log" and the
 * review page keep the file's text under `circular938.watch.<key>` and open `index.html?watch=<key>`.
 * Only the newest few are kept; the student's own save is never touched.
 */
import type { StorageLike } from './storage.ts';

const PREFIX = 'circular938.watch.';
/** Logs kept for watching at once (the rest, oldest first, are removed). */
export const WATCH_KEPT = 3;

function newKey(): string {
  const a = new Uint32Array(2);
  crypto.getRandomValues(a);
  return Array.from(a, (n) => n.toString(16).padStart(8, '0')).join('');
}

/** Keeps `text` (with its file name) for watching; the key to open it by, or null when storage refuses. */
export function keepForWatching(storage: StorageLike | null, text: string, file: string | null): string | null {
  if (!storage) return null;
  const key = newKey();
  const value = JSON.stringify({ file, at: Date.now(), text });
  try {
    const kept: { key: string; at: number }[] = [];
    for (let i = 0; i < (storage.length ?? 0); i++) {
      const k = storage.key?.(i);
      if (k?.startsWith(PREFIX)) kept.push({ key: k, at: Number((JSON.parse(storage.getItem(k) ?? '{}') as { at?: unknown }).at) || 0 });
    }
    kept.sort((a, b) => a.at - b.at);
    for (const old of kept.slice(0, Math.max(0, kept.length - (WATCH_KEPT - 1)))) storage.removeItem(old.key);
    storage.setItem(PREFIX + key, value);
    return key;
  } catch {
    return null;
  }
}

/** The log kept under `key`, or null when there is none (removed, or another browser). */
export function readWatched(storage: StorageLike | null, key: string): { text: string; file: string | null } | null {
  try {
    const raw = storage?.getItem(PREFIX + key);
    if (!raw) return null;
    const value = JSON.parse(raw) as { text?: unknown; file?: unknown };
    if (typeof value.text !== 'string') return null;
    return { text: value.text, file: typeof value.file === 'string' ? value.file : null };
  } catch {
    return null;
  }
}

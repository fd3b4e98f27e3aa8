/**
 * Importing a class's files: each is size-checked before it is read, read as UTF-8 text (as
 * `logs verify` reads it), verified by replay against the current scenarios and the kept texts, and
 * turned into a row of the class table. One file at a time, yielding to the page between files, so the page stays responsive and
 * shows progress; a file that fails in any way becomes a row that says why, and the others go on.
 */
import { MAX_LOG_CHARS, sha256Hex, verifyLogText, type AttemptSummary, type LoadedScenario, type Scenario, type SealedLog, type SessionState } from '../core/index.ts';
import type { ScenarioLibrary } from '../core/log/library.ts';
import { reviewRow, unreadableRow } from '../core/review/model.ts';
import type { ReviewRow } from '../core/review/types.ts';
import type { PickedFile } from './pick-files.ts';
import { decodeLogBytes } from './read-text.ts';

/** What the page keeps of one imported file. */
export interface ReviewItem {
  row: ReviewRow;
  /** The file's text, kept for "Watch in the game"; null when it was not read. */
  text: string | null;
  /** The log as read from the file (also when it did not verify); null when the file was not read as a log. */
  log: SealedLog | null;
  /** The replay behind the row: the text it was replayed through and its last attempt's end. */
  play: { scenario: Scenario; state: SessionState; attempts: AttemptSummary[] } | null;
}

export interface VerifyContext {
  current: readonly LoadedScenario[];
  library: ScenarioLibrary;
}

const MB = 1024 * 1024;

/**
 * Lets the page draw and take input before the next file. `scheduler.yield` where the browser has
 * it; otherwise a message to ourselves, which (unlike a 0 ms timeout) is not clamped to 4 ms.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** One file verified into an item. Never rejects: a read error or a bug becomes an unreadable row. */
export async function verifyFile(picked: PickedFile, context: VerifyContext): Promise<ReviewItem> {
  const { name, file } = picked;
  if (file.size > MAX_LOG_CHARS) {
    const why = `This file is ${(file.size / MB).toFixed(1)} MB, larger than any decision log (at most 5 MB are read); it was not opened.`;
    return { row: unreadableRow(name, why, `size:${name}:${file.size}:${file.lastModified}`), text: null, log: null, play: null };
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    const why = 'This file could not be read (it was moved, deleted or is not readable); choose it again.';
    return { row: unreadableRow(name, why, `unread:${name}:${file.size}:${file.lastModified}`), text: null, log: null, play: null };
  }
  const decoded = decodeLogBytes(bytes);
  if (!decoded.ok) return { row: unreadableRow(name, decoded.problem, `bytes:${name}:${file.size}:${file.lastModified}`), text: null, log: null, play: null };
  const { text } = decoded;
  try {
    const textKey = await sha256Hex(text);
    const result = await verifyLogText(text, context.current, { library: context.library });
    const row = reviewRow(name, result, textKey, context.current.map((c) => c.scenario));
    const scenario = result.ok ? result.scenario.scenario : (result.scenario?.scenario ?? null);
    const play = result.replay && result.attempts && scenario ? { scenario, state: result.replay.state, attempts: result.attempts } : null;
    return { row, text, log: result.log ?? null, play };
  } catch (error) {
    const why = `This file could not be checked (${error instanceof Error ? error.message.slice(0, 200) : 'an unexpected error'}).`;
    return { row: unreadableRow(name, why, `error:${name}:${file.size}:${file.lastModified}`), text, log: null, play: null };
  }
}

export interface ImportProgress {
  done: number;
  total: number;
}

/**
 * Verifies `files` one after another, yielding between them; `onItem` gets each item as it is
 * ready and `onProgress` the count. Never rejects.
 */
export async function verifyFiles(
  files: readonly PickedFile[],
  context: VerifyContext,
  onItem: (item: ReviewItem) => void,
  onProgress: (p: ImportProgress) => void,
): Promise<void> {
  const total = files.length;
  onProgress({ done: 0, total });
  for (const [i, picked] of files.entries()) {
    onItem(await verifyFile(picked, context));
    onProgress({ done: i + 1, total });
    await yieldToPage();
  }
}

/**
 * Importing a class's files: each is size-checked before it is read, read as UTF-8 text (as
 * `logs verify` reads it), verified by replay against the current scenarios and the kept texts, and
 * turned into a row of the class table. One file is checked at a time (the next few are read
 * meanwhile, together), and the page takes its turn every few files, so it stays responsive and
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
/** Files read at once (`readFiles`): a few hundred kilobytes of logs. */
const READ_GROUP = 16;
/** The longest the import works before the page takes its turn (input, a frame): under the 50 ms of a long task. */
const SLICE_MS = 40;

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

/** A file's text as read, or the row that says why it was not. */
export type ReadFile = { ok: true; picked: PickedFile; text: string } | { ok: false; item: ReviewItem };

const notRead = (row: ReviewRow): ReadFile => ({ ok: false, item: { row, text: null, log: null, play: null } });

/** The row of a file too large to be a log, or null. */
function tooLarge(picked: PickedFile): ReadFile | null {
  const { name, file } = picked;
  if (file.size <= MAX_LOG_CHARS) return null;
  const why = `This file is ${(file.size / MB).toFixed(1)} MB, larger than any decision log (at most 5 MB are read); it was not opened.`;
  return notRead(unreadableRow(name, why, `size:${name}:${file.size}:${file.lastModified}`));
}

/** A file's bytes as its text, or the row that says they are not UTF-8. */
function textOf(picked: PickedFile, bytes: ArrayBuffer | Uint8Array): ReadFile {
  const { name, file } = picked;
  const decoded = decodeLogBytes(bytes);
  if (!decoded.ok) return notRead(unreadableRow(name, decoded.problem, `bytes:${name}:${file.size}:${file.lastModified}`));
  return { ok: true, picked, text: decoded.text };
}

/** A file size-checked and read as UTF-8 text. Never rejects: what cannot be read becomes its row. */
export async function readFile(picked: PickedFile): Promise<ReadFile> {
  const large = tooLarge(picked);
  if (large !== null) return large;
  const { name, file } = picked;
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    const why = 'This file could not be read (it was moved, deleted or is not readable); choose it again.';
    return notRead(unreadableRow(name, why, `unread:${name}:${file.size}:${file.lastModified}`));
  }
  return textOf(picked, bytes);
}

/**
 * Several files read at once, as `readFile` reads each. A read is a round trip to the browser's own
 * process, which costs more than checking a log: the group is read as one blob of the files one
 * after another and cut at their sizes. Should that fail (a file moved or changed since it was
 * chosen, so the blob cannot be read, or it is not as long as their sizes say), each file is read
 * on its own, so that the one at fault says so and the others are read. Never rejects.
 */
export async function readFiles(group: readonly PickedFile[]): Promise<ReadFile[]> {
  const large = group.map(tooLarge);
  const fit = group.filter((_, i) => large[i] === null);
  let bytes: ArrayBuffer | null = null;
  if (fit.length > 1) {
    try {
      bytes = await new Blob(fit.map((p) => p.file)).arrayBuffer();
    } catch {
      bytes = null;
    }
  }
  const total = fit.reduce((n, p) => n + p.file.size, 0);
  if (bytes === null || bytes.byteLength !== total) return Promise.all(group.map(readFile));
  const whole = bytes;
  let offset = 0;
  return group.map((picked, i) => {
    const refused = large[i];
    if (refused !== null && refused !== undefined) return refused;
    const part = new Uint8Array(whole, offset, picked.file.size);
    offset += picked.file.size;
    return textOf(picked, part);
  });
}

/** A file's text verified into an item. Never rejects: a bug becomes an unreadable row. */
async function checkText(picked: PickedFile, text: string, context: VerifyContext): Promise<ReviewItem> {
  const { name, file } = picked;
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
  // The files are read a group at a time (`readFiles`), the next group while this one is checked.
  const groups: (readonly PickedFile[])[] = [];
  for (let k = 0; k < total; k += READ_GROUP) groups.push(files.slice(k, k + READ_GROUP));
  let next = groups.length > 0 ? readFiles(groups[0] as readonly PickedFile[]) : null;
  let sliceStarted = performance.now();
  let done = 0;
  for (let g = 0; g < groups.length; g++) {
    const reads = await (next as Promise<ReadFile[]>);
    next = g + 1 < groups.length ? readFiles(groups[g + 1] as readonly PickedFile[]) : null;
    for (const read of reads) {
      done++;
      onItem(read.ok ? await checkText(read.picked, read.text, context) : read.item);
      onProgress({ done, total });
      // The page is given its turn once a slice of work is done, not after every file: each turn may
      // draw a frame, and a frame of the page with its table costs as much as checking a file or two.
      if (performance.now() - sliceStarted >= SLICE_MS) {
        await yieldToPage();
        sliceStarted = performance.now();
      }
    }
  }
}

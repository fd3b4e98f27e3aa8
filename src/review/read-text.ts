/**
 * A file's bytes as the text of a log, or why they are not: the page reads them as `npm run logs --
 * verify` does (src/cli/verify-file.ts), strict UTF-8 with a leading byte-order mark dropped, so a
 * picture or a spreadsheet renamed .json gets the same answer here as on the command line, rather
 * than the replacement characters a lenient decoding would hand the JSON reader. Pure.
 */

/** The command line's words for bytes that are not UTF-8 (tests/core/review/read-text.test.ts holds them equal). */
export const NOT_UTF8_PROBLEM = 'This file is not a Circular 938 decision log: it is not UTF-8 text.';

export function decodeLogBytes(bytes: ArrayBuffer | Uint8Array): { ok: true; text: string } | { ok: false; problem: string } {
  try {
    // fatal: invalid UTF-8 throws; the decoder drops a byte-order mark unless told otherwise.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: NOT_UTF8_PROBLEM };
  }
}

/**
 * Text from a file (a student's name, a file's name) made safe to show: a line break in a name must
 * not split `logs verify`'s one line per file, and a right-to-left override must not turn the rest
 * of a line or a table row around. Pure.
 */

/**
 * Control characters (C0, DEL, C1) and the invisible marks that steer the direction of text:
 * the Arabic letter mark, the left-to-right and right-to-left marks, the embeddings and overrides
 * (U+202A–U+202E) and the isolates (U+2066–U+2069).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** For a line of text output: each such character written as an escape (`\n`, `\u202E`), so it shows and does nothing. */
export function escapeHidden(text: string): string {
  return text.replace(HIDDEN, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** For the page: a line break or other control character becomes a space, a direction mark is removed. */
export function plainName(text: string): string {
  return text.replace(HIDDEN, (c) => (c.charCodeAt(0) < 0x200 ? ' ' : ''));
}

/**
 * The two marks a transcribed text may carry (scenarios/shared/circular-938.yaml, and story text):
 * - `~~words~~`: struck through on the original, still legible;
 * - `[[illegible: OCR reading]]` (or `[[illegible]]`): a place the copy does not let us read. The
 *   OCR's reading is kept in the file for the record and for the word-for-word check against the
 *   seed, but is never shown as text.
 * Pure: no DOM.
 */
import type { Cable } from './scenario/schema.ts';

export type MarkupSpan =
  | { kind: 'text'; text: string }
  | { kind: 'struck'; text: string }
  | { kind: 'illegible'; reading: string | null };

const MARKUP = /~~(.+?)~~|\[\[illegible(?::\s*([^\]]*?))?\s*\]\]/g;

/** Splits a text into plain runs, strike-throughs and illegible gaps, in order. */
export function parseMarkup(text: string): MarkupSpan[] {
  const out: MarkupSpan[] = [];
  let last = 0;
  for (const m of text.matchAll(MARKUP)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'struck', text: m[1] });
    else out.push({ kind: 'illegible', reading: m[2] || null });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/**
 * The text without marks: struck words kept as plain words; an illegible gap as "[illegible]",
 * or as its kept OCR reading when `readings` is true (for checks against the seed).
 */
export function plainText(text: string, readings = false): string {
  return parseMarkup(text)
    .map((s) => (s.kind === 'illegible' ? (readings && s.reading ? s.reading : '[illegible]') : s.text))
    .join('');
}

/**
 * The telegram as the embassy's teletype printed it in 1962: every block but the stamps added at
 * declassification, without marks, one block a line.
 */
export function teletypeText(cable: Cable): string {
  return cable.pages
    .flatMap((p) => p.blocks.filter((b) => b.kind !== 'declassification').map((b) => plainText(b.text)))
    .join('\n');
}

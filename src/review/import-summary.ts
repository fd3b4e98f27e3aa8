/**
 * The sentence that ends an import: how many files this import checked and how many of each status,
 * and, after an earlier import, how many logs the list now holds in all. Pure.
 */
import type { ReviewRow } from '../core/review/types.ts';
import type { Picked } from './pick-files.ts';
import { STATUS_WORDS } from './format.ts';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export interface ImportCounts {
  /** The rows this import added, in order. */
  added: readonly { row: ReviewRow }[];
  /** The rows imported before it. */
  earlier: readonly { row: ReviewRow }[];
  /** How many logs the list shows now (each log once). */
  shown: number;
}

export function importSummary({ added, earlier, shown }: ImportCounts, picked: Picked): string {
  const counts = new Map<string, number>();
  for (const { row } of added) {
    const word = STATUS_WORDS[row.status].toLowerCase();
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const parts = [...counts].map(([word, n]) => `${n} ${word}`);
  // A file of this import that is a log already in the list, or already in this import.
  const seen = new Set(earlier.map(({ row }) => row.key));
  let copies = 0;
  for (const { row } of added) {
    if (seen.has(row.key)) copies++;
    seen.add(row.key);
  }
  const more = earlier.length > 0 ? 'more ' : '';
  const out = [`Checked ${plural(added.length, `${more}file`, `${more}files`)}: ${parts.join(', ')}.`];
  if (copies > 0) out.push(`${plural(copies, 'file was', 'files were')} the same log as another and ${copies === 1 ? 'is' : 'are'} shown once.`);
  if (picked.skipped > 0) out.push(`${plural(picked.skipped, 'file', 'files')} not ending in .json ${picked.skipped === 1 ? 'was' : 'were'} left out.`);
  if (picked.overLimit > 0) out.push(`${plural(picked.overLimit, 'more file', 'more files')} ${picked.overLimit === 1 ? 'was' : 'were'} left out: import them separately.`);
  if (earlier.length > 0) out.push(`With the files imported before, the list now holds ${plural(shown, 'log', 'logs')} in all.`);
  return out.join(' ');
}

/** The sentence that ends an import: how many files, and how many of each status. Pure. */
import type { ReviewRow } from '../core/review/types.ts';
import type { Picked } from './pick-files.ts';
import { STATUS_WORDS } from './format.ts';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function importSummary(added: readonly { row: ReviewRow }[], shown: readonly { row: ReviewRow; copies: readonly string[] }[], picked: Picked): string {
  const counts = new Map<string, number>();
  for (const { row } of added) {
    const word = STATUS_WORDS[row.status].toLowerCase();
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const parts = [...counts].map(([word, n]) => `${n} ${word}`);
  const copies = shown.reduce((n, i) => n + i.copies.length, 0);
  const out = [`Checked ${plural(added.length, 'file', 'files')}: ${parts.join(', ')}.`];
  if (copies > 0) out.push(`${plural(copies, 'file was', 'files were')} the same log as another and ${copies === 1 ? 'is' : 'are'} shown once.`);
  if (picked.skipped > 0) out.push(`${plural(picked.skipped, 'file', 'files')} not ending in .json ${picked.skipped === 1 ? 'was' : 'were'} left out.`);
  if (picked.overLimit > 0) out.push(`${plural(picked.overLimit, 'more file', 'more files')} ${picked.overLimit === 1 ? 'was' : 'were'} left out: import them separately.`);
  return out.join(' ');
}

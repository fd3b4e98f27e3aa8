/**
 * The review page's words for a row's facts: statuses, reactions, times. Every string that came
 * from a file goes into the page as text (src/ui/dom.ts `h`), never as markup.
 */
import { lookup, type Scenario } from '../core/index.ts';
import { plainName } from '../core/review/plain-text.ts';
import type { ReviewRow } from '../core/review/types.ts';

/**
 * A row's status as the table says it: the word of the CSV, the guide and `logs verify`
 * (`STATUS_WORD`), capitalised. A file that could not be read at all is refused, as on the command line.
 */
export const STATUS_WORDS: Readonly<Record<ReviewRow['status'], string>> = {
  verified: 'Verified',
  'scenario-changed': 'Scenario changed',
  edited: 'Edited',
  refused: 'Refused',
  unreadable: 'Refused',
};

/** A reaction id in the words of the scenario ("Supports the US line"); "—" for none. */
export function reactionWords(scenario: Scenario | null, id: string | null): string {
  if (id === null) return '—';
  return (scenario ? lookup(scenario.responses, id)?.label : undefined) ?? id;
}

/** "14 min", "1 h 05 min", "under a minute". */
export function playedText(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "4.2 s", "38 s", "2 min 05 s": a think time. */
export function thinkText(ms: number): string {
  if (ms < 10_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** Yes, No, or a dash when the fact is not known (the file was not replayed). */
export function yesNo(value: boolean | null): string {
  return value === null ? '—' : value ? 'Yes' : 'No';
}

/** A world's label up to its first colon ("A what-if"), for a narrow column; the whole label goes in the title. */
export function shortWorld(label: string): string {
  const cut = label.indexOf(':');
  return cut > 0 ? label.slice(0, cut) : label;
}

/** The label a row is known by: the student's, else the file's name; line breaks and direction marks taken out (`plainName`). */
export function rowName(row: ReviewRow): string {
  return plainName(row.student?.label || row.file);
}

/**
 * What the row says of the other files that were the same log. Two files of one name (the same
 * file picked twice) cannot be told apart by their names, so the times are counted instead.
 */
export function copiesText(file: string, copies: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const c of copies) counts.set(c, (counts.get(c) ?? 0) + 1);
  const parts = [...counts].map(([name, n]) => {
    const times = n === 1 ? '' : n === 2 ? ' twice' : ` ${n} times`;
    return name === file ? `under the same name${times}` : `as ${plainName(name)}${times}`;
  });
  return `The same log was also imported ${parts.join(', ')}; it is shown once.`;
}

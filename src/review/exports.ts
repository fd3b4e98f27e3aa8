/**
 * The review page's downloads, from the core's own writers: the class as CSV (one row per file), the
 * decisions as CSV (one row per decision of each attempt's own) and the verified logs as xAPI
 * statements. Made in the browser as Blobs; nothing is sent anywhere.
 */
import { decisionsCsv, studentsCsv } from '../core/review/csv.ts';
import { reviewDecisions } from '../core/review/model.ts';
import type { ReviewDecision, ReviewRow } from '../core/review/types.ts';
import { xapiStatements } from '../core/review/xapi.ts';
import type { ShownItem } from './class-table.ts';

/** Saves `text` as a file named `name` through the browser's download. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "2026-11-26", today's date in the teacher's own time zone, for file names. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Every attempt's own decisions (an inherited prefix is counted under the attempt it came from). */
function ownDecisions(item: ShownItem): ReviewDecision[] {
  const { log } = item;
  const scenario = item.play?.scenario;
  if (!log || !scenario) return [];
  return log.attempts.flatMap((attempt, a) => {
    const path = reviewDecisions(scenario, log, a);
    return attempt.entries.length === 0 ? [] : path.slice(-attempt.entries.length);
  });
}

/** The class CSV: every file imported, duplicates included and flagged. */
export function downloadStudentsCsv(rows: readonly ReviewRow[]): void {
  download(`circular938-class-${today()}.csv`, studentsCsv(rows), 'text/csv;charset=utf-8');
}

/** The decisions CSV: the decisions of every replayed log, shown once. */
export function downloadDecisionsCsv(items: readonly ShownItem[]): void {
  const rows = items.filter((i) => i.play !== null).map((i) => ({ row: i.row, decisions: ownDecisions(i) }));
  download(`circular938-decisions-${today()}.csv`, decisionsCsv(rows), 'text/csv;charset=utf-8');
}

/** The xAPI statements of every verified log, shown once, as one JSON array; how many logs it holds. */
export function downloadXapi(items: readonly ShownItem[]): number {
  const verified = items.filter((i) => i.row.status === 'verified' && i.play !== null && i.log !== null);
  const statements = verified.flatMap((i) => (i.play && i.log ? xapiStatements({ scenario: i.play.scenario, log: i.log }) : []));
  download(`circular938-xapi-${today()}.json`, `${JSON.stringify(statements, null, 2)}\n`, 'application/json');
  return verified.length;
}

/** The review page's sentence after an import: what this import added, and what the list holds in all. */
import { describe, expect, it } from 'vitest';
import { unreadableRow } from '../../../src/core/review/model.ts';
import type { ReviewRow } from '../../../src/core/review/types.ts';
import { importSummary } from '../../../src/review/import-summary.ts';

const row = (key: string, status: ReviewRow['status'] = 'verified'): { row: ReviewRow } => ({ row: { ...unreadableRow(`${key}.json`, '', key), status } });
const picked = { files: [], skipped: 0, overLimit: 0 };

describe('the sentence after an import', () => {
  it('counts the files of a first import by status, in the words of the table', () => {
    expect(importSummary({ added: [row('a'), row('b', 'unreadable'), row('c', 'refused')], earlier: [], shown: 3 }, picked))
      .toBe('Checked 3 files: 1 verified, 2 refused.');
  });

  it('says, after a second import, what it added and what the list now holds', () => {
    expect(importSummary({ added: [row('c'), row('d')], earlier: [row('a'), row('b')], shown: 4 }, picked))
      .toBe('Checked 2 more files: 2 verified. With the files imported before, the list now holds 4 logs in all.');
  });

  it('counts as copies only the files of this import that were already there', () => {
    expect(importSummary({ added: [row('a'), row('c'), row('c')], earlier: [row('a'), row('b')], shown: 3 }, picked))
      .toBe('Checked 3 more files: 3 verified. 2 files were the same log as another and are shown once. With the files imported before, the list now holds 3 logs in all.');
  });
});

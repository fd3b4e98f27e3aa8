/**
 * What the verifier says of a file a teacher cannot use as it is, in words the teacher can act on:
 * a break in the hash chain is named from one, as the review page names decisions; an autosave
 * (of either format) is said to be one, with what the student can do; a format 1 log that cannot be
 * converted says why on its first line, which never ends with a colon.
 */
import { describe, expect, it } from 'vitest';
import type { SealedLog } from '../../../src/core/log/format.ts';
import { OPEN_LOG_PROBLEM } from '../../../src/core/log/migrate.ts';
import { unsealLog } from '../../../src/core/log/seal.ts';
import { verifyLogText, type VerifyResult } from '../../../src/core/log/verify.ts';
import { currentRefs, fixtureText, keptTexts, readSave } from './format2-fixtures.ts';

const current = await currentRefs();
const library = await keptTexts();

const verify = (text: string): Promise<VerifyResult> => verifyLogText(text, current, { library });
const problemsOf = (r: VerifyResult): string[] => (r.ok ? [] : r.problems);
const sealed = (): SealedLog => JSON.parse(fixtureText('format2-mexico-v4-historical.json')) as SealedLog;

describe('a break in the hash chain', () => {
  it('is named by attempt and decision counted from one, as the review page counts them', async () => {
    const log = sealed();
    const entry = log.attempts[0]?.entries[2];
    if (!entry) throw new Error('the fixture log has fewer than three decisions');
    entry.choice += 1;
    const r = await verify(JSON.stringify(log));
    expect(r.status).toBe('edited');
    expect(problemsOf(r)).toEqual(['The hash chain breaks at attempt 1, decision 3: this decision was changed after the log was sealed.']);
  });
});

describe('an autosave handed in as a log', () => {
  it('is said to be an unfinished game\'s autosave, in one sentence, for a format 1 save', async () => {
    const r = await verify(readSave('format1-mexico-v2.json'));
    expect(r.status).toBe('refused');
    expect(problemsOf(r)).toEqual([OPEN_LOG_PROBLEM]);
    expect(OPEN_LOG_PROBLEM).toMatch(/autosave.*Continue your game.*Download your decision log/);
  });

  it('is said to be one for a format 2 save too', async () => {
    const open = unsealLog(sealed());
    const r = await verify(JSON.stringify(open));
    expect(problemsOf(r)).toEqual([OPEN_LOG_PROBLEM]);
  });

  it('is not confused with a sealed log whose head alone was removed', async () => {
    const headless: Partial<SealedLog> = sealed();
    delete headless.head;
    const r = await verify(JSON.stringify(headless));
    expect(problemsOf(r)).not.toContain(OPEN_LOG_PROBLEM);
  });
});

describe('a format 1 log that cannot be converted', () => {
  it('says why on its first line, which does not end with a colon', async () => {
    const log = JSON.parse(fixtureText('mexico-v2-format1-historical.json')) as { attempts: { entries: Record<string, unknown>[] }[] };
    const entry = log.attempts[0]?.entries[0];
    if (!entry) throw new Error('the fixture log has no decision');
    entry['choice'] = {};
    const r = await verify(JSON.stringify(log));
    const problems = problemsOf(r);
    expect(problems[0]).toBe('This log is format version 1 and cannot be converted to version 2: attempts[0].entries[0].choice: expected a number');
    for (const p of problems) expect(p).not.toMatch(/:\s*$/);
  });
});

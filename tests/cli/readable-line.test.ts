/**
 * `logs verify`'s readable line stays one line that reads in order, whatever the file holds, and
 * says what is wrong after every colon: an autosave is named as one; a heading is given with its
 * first problem; a line break or a right-to-left override in a name is written as an escape.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readableLine, runLogs, type FileReport } from '../../src/cli/logs-verify.ts';
import { OPEN_LOG_PROBLEM } from '../../src/core/log/migrate.ts';

const SAVE = fileURLToPath(new URL('../fixtures/saves/format1-mexico-v2.json', import.meta.url));

const report = (over: Partial<FileReport>): FileReport => ({
  file: 'a.json', status: 'refused', finished: null, student: null, attempts: null, attemptEndings: null, ending: null, format: null,
  modes: null, score: null, problems: [], notes: [], newerText: false, scenario: null, ...over,
});

describe('the readable line of logs verify', () => {
  it('says that an autosave is one, in one sentence, and never ends on a colon', async () => {
    const out: string[] = [];
    const code = await runLogs(['verify', SAVE], { out: (l) => out.push(l), err: () => undefined });
    expect(code).toBe(1);
    expect(out).toEqual([`${SAVE}: REFUSED - ${OPEN_LOG_PROBLEM}`]);
  });

  it('gives a heading that ends with a colon together with the problem under it', () => {
    const line = readableLine(report({ problems: ['This log cannot be converted:', 'attempts[0].entries[0].choice: expected a number', 'three'] }));
    expect(line).toBe('a.json: REFUSED - This log cannot be converted: attempts[0].entries[0].choice: expected a number (and 1 more problem; --json lists them)');
  });

  it('writes line breaks, control characters and direction overrides from a file as escapes', () => {
    const line = readableLine(report({
      file: 'odd\u202Ename.json', status: 'verified', student: { label: 'Ana\nB:\u0007 REFUSED \u2066x\u2069', classCode: '9\tB' },
    }));
    expect(line).toBe('odd\\u202Ename.json: verified - Ana\\nB:\\u0007 REFUSED \\u2066x\\u2069 (9\\tB)');
    expect([...line].filter((c) => c < ' ' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069'))).toEqual([]);
  });
});

/**
 * `npm run logs -- csv [--decisions] FILE...` and `npm run logs -- xapi FILE...` (issue 8, point 7):
 * the exports in Node; every file gets its CSV row with its status, unverified ones are named on
 * stderr, exit 0 / 1 / 2 as `verify`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import validateStatement from 'xapi-validation';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseExportArgs, runExport } from '../../src/cli/logs-export.ts';
import { runLogs } from '../../src/cli/logs-verify.ts';
import { STUDENT_COLUMNS } from '../../src/core/review/csv.ts';
import { hostileLog } from '../core/review/review-fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const V1 = path.join(ROOT, 'tests/fixtures/logs/mexico-v1-historical.json');
const dir = mkdtempSync(path.join(tmpdir(), 'logs-export-'));
const file = (name: string): string => path.join(dir, name);
const validate = ((validateStatement as unknown as { default?: unknown }).default ?? validateStatement) as (s: unknown) => unknown[];

async function run(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  const code = await runExport(args, { out: (l) => (out += `${l}\n`), err: (l) => err.push(l), write: (t) => (out += t) });
  return { code, out, err };
}

beforeAll(async () => {
  const text = readFileSync(V1, 'utf8');
  writeFileSync(file('verified.json'), text);
  writeFileSync(file('copy.json'), text);
  writeFileSync(file('edited.json'), text.replace('"Ana Ruiz"', '"Someone Else"'));
  writeFileSync(file('cut.json'), text.slice(0, 700));
  const hostile = await hostileLog();
  writeFileSync(file('hostile.json'), hostile.text);
});

describe('logs csv', () => {
  it('writes one row per file with its status, names the files that did not verify, and exits 1', async () => {
    const names = ['verified.json', 'hostile.json', 'edited.json', 'cut.json', 'missing.json', 'copy.json'];
    const { code, out, err } = await run(['csv', ...names.map(file)]);
    expect(code).toBe(1);
    expect(out.startsWith('\uFEFF')).toBe(true);
    const records = parse(out.slice(1), { record_delimiter: '\r\n' }) as string[][];
    expect(records[0]).toEqual([...STUDENT_COLUMNS]);
    const col = (name: (typeof STUDENT_COLUMNS)[number]): number => STUDENT_COLUMNS.indexOf(name);
    expect(records.slice(1).map((r) => [path.basename(r[col('File')] ?? ''), r[col('Status')], r[col('Duplicate')]])).toEqual([
      ['verified.json', 'verified', 'no'],
      ['hostile.json', 'verified', 'no'],
      ['edited.json', 'edited', 'no'],
      ['cut.json', 'refused', 'no'],
      // The file cannot be read: refused, as `logs verify` and the review page say.
      ['missing.json', 'refused', 'no'],
      ['copy.json', 'verified', 'yes'],
    ]);
    expect(records[2]?.[col('Student')]).toMatch(/^'=HYPERLINK/);
    expect(err.map((l) => path.basename(l.split(': ')[1] ?? ''))).toEqual(['edited.json', 'cut.json', 'missing.json', 'copy.json']);
    expect(err.join('\n')).toMatch(/EDITED/);
  });

  it('exits 0 when every file verified', async () => {
    expect((await run(['csv', file('verified.json')])).code).toBe(0);
  });

  it('writes one row per decision with --decisions', async () => {
    const { code, out } = await run(['csv', '--decisions', file('verified.json'), file('hostile.json')]);
    expect(code).toBe(0);
    const records = parse(out.slice(1), { record_delimiter: '\r\n', columns: true }) as Record<string, string>[];
    const entries = (JSON.parse(readFileSync(V1, 'utf8')) as { attempts: { entries: unknown[] }[] }).attempts.flatMap((a) => a.entries);
    expect(records.filter((r) => r['File']?.endsWith('verified.json'))).toHaveLength(entries.length);
    expect(records.some((r) => r['Reason'] === "'=1+1\nand a second line, after a formula start")).toBe(true);
  });
});

describe('logs xapi', () => {
  it('writes one JSON array of valid statements for the verified files only', async () => {
    const { code, out, err } = await run(['xapi', file('verified.json'), file('hostile.json'), file('edited.json')]);
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    const statements = JSON.parse(out) as { actor: { account: { name: string } } }[];
    expect(new Set(statements.map((s) => s.actor.account.name))).toEqual(new Set(['Ana Ruiz', '=HYPERLINK("http://x.invalid","Núñez, José")']));
    for (const s of statements) expect(validate(s)).toEqual([]);
  });
});

describe('arguments', () => {
  it('answers a usage error with 2, and --help with the usage', async () => {
    expect(parseExportArgs(['csv', '--decisions', 'a.json'])).toEqual({ ok: true, command: 'csv', decisions: true, files: ['a.json'] });
    expect(parseExportArgs(['xapi', '--decisions', 'a.json'])).toMatchObject({ ok: false });
    expect((await run(['csv'])).code).toBe(2);
    const help = await run(['xapi', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/npm run logs -- xapi FILE/);
    // The verify command's usage names the exports too.
    const lines: string[] = [];
    expect(await runLogs(['--help'], { out: (l) => lines.push(l), err: () => undefined })).toBe(0);
    expect(lines.join('\n')).toMatch(/csv \[--decisions\]/);
  });
});

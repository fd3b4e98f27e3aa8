/**
 * `npm run logs -- verify [--json] FILE...` (issue 6, point 6): the same core code as the pages,
 * one line per file, the four statuses, a byte-order mark read, exit 0 / 1 / 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SealedLog } from '../../src/core/log/format.ts';
import { sealLog, unsealLog } from '../../src/core/log/seal.ts';
import { parseArgs, readableLine, runLogs, type FileReport, type LogsOptions } from '../../src/cli/logs-verify.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const V1 = path.join(ROOT, 'tests/fixtures/logs/mexico-v1-historical.json');
const dir = mkdtempSync(path.join(tmpdir(), 'logs-cli-'));
const file = (name: string): string => path.join(dir, name);

async function run(args: string[], options: LogsOptions = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runLogs(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, options);
  return { code, out, err };
}

beforeAll(async () => {
  const text = readFileSync(V1, 'utf8');
  writeFileSync(file('verified.json'), text);
  writeFileSync(file('bom.json'), `\uFEFF${text}`);
  writeFileSync(file('edited.json'), text.replace('"Ana Ruiz"', '"Someone Else"'));
  writeFileSync(file('cut.json'), text.slice(0, 700));
  writeFileSync(file('latin1.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
  writeFileSync(file('huge.json'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x20));
  const log = JSON.parse(text) as SealedLog;
  const never = await sealLog({ ...unsealLog(log), formatVersion: 2, rewind: 'free', reasons: 'optional', scenario: { ...log.scenario, hash: 'e'.repeat(64) } });
  writeFileSync(file('never-kept.json'), JSON.stringify(never));
  const unfinished = { ...unsealLog(log), formatVersion: 2 as const, rewind: 'free' as const, reasons: 'optional' as const };
  unfinished.attempts = [{ ...unfinished.attempts[0]!, entries: unfinished.attempts[0]!.entries.slice(0, 4) }];
  writeFileSync(file('unfinished.json'), JSON.stringify(await sealLog(unfinished)));
});

describe('logs verify', () => {
  it('prints one JSON object per file with the fields a teacher needs, and exits 1 when any file did not verify', async () => {
    const names = ['verified.json', 'bom.json', 'edited.json', 'cut.json', 'never-kept.json', 'unfinished.json', 'latin1.json', 'huge.json', 'missing.json'];
    const { code, out } = await run(['verify', '--json', ...names.map(file)]);
    expect(code).toBe(1);
    expect(out).toHaveLength(names.length);
    const reports = out.map((line) => JSON.parse(line) as FileReport);
    const byName = new Map(reports.map((r) => [path.basename(r.file), r]));
    for (const r of reports) {
      for (const key of ['file', 'status', 'finished', 'student', 'attempts', 'ending', 'score', 'problems']) expect(r).toHaveProperty(key);
    }
    expect(byName.get('verified.json')).toMatchObject({
      status: 'verified',
      finished: true,
      student: { label: 'Ana Ruiz', classCode: '10B' },
      attempts: 2,
      ending: expect.any(String),
      score: { points: expect.any(Number), max: expect.any(Number) },
      problems: [],
      newerText: true,
      scenario: { id: 'mexico', version: 1 },
    });
    expect(byName.get('bom.json')?.status).toBe('verified');
    expect(byName.get('edited.json')).toMatchObject({ status: 'edited', student: { label: 'Someone Else' }, finished: null, ending: null });
    expect(byName.get('cut.json')).toMatchObject({ status: 'refused', problems: [expect.stringMatching(/not valid JSON/)] });
    expect(byName.get('never-kept.json')).toMatchObject({ status: 'scenario-changed', student: { label: 'Ana Ruiz' } });
    expect(byName.get('never-kept.json')?.problems[0]).toMatch(/version 1 of scenario "mexico" \(text eeeeeeeeeeee…\), which this copy of Circular 938 does not keep/);
    expect(byName.get('never-kept.json')?.problems[1]).toMatch(/current text \(version \d+\)/);
    expect(byName.get('unfinished.json')).toMatchObject({ status: 'verified', finished: false, ending: null });
    expect(byName.get('latin1.json')).toMatchObject({ status: 'refused', problems: ['This file is not a Circular 938 decision log: it is not UTF-8 text.'] });
    expect(byName.get('huge.json')).toMatchObject({ status: 'refused', problems: [expect.stringMatching(/^This file is 5\.0 MB, larger than any decision log/)] });
    expect(byName.get('missing.json')).toMatchObject({ status: 'refused', problems: ['There is no such file.'] });
  }, 60_000);

  it('prints one readable line per file and exits 0 when every file verified', async () => {
    const { code, out } = await run(['verify', file('verified.json'), file('unfinished.json')]);
    expect(code).toBe(0);
    // The verified log has two attempts: a line for the file, then one per attempt with its ending.
    expect(out).toHaveLength(4);
    expect(out[0]).toMatch(/verified\.json: verified - Ana Ruiz \(10B\), mexico v1, format 1, converted, 2 attempts, ending ".+", score \d+\/\d+, made with an earlier text/);
    expect(out[1]).toMatch(/^ {2}attempt 1 \(the first\): from the start, \d+ decisions of its own, no ending reached$/);
    expect(out[2]).toMatch(/^ {2}attempt 2: from attempt 1 after its decision \d+, \d+ decisions of its own, ending ".+"$/);
    expect(out[3]).toMatch(/unfinished\.json: verified - .*UNFINISHED \(no ending reached\)/);
  }, 60_000);

  it('gives the same answers, in file order, when worker threads verify the files', async () => {
    // Every kind of file, eight times over: several batches, shared between the threads.
    const names = ['verified.json', 'edited.json', 'bom.json', 'cut.json', 'never-kept.json', 'unfinished.json', 'latin1.json', 'huge.json', 'missing.json'];
    const files = Array.from({ length: 8 }, () => names.map(file)).flat();
    for (const args of [['verify', '--json', ...files], ['verify', ...files]]) {
      const here = await run(args, { workers: 0 });
      const pooled = await run(args, { workers: 2 });
      expect(pooled).toEqual(here);
      expect(here.code).toBe(1);
    }
  }, 120_000);

  it('names the first problem on a readable line', () => {
    const report: FileReport = {
      file: 'a.json', status: 'edited', finished: null, student: { label: 'Ana' }, attempts: 1, attemptEndings: null, ending: null, score: null, format: 2, modes: null,
      problems: ['The hash chain breaks at attempt 1, decision 4: this decision was changed after the log was sealed.', 'two'], notes: [], newerText: false, scenario: null,
    };
    expect(readableLine(report)).toBe(
      'a.json: EDITED - Ana, 1 attempt - The hash chain breaks at attempt 1, decision 4: this decision was changed after the log was sealed. (and 1 more problem; --json lists them)',
    );
  });

  it('exits 2 for a usage error: no command, an unknown one, an unknown option, no files', async () => {
    for (const args of [[], ['check', 'a.json'], ['verify', '--jsn', 'a.json'], ['verify'], ['verify', '--json']]) {
      const { code, out, err } = await run(args);
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err.join('\n')).toMatch(/^logs: .*\n\nUsage: npm run logs -- verify \[--json\] FILE\.\.\./);
    }
    expect(parseArgs(['verify', '--', '--json'])).toEqual({ ok: true, json: false, files: ['--json'] });
    expect((await run(['--help'])).code).toBe(0);
  });

  it('runs as `npm run logs` in Node, with exit status 0 and 1', () => {
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    const ok = spawnSync(tsx, ['src/cli/logs.ts', 'verify', '--json', V1], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout.trim())).toMatchObject({ status: 'verified', finished: true });
    const bad = spawnSync(tsx, ['src/cli/logs.ts', 'verify', file('edited.json')], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/edited\.json: EDITED/);
    const usage = spawnSync(tsx, ['src/cli/logs.ts', 'verify'], { cwd: ROOT, encoding: 'utf8' });
    expect(usage.status).toBe(2);
  }, 120_000);
});

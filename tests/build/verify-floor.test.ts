/**
 * The bench's baseline for verifying logs (tests/bench/verify-floor.ts) does the chain's work on
 * every file it is given, in this thread and in its worker threads, and refuses to time files whose
 * chain breaks (the bench's files are logs the game wrote).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeSha256 } from '../../src/cli/native-hash.ts';
import { classLogs } from '../fixtures/class-logs.ts';
import { followChains, openFloorPool } from '../bench/verify-floor.ts';

let dir = '';
const files: string[] = [];

beforeAll(async () => {
  useNodeSha256();
  dir = await mkdtemp(join(tmpdir(), 'circular938-floor-'));
  for (const [i, log] of (await classLogs(5)).entries()) {
    files.push(join(dir, `log-${i}.json`));
    await writeFile(files[i] as string, log.text);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the bench's verifying baseline", () => {
  it('follows the chain of every file', async () => {
    expect(await followChains(files)).toBe(5);
  });

  it('stops at a file whose chain breaks, naming it', async () => {
    const edited = join(dir, 'edited.json');
    const log = JSON.parse((await classLogs(1, 7))[0]?.text ?? '') as { attempts: { entries: { choice: number }[] }[] };
    const entry = log.attempts[0]?.entries[2];
    if (!entry) throw new Error('the fixture log has fewer than three entries');
    entry.choice += 1;
    await writeFile(edited, JSON.stringify(log));
    await expect(followChains([...files, edited])).rejects.toThrow(/edited\.json: The hash chain breaks at attempt 1, decision 3/);
  });

  it('shares the files among its worker threads and times them all', async () => {
    const pool = openFloorPool(2);
    try {
      expect(await pool.run(files)).toBeGreaterThan(0);
      await expect(pool.run([...files, join(dir, 'missing.json')])).rejects.toThrow(/missing\.json: There is no such file/);
    } finally {
      await pool.close();
    }
  });
});

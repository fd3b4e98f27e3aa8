/**
 * The largest file the verifier reads, answered within a second of CPU. In a file of its own, so
 * that the measure runs in a fresh process, not in the heap the hostile-input runs leave behind.
 */
import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/core/log/format.ts';
import { sealLog } from '../../../src/core/log/seal.ts';
import { MAX_LOG_CHARS, verifyLogText, type ScenarioRef } from '../../../src/core/log/verify.ts';
import { CREATED, miniRef, played, timed } from './timed-fixtures.ts';

const ref: ScenarioRef = await miniRef();
const SEALED_TEXT = JSON.stringify(await sealLog(played()), null, 2);

describe('work the file controls', () => {
  it('answers a 5 MB file within a second', async () => {
    // The costliest kind that keeps every bound: a chain that is intact (so every entry is hashed)
    // over long texts, with 2,000 attempts; it is refused only at the replay.
    const long = played([0]);
    const template = long.attempts[0]?.entries[0];
    if (!template) throw new Error('no entry');
    const attempts: Attempt[] = Array.from({ length: 2_000 }, () => ({
      from: null,
      startedAt: CREATED,
      entries: [{ ...template, node: 'n'.repeat(1_500) }, { ...template, seq: 2, node: 'm'.repeat(400) }],
    }));
    const text = JSON.stringify(await sealLog({ ...long, attempts }));
    expect(text.length).toBeLessThanOrEqual(MAX_LOG_CHARS);
    const padded = text + ' '.repeat(MAX_LOG_CHARS - text.length);
    expect(padded.length).toBeLessThanOrEqual(MAX_LOG_CHARS);
    expect(padded.length).toBeGreaterThan(4.9 * 1024 * 1024);
    await verifyLogText(SEALED_TEXT, ref); // warm up the code paths once
    const { value: r, wall, cpu } = await timed(() => verifyLogText(padded, ref));
    console.info(`5 MB file (${(padded.length / 1048576).toFixed(2)} MB, ${text.length} characters of log): answered in ${wall.toFixed(0)} ms (${cpu.toFixed(0)} ms of CPU)`);
    expect(r.status).toBe('refused');
    expect(r.ok ? '' : r.problems[0]).toMatch(/^The log does not replay: attempt 1, decision 1: recorded node "n+" but replay is at "cable-arrives"/);
    // CPU time, since a busy machine stretches wall time; on an idle one the two are the same.
    expect(cpu).toBeLessThan(1_000);
  }, 30_000);
});

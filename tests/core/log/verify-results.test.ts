/**
 * Verifying gives the same answers as before the verifier was made fast: every answer of a varied
 * set of files (tests/core/log/verify-cases.ts), its status, problems and notes and a digest of
 * everything else it holds (the log as read, the replay's states, the attempts, the verdict, the
 * scenario text), is the one recorded in verify-results.jsonl by the verifier as it was before;
 * and so it is with Node's own SHA-256, as `npm run logs -- verify` and the bench verify.
 * A change that alters any answer fails here; if the change is meant, record again with
 * `npx vitest run --project unit tests/core/log/verify-results.test.ts -u` and say why in the commit.
 */
import { describe, expect, it } from 'vitest';
import { useNodeSha256 } from '../../../src/cli/native-hash.ts';
import { resultRecord, verifyCases } from './verify-cases.ts';

async function answers(): Promise<string> {
  const lines: string[] = [];
  for (const c of await verifyCases()) lines.push(JSON.stringify(resultRecord(c.name, await c.run())));
  return `${lines.join('\n')}\n`;
}

describe('the answers of the verifier', () => {
  let recorded = '';

  it('are, for every file of the set, the ones recorded', async () => {
    recorded = await answers();
    await expect(recorded).toMatchFileSnapshot('./verify-results.jsonl');
  }, 120_000);

  it('are the same with Node\'s own SHA-256', async () => {
    useNodeSha256();
    expect(recorded).not.toBe('');
    expect(await answers()).toBe(recorded);
  }, 120_000);
});

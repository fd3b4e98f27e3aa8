/**
 * The review page reads a file's bytes as `npm run logs -- verify` does: a picture renamed .json gets
 * the command's answer (not UTF-8 text), not a JSON error; a byte-order mark is dropped.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLogFile } from '../../../src/cli/verify-file.ts';
import { decodeLogBytes } from '../../../src/review/read-text.ts';

/** The first bytes of a PNG file: its signature and the start of its header chunk. */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);

describe('reading a file on the review page', () => {
  it('answers a PNG renamed .json as the command line does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'circular938-read-'));
    try {
      const file = join(dir, 'picture.json');
      await writeFile(file, PNG);
      const cli = await readLogFile(file);
      const page = decodeLogBytes(PNG);
      expect(cli.ok).toBe(false);
      expect(page).toEqual(cli);
      expect(page.ok ? '' : page.problem).toMatch(/not UTF-8 text/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads UTF-8 text, dropping a byte-order mark', () => {
    expect(decodeLogBytes(new TextEncoder().encode('\uFEFF{"a":"Núñez"}'))).toEqual({ ok: true, text: '{"a":"Núñez"}' });
  });
});

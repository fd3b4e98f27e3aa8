import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, readLogFile } from '../../src/cli/verify-file.ts';

/** What the command read files with before: the standard decoder, throwing on anything that is not UTF-8. */
function standard(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const cases: [string, number[]][] = [
  ['empty', []],
  ['ASCII', [...Buffer.from('{"a":"b"}')]],
  ['a byte-order mark', [0xef, 0xbb, 0xbf, ...Buffer.from('{"a":1}')]],
  ['a mark alone', [0xef, 0xbb, 0xbf]],
  ['two marks (only the first is dropped)', [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x7b, 0x7d]],
  ['letters outside ASCII at the start, middle and end', [...Buffer.from('Núñez {"label":"Tomás"} … 😀')]],
  ['one letter outside ASCII', [...Buffer.from('Lucía')]],
  ['Latin-1, not UTF-8', [0x7b, 0x22, 0xe9, 0x22, 0x7d]],
  ['a sequence cut at the end', [0x61, 0xc3]],
  ['a sequence cut in the middle', [0x61, 0xe2, 0x82, 0x61]],
  ['an overlong slash', [0xc0, 0xaf]],
  ['an encoded surrogate', [0xed, 0xa0, 0x80]],
  ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ['a lone continuation byte', [0x61, 0x80, 0x61]],
];

describe('decodeUtf8', () => {
  it.each(cases)('reads %s as the standard decoder does', (_, bytes) => {
    expect(decodeUtf8(Buffer.from(bytes))).toBe(standard(Uint8Array.from(bytes)));
  });

  it('reads any bytes, and any text written as UTF-8, as the standard decoder does', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => decodeUtf8(Buffer.from(bytes)) === standard(bytes)), { numRuns: 5000 });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
        const bytes = Buffer.from(`${a}${b}${a}`, 'utf8');
        return decodeUtf8(bytes) === standard(bytes);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('readLogFile', () => {
  it('reads each file whole, one after another, whatever their sizes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'read-log-file-'));
    // Larger than the buffer files are first read into, then smaller again, then empty.
    const texts = ['{"a":"Núñez"}', `{"pad":"${'x'.repeat(200_000)}","b":"é"}`, '{"c":1}', '', `\uFEFF{"d":"${'y'.repeat(70_000)}"}`, '{}'];
    for (const [i, text] of texts.entries()) {
      const file = path.join(dir, `${i}.json`);
      writeFileSync(file, text);
      const read = await readLogFile(file);
      expect(read).toEqual({ ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file)) });
    }
    expect(await readLogFile(dir)).toEqual({ ok: false, problem: 'This is not a file.' });
    expect(await readLogFile(path.join(dir, 'none.json'))).toEqual({ ok: false, problem: 'There is no such file.' });
  });
});

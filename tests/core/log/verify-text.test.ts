/**
 * A file's text is parsed before it is scanned when it is short and holds a well-formed log, and the
 * scan is left out when its colons show that no field is written twice (verify.ts, `readLogText`).
 * The colons a log's text has are counted exactly, whatever its layout and texts; a text that writes
 * a field twice, hiding a value too deep or too wide behind the one JSON.parse keeps, gets the
 * scan's answer as before, even when a colon is hidden in a \u escape to even the count.
 */
import { describe, expect, it } from 'vitest';
import type { SealedLog } from '../../../src/core/log/format.ts';
import { sealLog, unsealLog } from '../../../src/core/log/seal.ts';
import { scanJsonText } from '../../../src/core/log/scan.ts';
import { colonsIn, colonsOfLogText, readSealedLogJson } from '../../../src/core/log/shape.ts';
import { verifyLogText } from '../../../src/core/log/verify.ts';
import { classLogs } from '../../fixtures/class-logs.ts';
import { currentRefs, fixtureText } from './format2-fixtures.ts';

const refs = await currentRefs();
const CLASS = (await classLogs(12, 31)).map((l) => l.text);
const FORMAT2 = ['format2-mexico-v4-historical.json', 'format2-mexico-v4-counterfactual.json'].map(fixtureText);

/** A class log sealed again with colons, quotes and escapes in every text a student or teacher writes. */
async function withColons(text: string): Promise<string> {
  const open = unsealLog(JSON.parse(text) as SealedLog);
  open.student = { label: 'Ana: "la" \\ Ruiz 𝄞', classCode: '10:B' };
  open.play = 'class';
  for (const a of open.attempts) for (const e of a.entries) if (e.reason !== undefined) e.reason = `At 10:30: "why" \\ ${e.seq}:`;
  const log = JSON.parse(text) as SealedLog;
  return JSON.stringify(await sealLog(open, log.verdict), null, 2);
}

const read = (text: string): SealedLog => {
  const log = readSealedLogJson(JSON.parse(text));
  if (log === null) throw new Error('not read');
  return log;
};

/** `text` with `field` added to the object that starts at the first `"seq": 1,` (an entry). */
const inFirstEntry = (text: string, field: string): string => text.replace('"seq": 1,', `"seq": 1, ${field},`);

describe('the colons of a log text', () => {
  it('are counted exactly, one per field and those of its texts, pretty or on one line', async () => {
    const texts = [...CLASS, ...FORMAT2, await withColons(CLASS[0] as string), await withColons(CLASS[1] as string)];
    for (const text of texts) {
      const log = read(text);
      expect(colonsOfLogText(log)).toBe(colonsIn(text));
      expect(colonsOfLogText(log)).toBe(colonsIn(JSON.stringify(JSON.parse(text))));
    }
  });

  it('are more than the data has when a field is written twice', () => {
    const text = CLASS[0] as string;
    const twice = inFirstEntry(text, '"node": "somewhere-else"');
    expect(JSON.stringify(read(twice))).toBe(JSON.stringify(read(text)));
    expect(colonsIn(twice)).toBeGreaterThan(colonsOfLogText(read(twice)));
  });
});

describe('a text that writes a field twice', () => {
  const deep = (n: number): string => `${'['.repeat(n)}0${']'.repeat(n)}`;
  const fields = (n: number): string => Array.from({ length: n }, () => '"k": 0').join(', ');
  const cases: [string, string][] = [
    ['a list nested 13 deep behind the field kept', inFirstEntry(CLASS[0] as string, `"thinkMs": ${deep(13)}`)],
    ['an object of 101 fields behind the field kept', inFirstEntry(CLASS[0] as string, `"node": {${fields(101)}}`)],
    ['a list of 2,001 items behind the field kept', inFirstEntry(CLASS[0] as string, `"at": [${Array.from({ length: 2001 }, () => '0').join(',')}]`)],
  ];

  it.each(cases)('gets the scan\'s answer: %s', async (_, text) => {
    const scan = scanJsonText(text);
    expect(scan).not.toBeNull();
    const r = await verifyLogText(text, refs);
    expect(r.ok ? [] : r.problems).toEqual([`This decision log cannot be read: ${scan}`]);
  });

  // The field written twice adds one colon (a list holds none); a reason's colon written as \u003a takes one away.
  it.each([cases[0], cases[2]] as [string, string][])('gets it too when a colon hidden in a \\u escape evens the count: %s', async (_, text) => {
    const evened = text.replace(/"reason": "([^"]*):/, '"reason": "$1\\u003a');
    expect(evened).not.toBe(text);
    const log = readSealedLogJson(JSON.parse(evened));
    expect(log === null ? -1 : colonsOfLogText(log)).toBe(colonsIn(evened));
    const scan = scanJsonText(evened);
    expect(scan).not.toBeNull();
    const r = await verifyLogText(evened, refs);
    expect(r.ok ? [] : r.problems).toEqual([`This decision log cannot be read: ${scan}`]);
  });
});

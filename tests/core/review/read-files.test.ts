/**
 * The review page reads a class's files a group at a time, as one blob cut at the files' sizes
 * (src/review/verify-files.ts, `readFiles`): each file must get exactly the answer it gets when read
 * on its own, and a file that cannot be read must not take the rest of its group with it.
 */
import { describe, expect, it } from 'vitest';
import { readFile, readFiles } from '../../../src/review/verify-files.ts';
import type { PickedFile } from '../../../src/review/pick-files.ts';

const picked = (name: string, bytes: string | Uint8Array<ArrayBuffer>): PickedFile => ({ name, file: new File([bytes], name, { lastModified: 1 }) });

/** The first bytes of a PNG file. */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]);

/** A file chosen, then moved or changed on disk: the browser can no longer read it, and its size is the one it had. */
function gone(name: string): PickedFile {
  const file = new File(['{}'], name, { lastModified: 1 });
  Object.defineProperty(file, 'size', { value: 4096 });
  Object.defineProperty(file, 'arrayBuffer', { value: () => Promise.reject(new DOMException('The file could not be read.', 'NotReadableError')) });
  return { name, file };
}

const answers = (reads: Awaited<ReturnType<typeof readFiles>>): unknown[] =>
  reads.map((r) => (r.ok ? { name: r.picked.name, text: r.text } : { row: r.item.row }));

describe('reading a group of files on the review page', () => {
  it('gives each file what it gets when read alone: text, accents, a byte-order mark, a picture, an empty file, one too large', async () => {
    const group = [
      picked('ana.json', '{"student":"Ana"}'),
      picked('tomas.json', '{"student":"Tomás Núñez"}'),
      picked('bom.json', '\uFEFF{"student":"Lucía"}'),
      picked('picture.json', PNG),
      picked('empty.json', ''),
      picked('huge.json', new Uint8Array(5 * 1024 * 1024 + 1)),
      picked('last.json', '{"student":"Mateo"}'),
    ];
    const together = await readFiles(group);
    const alone = await Promise.all(group.map(readFile));
    expect(answers(together)).toEqual(answers(alone));
    expect(together.map((r) => r.ok)).toEqual([true, true, true, false, true, false, true]);
    expect(together[1]).toMatchObject({ ok: true, text: '{"student":"Tomás Núñez"}' });
    expect(together[2]).toMatchObject({ ok: true, text: '{"student":"Lucía"}' });
  });

  it('reads the rest of a group when one file of it can no longer be read, and says which', async () => {
    const group = [picked('ana.json', '{"a":1}'), gone('moved.json'), picked('mateo.json', '{"m":2}')];
    const reads = await readFiles(group);
    expect(reads.map((r) => r.ok)).toEqual([true, false, true]);
    expect(reads[0]).toMatchObject({ ok: true, text: '{"a":1}' });
    expect(reads[2]).toMatchObject({ ok: true, text: '{"m":2}' });
    const failed = reads[1];
    expect(failed?.ok).toBe(false);
    expect(failed && !failed.ok ? JSON.stringify(failed.item.row) : '').toMatch(/could not be read \(it was moved, deleted or is not readable\)/);
    expect(failed && !failed.ok ? JSON.stringify(failed.item.row) : '').toContain('moved.json');
  });

  it('reads a group of one, and an empty group', async () => {
    expect(answers(await readFiles([picked('one.json', '{}')]))).toEqual([{ name: 'one.json', text: '{}' }]);
    expect(await readFiles([])).toEqual([]);
  });
});

/**
 * Content checks for the circular (scenarios/shared/circular-938.yaml) and the glossary
 * (scenarios/shared/glossary.yaml): the blocks, the markings, the reading order, and the words against the OCR seed.
 */
import { readFileSync } from 'node:fs';
import { readYaml } from './files.ts';
import { describe, expect, it } from 'vitest';
import { parseMarkup, plainText, teletypeText } from '../../src/core/cable-markup.ts';
import { buildTermIndex, findTerms } from '../../src/core/glossary-terms.ts';
import { cableSchema, glossarySchema, POINTS } from '../../src/core/scenario/schema.ts';


const cable = cableSchema.parse(readYaml('shared/circular-938.yaml'));
const glossary = glossarySchema.parse(readYaml('shared/glossary.yaml'));
const ocr = readFileSync(new URL('../../../shared/sources/circular-938-ocr.txt', import.meta.url), 'utf8');

/**
 * The OCR fixes the transcription makes, each listed in the file's notes: [the OCR's words, the file's words].
 * Line splits (a stamp run into a clearance) change no word, so they need no entry.
 */
const OCR_FIXES: [ocr: string, file: string][] = [
  ['at; your discretion', 'at your discretion'],
  ['Mr. Bruback', 'Mr. Brubeck'],
  ['A/CDC/ME', 'A/CDC/MR'],
];

function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => w.length > 0);
}

describe('scenarios/shared/circular-938.yaml', () => {
  const blocks = cable.pages.flatMap((p) => p.blocks);
  const text = blocks.map((b) => b.text).join('\n');

  it('has a block for each point (a) to (h), the Organ request, the reaction request, FYI and USUN', () => {
    const refs = new Set<string>(blocks.flatMap((b) => (b.ref ? [b.ref] : [])));
    for (const ref of [...POINTS, 'fyi', 'usun']) expect(refs.has(ref), ref).toBe(true);
    expect(blocks.find((b) => b.ref === 'fyi')?.kind).toBe('fyi');
    expect(blocks.find((b) => b.ref === 'usun')?.kind).toBe('usun');
  });

  it('keeps the strike-throughs of the original', () => {
    for (const struck of [
      '~~XXXXXXXX~~ NIACT',
      'cannot be ~~dismissed~~ dismissed',
      'to ~~the~~ Nation',
      'actions we may need to take ~~and~~ under October 23 resolution',
      '~~XXXXXXXXXXXXXX~~ A continued demonstration',
      'points (a) ~~to~~ through (g)',
    ]) {
      expect(text, struck).toContain(struck);
    }
  });

  it('is in the telegram reading order, signed RUSK, with the OCR fixes listed', () => {
    const order = ['ACTION: CIRCULAR 938', '(a) The US', '(h) US expects', 'Organ of Consultation on Wednesday', 'Report promptly', 'FYI Similar', 'FOR USUN', 'RUSK'];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(blocks.at(-3)).toMatchObject({ kind: 'signature', text: 'RUSK' });
    expect(text).not.toMatch(/Bruback|at; your/);
    expect(text).toContain('S/S - Mr. Brubeck');
    expect(cable.notes.join('\n')).toMatch(/Brubeck/);
    expect(cable.notes.join('\n')).toMatch(/at your discretion/);
  });
});

describe('scenarios/shared/glossary.yaml', () => {
  it('explains every abbreviation the circular and the game use', () => {
    const terms = glossary.terms.map((t) => t.term.toLowerCase());
    for (const needed of [
      'NIACT', 'FYI', 'POL', 'POLAD', 'CINCLANT', 'CINCARIB', 'USUN', 'SYG', 'S/S', 'EXCOM', 'Organ of Consultation',
      'quarantine', 'IL-28', 'OAS', 'Rio Treaty', 'Depcirtel', 'Deptel', 'Embtel', 'ARA', 'LIMIT DISTRIBUTION',
      'proscribed list', 'LA Ambassadorial group',
    ]) {
      expect(terms.some((t) => t.split(/ \/ | \.\.\. /).includes(needed.toLowerCase()) || t === needed.toLowerCase()), needed).toBe(true);
    }
  });

  it('gives POL its petroleum meaning', () => {
    expect(glossary.terms.find((t) => t.term === 'POL')?.expansion).toMatch(/petroleum, oil and lubricants/);
  });
});

describe('scenarios/shared/circular-938.yaml: against the seed', () => {
  const blocks = cable.pages.flatMap((p) => p.blocks);

  it('has every word of the OCR seed, in order, and no other (illegible gaps read as their kept OCR reading)', () => {
    let seed = ocr.replace(/^#\s+/m, '');
    for (const [from, to] of OCR_FIXES) {
      expect(seed.split(from).length - 1, `"${from}" occurs once in the seed`).toBe(1);
      seed = seed.replace(from, to);
    }
    // Strike-throughs are compared as marked (~~x~~), as the seed marks them; a gap as its kept reading.
    const file = blocks
      .map((b) => parseMarkup(b.text).map((s) => (s.kind === 'struck' ? `~~${s.text}~~` : s.kind === 'illegible' ? (s.reading ?? '') : s.text)).join(''))
      .join('\n');
    expect(words(file)).toEqual(words(seed));
  });

  it('lists each OCR fix in its notes', () => {
    const notes = cable.notes.join('\n');
    for (const [from] of OCR_FIXES) expect(notes, from).toContain(from);
  });

  it('marks the garbled review-stamp words illegible, keeps their OCR reading, and says so in the notes', () => {
    const readings = blocks.flatMap((b) => parseMarkup(b.text).flatMap((s) => (s.kind === 'illegible' ? [s.reading] : [])));
    expect(readings).toEqual(['ENCLIN', 'DEITY', 'FOR EO OF A HANDED']);
    const notes = cable.notes.join('\n');
    for (const r of readings) expect(notes, `the notes name "${r}"`).toContain(`"${r}"`);
    // Only the declassification stamps are garbled; the telegram's own words are all legible.
    for (const b of blocks) if (b.kind !== 'declassification') expect(b.text, b.text).not.toContain('[[');
    // Legible check-box words stay words.
    expect(blocks.map((b) => b.text).join('\n')).toContain('( ) DISSEMINATE IN PART');
  });

  it('sets the stamps added at declassification apart from the 1962 telegram', () => {
    const declassified = blocks.filter((b) => b.kind === 'declassification').map((b) => plainText(b.text, true));
    expect(declassified).toEqual([
      'DEPARTMENT OF STATE',
      'A/CDC/MR',
      'REVIEWED BY DATE',
      '( ) ENCLIN ( ) DISSEMINATE IN PART\n( ) DEITY ( ) DISSEMINATE INFO.\nFOR EO OF A HANDED\n( ) CLASSIFICATION',
      'DECLASSIFIED',
    ]);
    const teletype = teletypeText(cable);
    expect(teletype).not.toMatch(/DECLASSIFIED|REVIEWED BY|A\/CDC|\[\[|~~/);
    expect(teletype).toContain('ACTION: CIRCULAR 938');
    expect(teletype).toContain('RUSK');
  });

  it('names the glossary terms a student must look up, and the matcher finds each in the cable', () => {
    const index = buildTermIndex(glossary.terms);
    const found = new Set(blocks.flatMap((b) => findTerms(plainText(b.text), index).flatMap((s) => (s.kind === 'term' ? [s.term] : []))));
    for (const term of [
      'NIACT', 'POL', 'USUN', 'FYI ... END FYI', 'IL-28', 'OAS', 'Organ of Consultation', 'POLAD', 'CINCLANT', 'CINCARIB',
      'S/S', 'ARA', 'SYG', 'EXCOM', 'LIMIT DISTRIBUTION', 'PRIORITY', 'quarantine', 'proscribed list',
      'October 23 resolution', 'LA Ambassadorial group', 'Chief of State',
    ]) {
      expect(found.has(term), term).toBe(true);
    }
  });
});

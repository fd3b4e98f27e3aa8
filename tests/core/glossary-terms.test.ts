import { describe, expect, it } from 'vitest';
import { buildTermIndex, findTerms, termForms, type TermSegment } from '../../src/core/glossary-terms.ts';
import { parseMarkup, plainText } from '../../src/core/cable-markup.ts';

const index = buildTermIndex(
  ['NIACT', 'POL', 'POLAD', 'IL-28', 'S/S', 'LIMIT DISTRIBUTION', 'FYI ... END FYI', 'Govt / GOM', 'Organ of Consultation', 'quarantine', 'Greenwich Mean Time (GMT)', 'ROUTINE'].map(
    (term) => ({ term }),
  ),
);

/** The terms found, as "words=entry". */
function terms(segments: TermSegment[]): string[] {
  return segments.flatMap((s) => (s.kind === 'term' ? [`${s.text}=${s.term}`] : []));
}

describe('termForms', () => {
  it('splits an entry into the forms it names', () => {
    expect(termForms('Govt / GOM')).toEqual(['Govt', 'GOM']);
    expect(termForms('FYI ... END FYI')).toEqual(['FYI', 'END FYI']);
    expect(termForms('Greenwich Mean Time (GMT)')).toEqual(['Greenwich Mean Time', 'GMT']);
    expect(termForms('Depcirtel / Cirtel / Deptel / Embtel')).toEqual(['Depcirtel', 'Cirtel', 'Deptel', 'Embtel']);
    expect(termForms('S/S')).toEqual(['S/S']);
  });
});

describe('findTerms', () => {
  it('gives the text back unchanged when the segments are joined', () => {
    const text = 'ALL LATIN AMERICAN DIPLOMATIC POSTS. NIACT\nPOLADS CINCLANT, and its extension to POL.';
    expect(findTerms(text, index).map((s) => s.text).join('')).toBe(text);
  });

  it('matches whole words only, taking a plural s with the term', () => {
    expect(terms(findTerms('withdrawal of IL-28s or POLICY or POLADS, extension to POL.', index))).toEqual([
      'IL-28s=IL-28',
      'POLADS=POLAD',
      'POL=POL',
    ]);
    expect(terms(findTerms('NIACTED, XNIACT, IL-280', index))).toEqual([]);
  });

  it('matches an abbreviation only in capitals, other forms in any case', () => {
    expect(terms(findTerms('a routine day; pol; niact', index))).toEqual([]);
    expect(terms(findTerms('ROUTINE. Reimpose the Quarantine; meeting of organ of consultation', index))).toEqual([
      'ROUTINE=ROUTINE',
      'Quarantine=quarantine',
      'organ of consultation=Organ of Consultation',
    ]);
  });

  it('prefers the longest form at a place, and finds a term broken over a line', () => {
    expect(terms(findTerms('LIMIT\nDISTRIBUTION S/S', index))).toEqual(['LIMIT\nDISTRIBUTION=LIMIT DISTRIBUTION', 'S/S=S/S']);
    expect(terms(findTerms('FYI Similar views. END FYI', index))).toEqual(['FYI=FYI ... END FYI', 'END FYI=FYI ... END FYI']);
    expect(terms(findTerms('the Mexican Govt at 05:25 GMT', index))).toEqual(['Govt=Govt / GOM', 'GMT=Greenwich Mean Time (GMT)']);
  });

  it('links only a first occurrence when given a set of the terms already linked', () => {
    const seen = new Set<string>();
    expect(terms(findTerms('IL-28s and IL-28s', index, seen))).toEqual(['IL-28s=IL-28']);
    expect(terms(findTerms('the IL-28s; NIACT', index, seen))).toEqual(['NIACT=NIACT']);
    expect([...seen]).toEqual(['IL-28', 'NIACT']);
  });

  it('does not treat characters of a term as a pattern', () => {
    const dotted = buildTermIndex([{ term: 'S.S.' }]);
    expect(terms(findTerms('SXSX and S.S.', dotted))).toEqual(['S.S.=S.S.']);
  });
});

describe('parseMarkup and plainText', () => {
  const text = '( ) [[illegible: ENCLIN]] ( ) DISSEMINATE; ~~XX~~ NIACT [[illegible]]';

  it('splits strike-throughs and illegible gaps, keeping the OCR reading', () => {
    expect(parseMarkup(text)).toEqual([
      { kind: 'text', text: '( ) ' },
      { kind: 'illegible', reading: 'ENCLIN' },
      { kind: 'text', text: ' ( ) DISSEMINATE; ' },
      { kind: 'struck', text: 'XX' },
      { kind: 'text', text: ' NIACT ' },
      { kind: 'illegible', reading: null },
    ]);
  });

  it('shows a gap, never the reading, unless the readings are asked for', () => {
    expect(plainText(text)).toBe('( ) [illegible] ( ) DISSEMINATE; XX NIACT [illegible]');
    expect(plainText(text, true)).toBe('( ) ENCLIN ( ) DISSEMINATE; XX NIACT [illegible]');
  });
});

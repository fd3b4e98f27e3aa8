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

describe('findTerms tries only the forms that can begin at a place', () => {
  /** The rule without the first-letter lookup: every form, longest first, at every place a word can start. */
  function everyForm(text: string, idx: ReturnType<typeof buildTermIndex>, seen?: Set<string>): TermSegment[] {
    const out: TermSegment[] = [];
    let plainFrom = 0;
    let i = 0;
    while (i < text.length) {
      let hit: { term: string; end: number } | null = null;
      const inWord = i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1] ?? '');
      for (const form of inWord ? [] : idx.forms) {
        if (seen?.has(form.term)) continue;
        form.pattern.lastIndex = i;
        const m = form.pattern.exec(text);
        if (m) {
          hit = { term: form.term, end: i + m[0].length };
          break;
        }
      }
      if (!hit) {
        i += 1;
        continue;
      }
      if (i > plainFrom) out.push({ kind: 'text', text: text.slice(plainFrom, i) });
      out.push({ kind: 'term', text: text.slice(i, hit.end), term: hit.term });
      seen?.add(hit.term);
      i = hit.end;
      plainFrom = i;
    }
    if (plainFrom < text.length) out.push({ kind: 'text', text: text.slice(plainFrom) });
    return out;
  }

  it("finds what trying every form finds, in the game's own texts and in made-up ones", async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const fc = (await import('fast-check')).default;
    const dir = new URL('../../scenarios/', import.meta.url);
    const glossary = parse(readFileSync(new URL('shared/glossary.yaml', dir), 'utf8')) as { terms: { term: string }[] };
    const real = buildTermIndex(glossary.terms);
    const texts: string[] = [readFileSync(new URL('shared/circular-938.yaml', dir), 'utf8')];
    for (const f of readdirSync(dir).filter((n) => n === 'mexico.yaml' || n === 'brazil.yaml')) texts.push(readFileSync(new URL(f, dir), 'utf8'));
    for (const text of texts) {
      expect(findTerms(text, real)).toEqual(everyForm(text, real));
      expect(findTerms(text, real, new Set())).toEqual(everyForm(text, real, new Set()));
    }
    const words = fc.constantFrom('NIACT', 'niact', 'Pol', 'POLADS', 'IL-28s', 'S/S', 'quarantine', 'QUARANTINE', 'Kelvin', 'ſ', 'K', 'é', 'Ω', '𝐀', '\n', ' ', '(', ')', 'GMT', 'Organ  of\nConsultation', 'END FYI', 'FYI');
    fc.assert(fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 3 })), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      return JSON.stringify(findTerms(text, real)) === JSON.stringify(everyForm(text, real))
        && JSON.stringify(findTerms(text, index)) === JSON.stringify(everyForm(text, index));
    }), { numRuns: 1000 });
  }, 120_000);
});

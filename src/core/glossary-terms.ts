/**
 * Finds the glossary's terms in a text, so that the cable and the story can link each one to its
 * entry. Pure: no DOM. The overlay turns the `term` segments into buttons that open the glossary.
 *
 * Rules:
 * - An entry may name several forms: "Govt / GOM", "FYI ... END FYI", "Greenwich Mean Time (GMT)".
 *   Each form is matched and links to the one entry.
 * - Whole words only: a match must not touch a letter or digit on either side ("POL" is not found
 *   in "POLICY"), but a plural "s" is taken with it ("IL-28s", "POLADS").
 * - A form written without lower-case letters is an abbreviation and matches only in capitals
 *   ("POL", "ROUTINE", "S/S"); any other form matches in any case ("quarantine", "Chief of State").
 * - Longest form first: "LIMIT DISTRIBUTION" wins over a shorter form at the same place, and
 *   "END FYI" over "FYI".
 * - Spaces inside a form match any run of white space, so a term broken over a line is found.
 */

export type TermSegment = { kind: 'text'; text: string } | { kind: 'term'; text: string; term: string };

interface TermForm {
  /** The entry's `term`, the key to open the glossary at. */
  term: string;
  pattern: RegExp;
  length: number;
  /** Matches a character this form can begin with. */
  starts: RegExp;
}

/** The forms of a glossary, longest first, compiled once. Build it with `buildTermIndex`. */
export interface TermIndex {
  readonly forms: readonly TermForm[];
  /**
   * For each printable ASCII character, the forms (longest first) that can begin with it under
   * their own case rule: at a position whose character is ASCII only these are tried, which skips
   * most of a long text's positions at once. Other characters try every form.
   */
  readonly byFirst: ReadonlyMap<string, readonly TermForm[]>;
}

const ASCII_PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

/** The forms one entry names: "Govt / GOM" gives ["Govt", "GOM"], "Greenwich Mean Time (GMT)" gives both names. */
export function termForms(term: string): string[] {
  const forms = term
    .split(/ \/ | \.\.\. /)
    .flatMap((part) => {
      const m = /^(.+?)\s*\(([^()]+)\)$/.exec(part.trim());
      return m ? [m[1] ?? '', m[2] ?? ''] : [part];
    })
    .map((f) => f.trim())
    .filter((f) => f.length > 0);
  return [...new Set(forms)];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles the glossary's forms. Pure; throws nothing. */
export function buildTermIndex(terms: readonly { term: string }[]): TermIndex {
  const forms: TermForm[] = [];
  for (const { term } of terms) {
    for (const form of termForms(term)) {
      const abbreviation = !/\p{Ll}/u.test(form);
      const body = form.split(/\s+/).map(escapeRegExp).join('\\s+');
      const plural = abbreviation ? '[sS]?' : 's?';
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}${plural}(?![\\p{L}\\p{N}])`, abbreviation ? 'uy' : 'iuy');
      // The form's first character alone, with the form's flags (so with its case folding).
      const starts = new RegExp(`^${escapeRegExp(String.fromCodePoint(form.codePointAt(0) ?? 0))}`, abbreviation ? 'u' : 'iu');
      forms.push({ term, pattern, length: form.length, starts });
    }
  }
  forms.sort((a, b) => b.length - a.length);
  const byFirst = new Map<string, TermForm[]>();
  for (const form of forms) {
    for (const c of ASCII_PRINTABLE) {
      if (!form.starts.test(c)) continue;
      const list = byFirst.get(c) ?? [];
      list.push(form);
      byFirst.set(c, list);
    }
  }
  return { forms, byFirst };
}

/**
 * Splits `text` into plain runs and glossary terms, in order; joined, the segments' texts give
 * `text` back unchanged. With `seen`, a term already in the set is left as text and each term
 * found is added, so a caller links only the first occurrence in a block (or a whole page) by
 * sharing one set. Pure apart from adding to `seen`.
 */
export function findTerms(text: string, index: TermIndex, seen?: Set<string>): TermSegment[] {
  const out: TermSegment[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < text.length) {
    let hit: { term: string; end: number } | null = null;
    // A term starts only where a word can: skip the inside of words.
    const inWord = i > 0 && WORD_CHAR.test(text[i - 1] ?? '');
    const c = text.charCodeAt(i);
    const candidates = inWord ? [] : c >= 0x20 && c < 0x7f ? (index.byFirst.get(text[i] as string) ?? []) : index.forms;
    for (const form of candidates) {
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

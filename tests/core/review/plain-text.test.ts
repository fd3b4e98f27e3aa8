/** Names from files, shown on the page and on the command line without their hidden characters. */
import { describe, expect, it } from 'vitest';
import { escapeHidden, plainName } from '../../../src/core/review/plain-text.ts';
import { copiesText } from '../../../src/review/format.ts';

describe('text from a file', () => {
  it('loses its line breaks and direction marks on the page, and keeps every letter', () => {
    expect(plainName('Ana\nMaría\u202E López\u2067')).toBe('Ana María López');
    expect(plainName('Zoë Brontë · عربي')).toBe('Zoë Brontë · عربي');
  });

  it('shows them as escapes on a line of output', () => {
    expect(escapeHidden('a\r\nb\u202Dc\u0085')).toBe('a\\r\\nb\\u202Dc\\u0085');
  });
});

describe('the copies of a log', () => {
  it('are named by their paths, and counted when two have the same name', () => {
    expect(copiesText('10A/log-7.json', ['10B/log-7.json'])).toBe('The same log was also imported as 10B/log-7.json; it is shown once.');
    expect(copiesText('log-7.json', ['log-7.json', 'log-7.json'])).toBe('The same log was also imported under the same name twice; it is shown once.');
    expect(copiesText('a.json', ['b.json', 'a.json'])).toBe('The same log was also imported as b.json, under the same name; it is shown once.');
  });
});

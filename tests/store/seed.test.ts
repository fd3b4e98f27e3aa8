import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/store/seed.ts';

describe('a seed from a link', () => {
  it('accepts decimal digits within uint32', () => {
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('938')).toBe(938);
    expect(parseSeed('4294967295')).toBe(4294967295);
  });

  it('ignores anything else, without an error', () => {
    for (const text of [null, undefined, '', '4294967296', '99999999999', '-1', '1.5', '1e3', ' 7', '0x10', 'abc', '12a']) {
      expect(parseSeed(text), String(text)).toBeNull();
    }
  });
});

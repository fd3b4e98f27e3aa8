// The parts of sound that need no browser: the caption table, the remembered mute setting and the
// generated files. The howler adapter itself is covered by the end-to-end tests in Chromium.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOUND_CUES } from '../../src/core/scenario/schema.ts';
import { SOUND_CAPTIONS, captionFor } from '../../src/audio/captions.ts';
import { MUTED_STORAGE_KEY, createMutePreference, type PreferenceStorage } from '../../src/audio/mute-preference.ts';

function memoryStorage(): PreferenceStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const throwing: PreferenceStorage = {
  getItem() {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem() {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  },
};

describe('sound captions', () => {
  it('has a bracketed caption for every sound cue a scenario may name', () => {
    expect(Object.keys(SOUND_CAPTIONS).sort()).toEqual([...SOUND_CUES].sort());
    for (const cue of SOUND_CUES) expect(captionFor(cue)).toMatch(/^\[[A-Z][^\]]+\]$/);
  });
});

describe('mute preference', () => {
  it('starts unmuted when nothing is stored', () => {
    expect(createMutePreference(memoryStorage()).get()).toBe(false);
  });

  it('is remembered across page loads', () => {
    const storage = memoryStorage();
    createMutePreference(storage).set(true);
    expect(storage.data.get(MUTED_STORAGE_KEY)).toBe('1');
    expect(createMutePreference(storage).get()).toBe(true);
  });

  it('keeps working in memory when storage throws on every access', () => {
    const pref = createMutePreference(throwing);
    expect(pref.get()).toBe(false);
    expect(() => pref.set(true)).not.toThrow();
    expect(pref.get()).toBe(true);
  });

  it('keeps working in memory without any storage', () => {
    const pref = createMutePreference(null);
    pref.set(true);
    expect(pref.get()).toBe(true);
  });
});

describe('generated sound files', () => {
  const files = SOUND_CUES.map((cue) => ({ cue, bytes: readFileSync(new URL(`../../assets/audio/${cue}.opus`, import.meta.url)) }));

  /** The Ogg pages of a file: header fields and the page bytes, with each page's CRC checked. */
  function pages(bytes: Buffer): { flags: number; granule: bigint; body: Buffer; crcOk: boolean }[] {
    const table = Array.from({ length: 256 }, (_, n) => {
      let c = n << 24;
      for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
      return c >>> 0;
    });
    const out = [];
    for (let at = 0; at < bytes.length;) {
      expect(bytes.toString('ascii', at, at + 4)).toBe('OggS');
      const segments = bytes.readUInt8(at + 26);
      const lacing = [...bytes.subarray(at + 27, at + 27 + segments)];
      const size = 27 + segments + lacing.reduce((n, l) => n + l, 0);
      const page = Buffer.from(bytes.subarray(at, at + size));
      const stored = page.readUInt32LE(22);
      page.writeUInt32LE(0, 22);
      let crc = 0;
      for (const b of page) crc = ((crc << 8) ^ (table[((crc >>> 24) ^ b) & 0xff] as number)) >>> 0;
      out.push({ flags: bytes.readUInt8(at + 5), granule: bytes.readBigInt64LE(at + 6), body: bytes.subarray(at + 27 + segments, at + size), crcOk: crc === stored });
      at += size;
    }
    return out;
  }

  it('are Ogg Opus, mono, each page intact, the last ending the sound at its own length', () => {
    const seconds: Record<string, number> = { teletype: 3, telephone: 4, clock: 2, room: 6, crowd: 6, door: 1 };
    for (const { cue, bytes } of files) {
      const list = pages(bytes);
      expect(list.every((p) => p.crcOk), `${cue}: a page's CRC`).toBe(true);
      const head = list[0]?.body ?? Buffer.alloc(0);
      expect(head.toString('ascii', 0, 8)).toBe('OpusHead');
      expect(head.readUInt8(9)).toBe(1); // mono
      expect(list[0]?.flags).toBe(2); // beginning of stream
      expect(list[1]?.body.toString('ascii', 0, 8)).toBe('OpusTags');
      const last = list[list.length - 1];
      expect(last?.flags).toBe(4); // end of stream
      expect(Number(last?.granule) - head.readUInt16LE(10)).toBe((seconds[cue] ?? 0) * 48000);
    }
  });

  it('stay small for a school network (compressed: under 160 KB in all)', () => {
    expect(files.reduce((n, f) => n + f.bytes.length, 0)).toBeLessThan(160_000);
  });
});

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
  const files = SOUND_CUES.map((cue) => ({ cue, bytes: readFileSync(new URL(`../../assets/audio/${cue}.wav`, import.meta.url)) }));

  it('are mono 16-bit PCM WAV at 22050 Hz', () => {
    for (const { bytes } of files) {
      expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
      expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
      expect(bytes.readUInt16LE(20)).toBe(1); // PCM
      expect(bytes.readUInt16LE(22)).toBe(1); // mono
      expect(bytes.readUInt32LE(24)).toBe(22050);
      expect(bytes.readUInt16LE(34)).toBe(16);
      expect(bytes.readUInt32LE(40)).toBe(bytes.length - 44);
    }
  });

  it('stay small enough for a school network (under 1.2 MB in all)', () => {
    expect(files.reduce((n, f) => n + f.bytes.length, 0)).toBeLessThan(1_200_000);
  });
});

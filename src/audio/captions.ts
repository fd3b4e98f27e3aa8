/**
 * Captions for every sound cue. Plain data with no howler import, so the DOM overlay can show a
 * caption whenever a node names a sound, even when audio is muted, blocked or never loaded.
 */
import type { SoundCue } from '../core/scenario/schema.ts';

/** The caption shown when a cue starts: short, bracketed, describing the sound rather than naming a file. */
export const SOUND_CAPTIONS = {
  teletype: '[Teletype clattering]',
  telephone: '[Telephone ringing]',
  clock: '[Clock ticking]',
  room: '[Quiet room: faint traffic in the street outside]',
  crowd: '[Crowd murmuring]',
  door: '[A knock at the door]',
} as const satisfies Record<SoundCue, string>;

/** The caption for a cue. Pure. */
export function captionFor(cue: SoundCue): string {
  return SOUND_CAPTIONS[cue];
}

/**
 * How each cue behaves when played: a `bed` is the one ambient sound of a scene (starting another
 * crossfades); a `loop` runs on top of the bed until stopped (the teletype while a cable types, the
 * clock); a `once` plays through once each time it is asked for. The files of beds and loops loop
 * seamlessly; the others do not.
 */
export const CUE_KINDS = {
  teletype: 'loop',
  telephone: 'once',
  clock: 'loop',
  room: 'bed',
  crowd: 'bed',
  door: 'once',
} as const satisfies Record<SoundCue, 'bed' | 'loop' | 'once'>;

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
  room: '[Quiet room: air conditioner hum]',
  crowd: '[Reporters murmuring]',
  door: '[A knock at the door]',
} as const satisfies Record<SoundCue, string>;

/** The caption for a cue. Pure. */
export function captionFor(cue: SoundCue): string {
  return SOUND_CAPTIONS[cue];
}

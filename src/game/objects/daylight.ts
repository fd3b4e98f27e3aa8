/**
 * The light of the hour: window skies, the room's darkness and the city's lit windows follow the
 * local time, and ease from one hour to the next when the game clock moves.
 */
import type * as Phaser from 'phaser';
import { prefersReducedMotion } from './art.ts';
import { Ink, mix } from './palette.ts';

/** Sky colours through a November day in the tropics (sunrise about 06:45, sunset about 17:55). */
const SKY: readonly (readonly [number, number])[] = [
  [0, Ink.nightDeep], [5.6, Ink.nightDeep], [6.4, 0x5b5676], [6.9, 0xdb9a72], [7.8, 0xb8c9cc],
  [12, Ink.skyDay], [16.6, 0xb9c5bf], [17.4, 0xe0a26e], [17.9, Ink.dusk], [18.4, 0x6b4f72],
  [19.1, Ink.night], [20, Ink.nightDeep], [24, Ink.nightDeep],
];

function interpolate(stops: readonly (readonly [number, number])[], hour: number, blend: (a: number, b: number, t: number) => number): number {
  const h = ((hour % 24) + 24) % 24;
  for (let i = 1; i < stops.length; i++) {
    const [h1, c1] = stops[i] as readonly [number, number];
    const [h0, c0] = stops[i - 1] as readonly [number, number];
    if (h <= h1) return blend(c0, c1, h1 === h0 ? 1 : (h - h0) / (h1 - h0));
  }
  return (stops[stops.length - 1] as readonly [number, number])[1];
}

export function skyAt(hour: number): number {
  return interpolate(SKY, hour, mix);
}

/** 0 in full day, 1 at night. */
export function darknessAt(hour: number): number {
  return interpolate(
    [[0, 1], [6.2, 1], [7.6, 0], [17.0, 0], [18.9, 1], [24, 1]],
    hour,
    (a, b, t) => a + (b - a) * t,
  );
}

export interface DaylightParts {
  /** Filled shapes that show the sky (window panes). */
  skies?: Phaser.GameObjects.Shape[];
  /** A full-room overlay (multiply) that darkens the room at night; its alpha follows darkness. */
  shadow?: Phaser.GameObjects.Components.Alpha & Phaser.GameObjects.GameObject;
  /** Things that only show at night (lit windows, lamp glows), at up to `nightAlpha`. */
  nightOnly?: (Phaser.GameObjects.Components.Alpha & Phaser.GameObjects.GameObject)[];
  nightAlpha?: number;
  shadowAlpha?: number;
}

export class Daylight {
  private hour: number | null = null;
  private ease: Phaser.Tweens.Tween | null = null;

  constructor(private readonly scene: Phaser.Scene, private readonly parts: DaylightParts) {}

  /** Shows local time `hour` (fractional hours); eases forward from the previous hour (at once when motion is reduced). */
  show(hour: number): void {
    const from = this.hour;
    if (from === hour) return;
    this.hour = hour;
    this.ease?.remove();
    if (from === null || Math.abs(hour - from) < 0.01 || prefersReducedMotion(this.scene)) {
      this.paint(hour);
      return;
    }
    this.ease = this.scene.tweens.addCounter({
      from, to: hour, duration: 1600, ease: 'Sine.InOut',
      onUpdate: (t) => this.paint(t.getValue() ?? hour),
    });
  }

  private paint(hour: number): void {
    const sky = skyAt(hour);
    const dark = darknessAt(hour);
    for (const s of this.parts.skies ?? []) s.setFillStyle(sky, 1);
    this.parts.shadow?.setAlpha(dark * (this.parts.shadowAlpha ?? 0.55));
    for (const n of this.parts.nightOnly ?? []) n.setAlpha(dark * (this.parts.nightAlpha ?? 1));
  }
}

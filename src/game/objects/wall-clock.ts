/**
 * A clock whose hands show the game clock at a fixed UTC offset. When the game clock jumps,
 * the hands sweep forward (or back, after a rewind) through the minutes instead of snapping.
 */
import * as Phaser from 'phaser';
import { wallTime, type UtcMinutes } from '../../core/engine/clock.ts';
import { TextureKey } from '../keys.ts';
import { bake, oval, prefersReducedMotion, round } from './art.ts';
import { Ink } from './palette.ts';

const R = 48;
const SIZE = R * 2 + 8;
const C = SIZE / 2;

export type ClockStyle = 'wall' | 'mini';

function bakeParts(scene: Phaser.Scene): void {
  bake(scene, TextureKey.clockFace, SIZE, SIZE, (g) => {
    oval(g, Ink.ink, C + 2, C + 3, R * 2 + 4, R * 2 + 4, 0.25);
    oval(g, Ink.steelDeep, C, C, R * 2 + 2, R * 2 + 2);
    oval(g, Ink.steelLight, C, C, R * 2 - 6, R * 2 - 6);
    oval(g, Ink.paper, C, C, R * 2 - 12, R * 2 - 12);
    g.fillStyle(Ink.ink, 1);
    for (let i = 0; i < 60; i++) {
      const a = (i / 60) * Math.PI * 2;
      const big = i % 5 === 0;
      const r1 = R - 8;
      const r0 = big ? R - 17 : R - 11;
      const w = big ? 3.6 : 1.2;
      g.lineStyle(w, Ink.ink, big ? 1 : 0.6);
      g.lineBetween(C + Math.sin(a) * r0, C - Math.cos(a) * r0, C + Math.sin(a) * r1, C - Math.cos(a) * r1);
    }
  });
  bake(scene, TextureKey.miniClockFace, SIZE, SIZE, (g) => {
    oval(g, Ink.ink, C, C, R * 2, R * 2);
    oval(g, Ink.paper, C, C, R * 2 - 8, R * 2 - 8);
    for (let i = 0; i < 12; i++) {
      const a = (i / 12) * Math.PI * 2;
      g.lineStyle(i % 3 === 0 ? 5 : 3, Ink.ink, 1);
      g.lineBetween(C + Math.sin(a) * (R - 18), C - Math.cos(a) * (R - 18), C + Math.sin(a) * (R - 8), C - Math.cos(a) * (R - 8));
    }
  });
  // hands point up (12 o'clock); the pivot is near the bottom of each texture
  bake(scene, TextureKey.clockHour, 10, 36, (g) => round(g, Ink.ink, 1, 0, 8, 36, 4));
  bake(scene, TextureKey.clockMinute, 6, 50, (g) => round(g, Ink.ink, 0.5, 0, 5, 50, 2.5));
  bake(scene, TextureKey.clockCap, 8, 8, (g) => oval(g, Ink.red, 4, 4, 8, 8));
}

export class WallClock extends Phaser.GameObjects.Container {
  private readonly hour: Phaser.GameObjects.Image;
  private readonly minute: Phaser.GameObjects.Image;
  private shown: UtcMinutes | null = null;
  private offset = 0;
  private sweep: Phaser.Tweens.Tween | null = null;

  constructor(scene: Phaser.Scene, x: number, y: number, radius: number, style: ClockStyle = 'wall') {
    super(scene, x, y);
    bakeParts(scene);
    const face = scene.add.image(0, 0, style === 'mini' ? TextureKey.miniClockFace : TextureKey.clockFace);
    this.hour = scene.add.image(0, 0, TextureKey.clockHour).setOrigin(0.5, 30 / 36);
    this.minute = scene.add.image(0, 0, TextureKey.clockMinute).setOrigin(0.5, 44 / 50);
    const cap = scene.add.image(0, 0, TextureKey.clockCap);
    this.add([face, this.hour, this.minute, cap]);
    this.setScale(radius / R);
    scene.add.existing(this);
  }

  /**
   * Shows game time `t` at `offsetMinutes` east of UTC. The first call sets the hands; later
   * calls sweep them through the minutes between (about half a second per hour, at most 2.4 s),
   * unless motion is reduced: then the hands jump.
   */
  show(t: UtcMinutes, offsetMinutes: number): void {
    const from = this.shown;
    if (from === t && offsetMinutes === this.offset) return;
    this.shown = t;
    this.offset = offsetMinutes;
    this.sweep?.remove();
    this.sweep = null;
    if (from === null || from === t || prefersReducedMotion(this.scene)) {
      const w = wallTime(t, offsetMinutes);
      this.pose(w.hours * 60 + w.minutes);
      return;
    }
    const span = Math.abs(t - from);
    this.sweep = this.scene.tweens.addCounter({
      from,
      to: t,
      duration: Math.min(2400, Math.max(500, (span / 60) * 500)),
      ease: 'Sine.InOut',
      onUpdate: (tween) => this.pose((tween.getValue() ?? t) + this.offset),
      onComplete: () => {
        const w = wallTime(t, this.offset);
        this.pose(w.hours * 60 + w.minutes);
      },
    });
  }

  /** Sets the hands for a local time given in minutes (any whole or fractional count). */
  private pose(localMinutes: number): void {
    const m = ((localMinutes % 720) + 720) % 720;
    this.minute.rotation = ((m % 60) / 60) * Math.PI * 2;
    this.hour.rotation = (m / 720) * Math.PI * 2;
  }
}

/**
 * A black desk telephone of the period (dial, cradle, handset). When it rings it shakes in the
 * two-seconds-on, four-off cadence of a North American ring, with small ring marks beside it.
 */
import type * as Phaser from 'phaser';
import { TextureKey } from '../keys.ts';
import { bake, oval, prefersReducedMotion, rect, round, soft } from './art.ts';
import { Ink, mix } from './palette.ts';

const BLACK = 0x1b1b1e;
const SHINE = 0x4a4c55;

function bakeBase(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.telephoneBase, 120, 70, (g) => {
    oval(g, Ink.ink, 60, 66, 116, 10, 0.35);
    soft(g, BLACK, [[14, 20], [106, 20], [118, 66], [2, 66]], 14);
    soft(g, SHINE, [[22, 24], [50, 24], [34, 40]], 6, 0.7);
    // the dial: a cream disc with a black finger wheel
    oval(g, BLACK, 60, 48, 44, 24);
    oval(g, mix(Ink.cream, Ink.steel, 0.15), 60, 48, 36, 19);
    for (let i = 0; i < 10; i++) {
      const a = Math.PI * (0.95 + (i / 10) * 1.6);
      oval(g, BLACK, 60 + Math.cos(a) * 13, 48 + Math.sin(a) * 6.5, 5, 3.4);
    }
    oval(g, Ink.paper, 60, 48, 10, 5);
    // cradle prongs
    round(g, BLACK, 16, 12, 14, 14, 5);
    round(g, BLACK, 90, 12, 14, 14, 5);
  });
}

function bakeHandset(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.telephoneHandset, 132, 40, (g) => {
    // grip across the top, ear and mouth cups resting in the cradle below
    soft(g, BLACK, [[10, 4], [122, 4], [126, 16], [6, 16]], 6);
    soft(g, BLACK, [[0, 14], [38, 10], [40, 36], [4, 38]], 8);
    soft(g, BLACK, [[92, 10], [132, 14], [128, 38], [92, 36]], 8);
    rect(g, SHINE, 18, 6, 94, 3, 0.9);
    rect(g, SHINE, 6, 18, 4, 14, 0.6);
  });
}

function bakeRing(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.ringArcs, 200, 80, (g) => {
    g.lineStyle(4, Ink.lampLight, 1);
    for (const r of [22, 34]) {
      g.beginPath();
      g.arc(100, 44, r + 40, Math.PI * 1.12, Math.PI * 1.3, false);
      g.strokePath();
      g.beginPath();
      g.arc(100, 44, r + 40, Math.PI * 1.7, Math.PI * 1.88, false);
      g.strokePath();
    }
  });
}

/** The coiled cord, looping from the handset down beside the phone. */
function bakeCord(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.telephoneCord, 40, 40, (g) => {
    g.lineStyle(3, BLACK, 1);
    for (let i = 0; i < 7; i++) {
      const t = i / 7;
      g.strokeEllipse(36 - t * 26, 4 + t * t * 30, 9, 7);
    }
  });
}

export class Telephone {
  private readonly body: Phaser.GameObjects.Container;
  private readonly handset: Phaser.GameObjects.Image;
  private readonly marks: Phaser.GameObjects.Image;
  private ringing = false;
  private tweens: Phaser.Tweens.Tween[] = [];
  private cadence: Phaser.Time.TimerEvent | null = null;

  /** `x`, `y`: the middle of the phone's foot on the desk. */
  constructor(private readonly scene: Phaser.Scene, x: number, y: number, scale = 1) {
    // above the room's shadow, so the ring reads in the dark
    this.marks = scene.add.image(x, y - 40 * scale, bakeRing(scene)).setScale(scale).setAlpha(0).setDepth(10);
    const base = scene.add.image(0, 0, bakeBase(scene)).setOrigin(0.5, 1);
    this.handset = scene.add.image(0, -50, bakeHandset(scene)).setOrigin(0.5, 0.5);
    const cord = scene.add.image(-58, -34, bakeCord(scene)).setOrigin(1, 0);
    this.body = scene.add.container(x, y, [cord, base, this.handset]).setScale(scale);
  }

  setRinging(on: boolean): void {
    if (on === this.ringing) return;
    this.ringing = on;
    this.cadence?.remove();
    this.cadence = null;
    this.stopBurst();
    if (!on) return;
    if (prefersReducedMotion(this.scene)) {
      this.marks.setAlpha(1);
      return;
    }
    this.burst();
    this.cadence = this.scene.time.addEvent({ delay: 6000, loop: true, callback: () => this.burst() });
  }

  private burst(): void {
    this.stopBurst();
    const shakes = 2000 / 60;
    this.tweens.push(
      this.scene.tweens.add({ targets: this.body, angle: { from: -2.5, to: 2.5 }, duration: 30, yoyo: true, repeat: Math.floor(shakes / 2) }),
      this.scene.tweens.add({ targets: this.handset, y: { from: -50, to: -55 }, duration: 45, yoyo: true, repeat: Math.floor(shakes / 3) }),
      this.scene.tweens.add({ targets: this.marks, alpha: { from: 0, to: 1 }, duration: 160, yoyo: true, repeat: 5 }),
    );
    this.scene.time.delayedCall(2100, () => this.stopBurst());
  }

  private stopBurst(): void {
    for (const t of this.tweens) t.remove();
    this.tweens = [];
    this.body.angle = 0;
    this.handset.y = -50;
    this.marks.setAlpha(this.ringing && prefersReducedMotion(this.scene) ? 1 : 0);
  }
}

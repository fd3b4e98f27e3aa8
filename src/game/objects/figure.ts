/**
 * A person on stage: the baked parts of a figure in one container anchored at the feet, with a
 * slow breathing idle and a "speaking" state (a warm light behind, a nod, a small gesture).
 */
import * as Phaser from 'phaser';
import { TextureKey, type FigureKeys } from '../keys.ts';
import { halo, prefersReducedMotion, bake } from './art.ts';
import { bakeFigure, type Look } from './person.ts';
import { stepped } from './motion.ts';
import { Ink } from './palette.ts';

export interface FigureOptions {
  scale?: number;
  /** 1 faces right (the drawing's own direction), -1 faces left. */
  facing?: 1 | -1;
  /** Which way a gesture lifts the arm; the front view gestures outward. */
  gesture?: number;
}

const BREATH_STEPS = 6;

export function bakeGlow(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.glow, 256, 256, (g) => halo(g, Ink.lampLight, 128, 128, 128, 128, 0.9, 36));
}

export class Figure extends Phaser.GameObjects.Container {
  private readonly head: Phaser.GameObjects.Image;
  private readonly arm: Phaser.GameObjects.Image;
  private readonly glow: Phaser.GameObjects.Image;
  private readonly still: boolean;
  private readonly gesture: number;
  private talk: Phaser.Tweens.Tween[] = [];
  private speaking = false;

  constructor(scene: Phaser.Scene, x: number, y: number, keys: FigureKeys, look: Look, options: FigureOptions = {}) {
    super(scene, x, y);
    this.still = prefersReducedMotion(scene);
    const rig = bakeFigure(scene, keys, look);
    const [fx, fy] = rig.feet;
    this.gesture = options.gesture ?? (look.view === 'front' ? 28 : -16);

    this.glow = scene.add.image(rig.neck[0] - fx, rig.neck[1] - fy + 10, bakeGlow(scene));
    this.glow.setScale(1.2, 1.5).setAlpha(0);
    const body = scene.add.image(-fx, -fy, keys.body).setOrigin(0, 0);
    this.head = scene.add
      .image(rig.neck[0] - fx, rig.neck[1] - fy, keys.head)
      .setOrigin(rig.headPivot[0] / rig.headSize[0], rig.headPivot[1] / rig.headSize[1]);
    this.arm = scene.add
      .image(rig.shoulder[0] - fx, rig.shoulder[1] - fy, keys.arm)
      .setOrigin(rig.armPivot[0] / rig.armSize[0], rig.armPivot[1] / rig.armSize[1]);
    this.add([this.glow, body, this.head, this.arm]);

    const s = options.scale ?? 1;
    this.setScale(s * (options.facing ?? 1), s);
    scene.add.existing(this);
    if (!this.still) this.breathe();
  }

  /** Shows (or stops showing) that this person is the one talking now. */
  setSpeaking(on: boolean): this {
    if (on === this.speaking) return this;
    this.speaking = on;
    for (const t of this.talk) t.remove();
    this.talk = [];
    if (this.still) {
      this.glow.setAlpha(on ? 0.75 : 0);
      return this;
    }
    this.scene.tweens.add({ targets: this.glow, alpha: on ? 0.75 : 0, duration: 450, ease: 'Sine.InOut' });
    if (on) {
      this.talk.push(
        this.scene.tweens.add({
          targets: this.head, angle: { from: 0, to: -5 }, duration: 520, ease: 'Sine.InOut',
          yoyo: true, repeat: -1, repeatDelay: 900, delay: 120,
        }),
        this.scene.tweens.add({
          targets: this.arm, angle: { from: 0, to: this.gesture }, duration: 700, ease: 'Sine.InOut',
          yoyo: true, repeat: -1, repeatDelay: 1500, hold: 600,
        }),
      );
    } else {
      this.talk.push(
        this.scene.tweens.add({ targets: [this.head, this.arm], angle: 0, duration: 400, ease: 'Sine.Out' }),
      );
    }
    return this;
  }

  /** A slow breath of about a pixel, in steps of a fifth of one (motion.ts); head and arm step together. */
  private breathe(): void {
    const delay = Math.floor((this.x * 7) % 1200);
    const ease = stepped(Phaser.Math.Easing.Sine.InOut, BREATH_STEPS);
    this.scene.tweens.add({
      targets: this.head, y: this.head.y - 1.2, duration: 2300, ease, yoyo: true, repeat: -1, delay,
    });
    this.scene.tweens.add({
      targets: this.arm, y: this.arm.y - 0.8, duration: 2300, ease, yoyo: true, repeat: -1, delay,
    });
  }
}

/**
 * Washington, 6 p.m. on Tuesday 20 November 1962: the President at the lectern of the State
 * Department auditorium, seen from the reporters' seats, under floodlights, with television
 * cameras and the odd flashbulb. The clock here keeps Washington time.
 */
import * as Phaser from 'phaser';
import { FigureKey, SceneKey } from '../keys.ts';
import { prefersReducedMotion } from '../objects/art.ts';
import {
  STAGE_Y, bakeAudience, bakeCurtain, bakeFlash, bakeFloodlight, bakeLectern, bakeStage, bakeTvCamera,
} from '../objects/auditorium.ts';
import { Cast } from '../objects/cast.ts';
import { Figure } from '../objects/figure.ts';
import { bakeUsFlag } from '../objects/flags.ts';
import { bakeLightCone } from '../objects/code-room.ts';
import type { SceneContext } from '../objects/scene-context.ts';
import { WallClock } from '../objects/wall-clock.ts';
import { RoomScene } from './room-scene.ts';

export class WashingtonScene extends RoomScene {
  constructor(ctx: SceneContext) {
    super(SceneKey.washington, ctx);
  }

  protected build(): void {
    const still = prefersReducedMotion(this);
    this.add.image(0, 0, bakeCurtain(this)).setOrigin(0, 0);
    this.addClock(new WallClock(this, 926, 100, 26), (s) => this.washingtonOffset(s));
    this.add.image(0, STAGE_Y, bakeStage(this)).setOrigin(0, 0);
    this.add.image(300, STAGE_Y + 6, bakeUsFlag(this)).setOrigin(0.1, 1).setScale(0.9);

    const president = new Figure(this, 480, STAGE_Y - 6, FigureKey.president, Cast.president, { scale: 0.95, gesture: 40 });
    president.setSpeaking(true);
    this.add.image(480, STAGE_Y + 12, bakeLectern(this)).setOrigin(0.5, 1);

    const cone = bakeLightCone(this);
    this.add.image(250, 120, cone).setOrigin(0.5, 0).setAngle(-38).setScale(0.9, 1.1).setAlpha(0.5).setBlendMode(Phaser.BlendModes.ADD);
    this.add.image(710, 120, cone).setOrigin(0.5, 0).setAngle(38).setScale(0.9, 1.1).setAlpha(0.5).setBlendMode(Phaser.BlendModes.ADD);
    const lamp = bakeFloodlight(this);
    this.add.image(92, 470, lamp).setOrigin(0.5, 1).setScale(0.85);
    this.add.image(868, 470, lamp).setOrigin(0.5, 1).setScale(-0.85, 0.85);

    const camera = bakeTvCamera(this);
    this.add.image(214, 478, camera).setOrigin(0.5, 1).setScale(0.9);
    this.add.image(746, 478, camera).setOrigin(0.5, 1).setScale(-0.9, 0.9);
    this.add.image(0, 340, bakeAudience(this)).setOrigin(0, 0);

    const flash = this.add.image(0, 0, bakeFlash(this)).setAlpha(0).setBlendMode(Phaser.BlendModes.ADD);
    if (!still) {
      const spots = [[230, 380], [620, 372], [380, 420], [760, 410], [90, 400]] as const;
      let k = 0;
      this.time.addEvent({
        delay: 1700, loop: true,
        callback: () => {
          const [x, y] = spots[k++ % spots.length] ?? [0, 0];
          flash.setPosition(x, y).setScale(0.5 + (k % 3) * 0.15).setAlpha(1);
          this.tweens.add({ targets: flash, alpha: 0, duration: 260, ease: 'Quad.Out' });
        },
      });
    }
  }
}

/**
 * The establishing shot, before a game starts: the chancery on the Paseo de la Reforma at night,
 * 19 November 1962 (the game starts at 19:40, nearly two hours after sunset), with the Angel far
 * off up the avenue, traffic, and a street clock at the start time.
 */
import * as Phaser from 'phaser';
import { SceneKey, TextureKey } from '../keys.ts';
import { prefersReducedMotion } from '../objects/art.ts';
import { bakeGlow } from '../objects/figure.ts';
import { bakeUsFlag } from '../objects/flags.ts';
import { stepped } from '../objects/motion.ts';
import { Ink } from '../objects/palette.ts';
import {
  HORIZON, bakeAngelVista, bakeBeam, bakeBoulevard, bakeCar, bakeChancery, bakeChanceryLights,
  bakeClockPost, bakeNightSky, bakeStreetLamp, bakeTrees,
} from '../objects/reforma.ts';
import type { SceneContext } from '../objects/scene-context.ts';
import { WallClock } from '../objects/wall-clock.ts';
import { RoomScene } from './room-scene.ts';

export class TitleScene extends RoomScene {
  constructor(ctx: SceneContext) {
    super(SceneKey.title, ctx);
  }

  protected build(): void {
    const still = prefersReducedMotion(this);
    this.add.image(0, 0, bakeNightSky(this)).setOrigin(0, 0);
    // the view up Reforma to the south-west; its ground line sits on the horizon (Mexico City only:
    // another post's street shows nothing that names a city it is not)
    if (this.ctx.store.getState().loaded.scenario.post.scenery === 'mexico-city') this.add.image(60, HORIZON + 14, bakeAngelVista(this)).setOrigin(0, 1);

    const chancery = this.add.image(470, HORIZON + 34, bakeChancery(this)).setOrigin(0, 1).setScale(0.82);
    const lights = this.add.image(chancery.x, chancery.y, bakeChanceryLights(this)).setOrigin(0, 1).setScale(0.82);
    this.add.image(0, HORIZON, bakeBoulevard(this)).setOrigin(0, 0);
    this.add.image(446, HORIZON + 30, bakeUsFlag(this)).setOrigin(0.06, 1).setScale(0.34, 0.5);
    this.add.image(0, HORIZON - 102, bakeTrees(this)).setOrigin(0, 0);

    const lamp = bakeStreetLamp(this);
    const pool = bakeGlow(this);
    for (const x of [90, 370, 650]) {
      this.add.image(x, HORIZON + 58, lamp).setOrigin(0.5, 1).setScale(0.62);
      // the pool of light each lamp throws on the pavement and the road
      this.add.image(x, HORIZON + 70, pool).setScale(0.9, 0.2).setAlpha(0.35).setBlendMode(Phaser.BlendModes.ADD);
    }

    this.addTraffic(still);
    this.add.image(900, 540, lamp).setOrigin(0.5, 1).setScale(1.05);
    this.add.image(70, 540, bakeClockPost(this)).setOrigin(0.5, 1);
    this.addClock(new WallClock(this, 70, 284, 33));

    if (!still) {
      // the lit windows glow and dim slowly, in steps of 0.03 (motion.ts)
      this.tweens.add({ targets: lights, alpha: 0.82, duration: 2600, yoyo: true, repeat: -1, ease: stepped(Phaser.Math.Easing.Sine.InOut, 6) });
    }
  }

  private addTraffic(still: boolean): void {
    const beam = bakeBeam(this);
    const cars = [
      { key: bakeCar(this, TextureKey.carSedan, Ink.red), y: HORIZON + 112, dir: 1, scale: 0.78, delay: 0 },
      { key: bakeCar(this, TextureKey.carCoupe, Ink.cream), y: HORIZON + 86, dir: -1, scale: 0.62, delay: 5200 },
    ];
    for (const c of cars) {
      const beamImage = this.add.image(c.dir * 64, -6, beam).setOrigin(0, 0.5).setAlpha(0.8);
      beamImage.setBlendMode(Phaser.BlendModes.ADD).setScale(c.dir, 1);
      const body = this.add.image(0, 0, c.key).setOrigin(0.5, 1).setScale(c.dir, 1);
      const car = this.add.container(c.dir > 0 ? 330 : 640, c.y, [beamImage, body]).setScale(c.scale);
      if (still) continue;
      const from = c.dir > 0 ? -160 : 1120;
      const to = c.dir > 0 ? 1120 : -160;
      car.x = from;
      this.tweens.add({ targets: car, x: to, duration: 16000, delay: c.delay, repeat: -1, repeatDelay: 3200 });
    }
  }
}

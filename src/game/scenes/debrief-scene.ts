/**
 * The debrief: a calm atlas plate of the Americas. The route from Mexico City to Washington is
 * drawn in, both cities are marked, and a small clock beside each keeps its own local time.
 */
import * as Phaser from 'phaser';
import { SceneKey } from '../keys.ts';
import { WASHINGTON, bakeMapSheet, bakeMarker, bakeRoute, postAt, project } from '../objects/americas-map.ts';
import { prefersReducedMotion } from '../objects/art.ts';
import { stepped } from '../objects/motion.ts';
import type { SceneContext } from '../objects/scene-context.ts';
import { WallClock } from '../objects/wall-clock.ts';
import { RoomScene } from './room-scene.ts';

export class DebriefScene extends RoomScene {
  constructor(ctx: SceneContext) {
    super(SceneKey.debrief, ctx);
  }

  protected build(): void {
    const still = prefersReducedMotion(this);
    this.add.image(0, 0, bakeMapSheet(this)).setOrigin(0, 0);

    // The post's place comes from its scenario; a text that gives none gets Washington alone.
    const from = postAt(this.ctx.store.getState().loaded.scenario.post);
    if (from) {
      const route = bakeRoute(this, from);
      const line = this.add.image(route.x, route.y, route.key).setOrigin(0, 0);
      line.setCrop(0, 0, still ? route.w : 0, route.h);
      if (!still) {
        this.tweens.addCounter({
          from: 0, to: route.w, duration: 2600, delay: 500, ease: 'Sine.InOut',
          onUpdate: (t) => line.setCrop(0, 0, t.getValue() ?? route.w, route.h),
        });
      }
    }

    const marker = bakeMarker(this);
    const places = from ? [project(...from), project(...WASHINGTON)] : [project(...WASHINGTON)];
    for (const [x, y] of places) {
      const ring = this.add.image(x, y, marker).setAlpha(0.4).setScale(1.6);
      this.add.image(x, y, marker);
      // the ring widens and fades in small steps (motion.ts), about a dozen a second
      if (!still) this.tweens.add({ targets: ring, scale: 2.4, alpha: 0, duration: 1800, repeat: -1, ease: stepped(Phaser.Math.Easing.Sine.Out, 24) });
    }
    if (from) {
      const [mx, my] = project(...from);
      this.addClock(new WallClock(this, mx - 50, my + 34, 20, 'mini'));
    }
    const [wx, wy] = project(...WASHINGTON);
    this.addClock(new WallClock(this, wx + 52, wy + 22, 20, 'mini'), (s) => this.washingtonOffset(s));
  }
}

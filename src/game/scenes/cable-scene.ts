/**
 * The code room at night: the circular arrives on the teletype and prints line by line while
 * the duty officer stands by (or shows printed, when the student stops it or motion is reduced);
 * the wall clock shows the post's local time.
 */
import * as Phaser from 'phaser';
import { FigureKey, SceneKey, TextureKey } from '../keys.ts';
import { Cast } from '../objects/cast.ts';
import {
  CODE_WINDOW, FLOOR_Y, bakeCodeRoomWall, bakeDraft, bakeHangingLamp, bakeLightCone, bakeSafe, codeWindowFrame,
} from '../objects/code-room.ts';
import { Daylight } from '../objects/daylight.ts';
import { Figure, bakeGlow } from '../objects/figure.ts';
import type { SceneContext } from '../objects/scene-context.ts';
import { Teletype } from '../objects/teletype.ts';
import { WallClock } from '../objects/wall-clock.ts';
import { addWindow, bakeShade } from '../objects/windows.ts';
import { RoomScene } from './room-scene.ts';

export class CableScene extends RoomScene {
  constructor(ctx: SceneContext) {
    super(SceneKey.cable, ctx);
  }

  protected build(): void {
    this.add.image(0, 0, bakeCodeRoomWall(this)).setOrigin(0, 0);
    const view = addWindow(this, { ...CODE_WINDOW, frameKey: TextureKey.codeRoomWindow, drawFrame: codeWindowFrame() });
    this.add.image(40, FLOOR_Y + 20, bakeSafe(this)).setOrigin(0, 1);
    this.addClock(new WallClock(this, 104, 112, 40));

    const teletype = new Teletype(this, 196, 200, 58, this.ctx.cableText);
    new Figure(this, 590, FLOOR_Y + 52, FigureKey.dutyOfficer, Cast.dutyOfficer, { scale: 0.98 });
    // a page already torn off the machine, in the duty officer's hand
    this.add.image(566, 392, bakeDraft(this)).setScale(0.42, 0.7).setAngle(-78);

    const shade = this.add.image(0, 0, bakeShade(this, TextureKey.codeRoomShade, [
      { x: 350, y: 230, rx: 190, ry: 210 },
      { x: 590, y: 330, rx: 110, ry: 200 },
    ])).setOrigin(0, 0).setBlendMode(Phaser.BlendModes.MULTIPLY);
    const cone = this.add.image(590, 100, bakeLightCone(this)).setOrigin(0.5, 0).setBlendMode(Phaser.BlendModes.ADD);
    const glow = this.add.image(590, 104, bakeGlow(this)).setScale(0.7, 0.4).setBlendMode(Phaser.BlendModes.ADD);
    this.add.image(590, 0, bakeHangingLamp(this)).setOrigin(0.5, 0);

    this.setDaylight(new Daylight(this, { ...view, shadow: shade, shadowAlpha: 1, nightOnly: [...(view.nightOnly ?? []), cone, glow] }));
    // The student can stop the teletype (the overlay's button); reduced motion turned on while it
    // types stops it too. Either way the circular shows printed, as the overlay's cable does.
    const { presentation } = this.ctx;
    const stopped = (p: ReturnType<typeof presentation.getState>): boolean => p.teletypeStopped || p.reducedMotion;
    if (stopped(presentation.getState())) teletype.showPrinted();
    else teletype.start();
    const unfollow = presentation.subscribe((p) => {
      if (stopped(p)) teletype.showPrinted();
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, unfollow);
    this.events.once(Phaser.Scenes.Events.DESTROY, unfollow);
  }
}

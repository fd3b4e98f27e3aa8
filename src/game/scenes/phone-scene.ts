/**
 * The ambassador's office at night, for the appointment: the desk, the lamp, the window on
 * the city, the flag, and the telephone, which rings whenever the current node's sound is the
 * telephone.
 */
import * as Phaser from 'phaser';
import { FigureKey, SceneKey, TextureKey } from '../keys.ts';
import {
  AMB_WINDOW, ambWindowFrame, bakeDesk, bakeDeskLamp, bakeDrapes, bakePainting, bakePanelledWall,
} from '../objects/ambassador-office.ts';
import { Cast } from '../objects/cast.ts';
import { Daylight } from '../objects/daylight.ts';
import { Figure, bakeGlow } from '../objects/figure.ts';
import { bakeUsFlag } from '../objects/flags.ts';
import { Ink } from '../objects/palette.ts';
import type { SceneContext } from '../objects/scene-context.ts';
import { Telephone } from '../objects/telephone.ts';
import { WallClock } from '../objects/wall-clock.ts';
import { addWindow, bakeShade } from '../objects/windows.ts';
import { RoomScene } from './room-scene.ts';

const DESK_TOP = 352;

export class PhoneScene extends RoomScene {
  constructor(ctx: SceneContext) {
    super(SceneKey.phone, ctx);
  }

  protected build(): void {
    this.add.image(0, 0, bakePanelledWall(this)).setOrigin(0, 0);
    const view = addWindow(this, { ...AMB_WINDOW, frameKey: TextureKey.officeWindow, drawFrame: ambWindowFrame() });
    const drapes = bakeDrapes(this, TextureKey.drapes, Ink.greenDeep, 76, 300);
    this.add.image(AMB_WINDOW.x - 48, 40, drapes).setOrigin(0, 0);
    this.add.image(AMB_WINDOW.x + AMB_WINDOW.w + 48, 40, drapes).setOrigin(1, 0).setFlipX(true);
    this.add.rectangle(AMB_WINDOW.x - 60, 34, AMB_WINDOW.w + 120, 8, Ink.goldDeep).setOrigin(0, 0);

    this.add.image(136, 470, bakeUsFlag(this)).setOrigin(0.1, 1);
    this.add.image(790, 210, bakePainting(this)).setOrigin(0.5, 0.5);
    this.addClock(new WallClock(this, 790, 92, 36));

    new Figure(this, 480, DESK_TOP + 156, FigureKey.ambassadorAtDesk, Cast.ambassadorAtDesk, { scale: 1.3 });
    this.add.image(480, DESK_TOP, bakeDesk(this)).setOrigin(0.5, 0);
    const lamp = this.add.image(268, DESK_TOP + 6, bakeDeskLamp(this)).setOrigin(0.5, 1);
    const phone = new Telephone(this, 664, DESK_TOP + 12, 1.1);

    const shade = this.add.image(0, 0, bakeShade(this, TextureKey.ambassadorShade, [
      { x: 300, y: 380, rx: 260, ry: 170 },
      { x: 520, y: 300, rx: 170, ry: 160 },
      { x: 660, y: 330, rx: 130, ry: 110 },
    ])).setOrigin(0, 0).setBlendMode(Phaser.BlendModes.MULTIPLY);
    const glow = this.add.image(lamp.x, DESK_TOP - 20, bakeGlow(this)).setScale(1.4, 0.7).setBlendMode(Phaser.BlendModes.ADD);
    this.setDaylight(new Daylight(this, { ...view, shadow: shade, shadowAlpha: 0.7, nightOnly: [...(view.nightOnly ?? []), glow], nightAlpha: 0.5 }));

    this.follow((state) => phone.setRinging(this.nodeOf(state)?.sound === 'telephone'));
  }
}

/**
 * The code room again, for the report: a cipher clerk types the reporting telegram; the sheet
 * in the typewriter grows with each paragraph of the student's draft, and the handwritten draft
 * lies on the desk. The teletype waits by the window to send it.
 */
import * as Phaser from 'phaser';
import { FigureKey, SceneKey, TextureKey } from '../keys.ts';
import { prefersReducedMotion } from '../objects/art.ts';
import { Cast } from '../objects/cast.ts';
import {
  CODE_WINDOW, FLOOR_Y, bakeClerkDesk, bakeClerkHand, bakeCodeRoomWall, bakeDraft, bakeHangingLamp, bakeLightCone, bakeSafe,
  bakeTypewriter, bakeTypewriterSheet, codeWindowFrame,
} from '../objects/code-room.ts';
import { Daylight } from '../objects/daylight.ts';
import { Figure } from '../objects/figure.ts';
import type { SceneContext } from '../objects/scene-context.ts';
import { Teletype } from '../objects/teletype.ts';
import { WallClock } from '../objects/wall-clock.ts';
import { addWindow, bakeShade } from '../objects/windows.ts';
import { RoomScene } from './room-scene.ts';

const DESK = { x: 250, y: 352 } as const;
const CLERK_X = DESK.x + 165;
const SHEET_W = 84;

export class ReportScene extends RoomScene {
  private sheetHeight = 0;

  constructor(ctx: SceneContext) {
    super(SceneKey.report, ctx);
  }

  protected build(): void {
    this.sheetHeight = 0;
    this.add.image(0, 0, bakeCodeRoomWall(this)).setOrigin(0, 0);
    const view = addWindow(this, { ...CODE_WINDOW, frameKey: TextureKey.codeRoomWindow, drawFrame: codeWindowFrame() });
    this.add.image(40, FLOOR_Y + 20, bakeSafe(this)).setOrigin(0, 1);
    this.addClock(new WallClock(this, 104, 112, 40));
    // the teletype idles under the window with the circular's last lines still on it
    const teletype = new Teletype(this, 660, 200, 172, this.ctx.cableText);
    teletype.showPrinted();

    new Figure(this, CLERK_X, DESK.y + 100, FigureKey.cipherClerk, Cast.cipherClerk, { scale: 1.05 });
    this.add.image(DESK.x, DESK.y, bakeClerkDesk(this)).setOrigin(0, 0);
    const platenY = DESK.y - 44;
    const sheet = this.add.image(CLERK_X - SHEET_W / 2, platenY, bakeTypewriterSheet(this)).setOrigin(0, 0);
    sheet.setCrop(0, 0, SHEET_W, 0);
    this.add.image(CLERK_X, DESK.y + 8, bakeTypewriter(this)).setOrigin(0.5, 1);
    const hand = bakeClerkHand(this, Cast.cipherClerk.skin);
    const hands = [this.add.image(CLERK_X - 24, DESK.y - 8, hand), this.add.image(CLERK_X + 22, DESK.y - 8, hand)];
    this.add.image(DESK.x + 272, DESK.y + 10, bakeDraft(this)).setOrigin(0.5, 1).setScale(0.9, 0.42).setAngle(-3);

    const shade = this.add.image(0, 0, bakeShade(this, TextureKey.codeRoomShade, [
      { x: 350, y: 230, rx: 190, ry: 210 },
      { x: 590, y: 330, rx: 110, ry: 200 },
    ])).setOrigin(0, 0).setBlendMode(Phaser.BlendModes.MULTIPLY);
    const cone = this.add.image(CLERK_X, 100, bakeLightCone(this)).setOrigin(0.5, 0).setBlendMode(Phaser.BlendModes.ADD);
    this.add.image(CLERK_X, 0, bakeHangingLamp(this)).setOrigin(0.5, 0);
    this.setDaylight(new Daylight(this, { ...view, shadow: shade, shadowAlpha: 0.9, nightOnly: [...(view.nightOnly ?? []), cone] }));

    if (!prefersReducedMotion(this)) {
      hands.forEach((h, i) => this.tweens.add({
        targets: h, y: h.y - 4, duration: 110 + i * 23, yoyo: true, repeat: -1, repeatDelay: 60 + i * 90, ease: 'Sine.InOut',
      }));
    }

    this.follow((state) => {
      const paragraphs = state.session?.draft.length ?? 0;
      const target = Math.min(40, 10 + paragraphs * 8);
      if (target === this.sheetHeight) return;
      const from = this.sheetHeight;
      this.sheetHeight = target;
      this.tweens.addCounter({
        from, to: target, duration: prefersReducedMotion(this) ? 0 : 900, ease: 'Sine.Out',
        onUpdate: (t) => {
          const h = t.getValue() ?? target;
          sheet.setCrop(0, 0, SHEET_W, h);
          sheet.y = platenY - h;
        },
      });
    });
  }
}

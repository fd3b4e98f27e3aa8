/**
 * The meeting: the Foreign Secretary's office, the ambassador (left) and the Foreign Secretary
 * (right) seated face to face across a low table. Whoever the current node names as speaker
 * is lit and gestures; the overlay says who they are.
 */
import * as Phaser from 'phaser';
import type { Scenario } from '../../core/scenario/schema.ts';
import { FigureKey, SceneKey, TextureKey } from '../keys.ts';
import { Cast } from '../objects/cast.ts';
import { Daylight } from '../objects/daylight.ts';
import { Figure } from '../objects/figure.ts';
import { bakeMexicanFlag } from '../objects/flags.ts';
import { bakeDrapes } from '../objects/ambassador-office.ts';
import { Ink } from '../objects/palette.ts';
import type { SceneContext } from '../objects/scene-context.ts';
import {
  SRE_FLOOR, TALL_WINDOWS, bakeArmchair, bakeBookcase, bakeLowTable, bakeRug, bakeSreWall, tallWindowFrame,
} from '../objects/sre-office.ts';
import { WallClock } from '../objects/wall-clock.ts';
import { addWindow, bakeShade } from '../objects/windows.ts';
import { RoomScene } from './room-scene.ts';

type Seat = 'guest' | 'host';

/**
 * Which chair a speaker sits in, as the scenario seats its people (`seat`): the student's side is
 * the guest, the person received the host; anyone else (the narrator) neither.
 */
export function seatOf(people: Scenario['people'], speaker: string): Seat | null {
  return (Object.hasOwn(people, speaker) ? people[speaker]?.seat : undefined) ?? null;
}

const SCALE = 1.12;

export class OfficeScene extends RoomScene {
  constructor(ctx: SceneContext) {
    super(SceneKey.office, ctx);
  }

  protected build(): void {
    this.add.image(0, 0, bakeSreWall(this)).setOrigin(0, 0);
    const skies: Phaser.GameObjects.Shape[] = [];
    const lights: Phaser.GameObjects.Image[] = [];
    const drapes = bakeDrapes(this, TextureKey.sreDrapes, Ink.redDeep, 54, 360);
    for (const w of TALL_WINDOWS) {
      const parts = addWindow(this, { ...w, frameKey: TextureKey.tallWindow, drawFrame: tallWindowFrame(), skylineY: w.h - 120 });
      skies.push(...(parts.skies ?? []));
      for (const n of parts.nightOnly ?? []) if (n instanceof Phaser.GameObjects.Image) lights.push(n);
      this.add.image(w.x - 30, 38, drapes).setOrigin(0, 0);
      this.add.image(w.x + w.w + 30, 38, drapes).setOrigin(1, 0).setFlipX(true);
      this.add.rectangle(w.x - 40, 32, w.w + 80, 8, Ink.goldDeep).setOrigin(0, 0);
    }
    this.add.image(-6, SRE_FLOOR + 4, bakeBookcase(this)).setOrigin(0, 1);
    // The ministry's own flag where the post's art is drawn (Mexico City); no country's flag elsewhere.
    if (this.ctx.store.getState().loaded.scenario.post.scenery === 'mexico-city') this.add.image(806, SRE_FLOOR + 2, bakeMexicanFlag(this)).setOrigin(0.06, 1).setScale(0.9);
    this.addClock(new WallClock(this, 480, 150, 40));

    this.add.image(480, SRE_FLOOR + 40, bakeRug(this));
    const chair = bakeArmchair(this);
    const guestX = 340;
    const hostX = 620;
    this.add.image(guestX - 150 * SCALE, SRE_FLOOR + 8, chair).setOrigin(0, 1).setScale(SCALE);
    this.add.image(hostX + 150 * SCALE, SRE_FLOOR + 8, chair).setOrigin(0, 1).setScale(-SCALE, SCALE);
    // the room darkens at night; the two men sit in the lamplight, so they are drawn above it
    const shade = this.add.image(0, 0, bakeShade(this, TextureKey.sreShade, [
      { x: 480, y: 330, rx: 330, ry: 220 },
    ])).setOrigin(0, 0).setBlendMode(Phaser.BlendModes.MULTIPLY);
    const guest = new Figure(this, guestX + 46, SRE_FLOOR + 6, FigureKey.ambassadorSeated, Cast.ambassadorSeated, { scale: SCALE });
    const host = new Figure(this, hostX - 46, SRE_FLOOR + 6, FigureKey.ministerSeated, Cast.ministerSeated, { scale: SCALE, facing: -1 });
    this.add.image(480, SRE_FLOOR + 26, bakeLowTable(this)).setOrigin(0.5, 1);

    this.setDaylight(new Daylight(this, { skies, shadow: shade, shadowAlpha: 0.7, nightOnly: lights }));

    this.follow((state) => {
      const node = this.nodeOf(state);
      const seat = node?.phase === 'meeting' ? seatOf(state.loaded.scenario.people, node.speaker) : null;
      guest.setSpeaking(seat === 'guest');
      host.setSpeaking(seat === 'host');
    });
  }
}

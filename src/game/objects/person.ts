/**
 * Generic period figures, seated in profile or standing/sitting face-on, drawn from parameters
 * (suit, hair, skin, glasses). Each is baked into three textures (body, head, one arm) so the
 * Figure object can breathe, nod and gesture by moving images, never by redrawing.
 * The figures are deliberately generic: the overlay, not the picture, says who is who.
 */
import type * as Phaser from 'phaser';
import { bake, line, oval, rect, soft, type Pt } from './art.ts';
import { Ink, mix } from './palette.ts';
import type { FigureKeys } from '../keys.ts';

export type HairStyle = 'parted' | 'receding' | 'wavy' | 'bob';
export type View = 'side-seated' | 'front';

export interface Look {
  view: View;
  suit: number;
  shirt: number;
  tie: number;
  skin: number;
  skinShade: number;
  hair: number;
  hairStyle: HairStyle;
  glasses: boolean;
  /** 'shirt' = jacket off, sleeves of the shirt (night duty); 'cardigan' = a knitted cardigan. */
  top: 'jacket' | 'shirt' | 'cardigan';
}

/** Where the baked parts join, in body-texture pixels: the container is anchored at `feet`. */
export interface Rig {
  width: number;
  height: number;
  feet: Pt;
  neck: Pt;
  headSize: Pt;
  headPivot: Pt;
  shoulder: Pt;
  armSize: Pt;
  armPivot: Pt;
}

export const SIDE_RIG: Rig = {
  width: 170, height: 232, feet: [138, 228],
  neck: [83, 72], headSize: [64, 74], headPivot: [24, 70],
  shoulder: [78, 74], armSize: [84, 84], armPivot: [14, 12],
};

export const FRONT_RIG: Rig = {
  width: 120, height: 262, feet: [60, 258],
  neck: [60, 58], headSize: [60, 74], headPivot: [30, 64],
  shoulder: [28, 72], armSize: [30, 104], armPivot: [16, 10],
};

export function rigOf(look: Look): Rig {
  return look.view === 'front' ? FRONT_RIG : SIDE_RIG;
}

/** Bakes the three textures of a figure under `keys` (idempotent). */
export function bakeFigure(scene: Phaser.Scene, keys: FigureKeys, look: Look): Rig {
  const rig = rigOf(look);
  if (look.view === 'front') {
    bake(scene, keys.body, rig.width, rig.height, (g) => frontBody(g, look));
    bake(scene, keys.head, rig.headSize[0], rig.headSize[1], (g) => frontHead(g, look));
    bake(scene, keys.arm, rig.armSize[0], rig.armSize[1], (g) => frontArm(g, look));
  } else {
    bake(scene, keys.body, rig.width, rig.height, (g) => sideBody(g, look));
    bake(scene, keys.head, rig.headSize[0], rig.headSize[1], (g) => sideHead(g, look));
    bake(scene, keys.arm, rig.armSize[0], rig.armSize[1], (g) => sideArm(g, look));
  }
  return rig;
}

const shade = (c: number, k = 0.28): number => mix(c, Ink.ink, k);
const light = (c: number, k = 0.18): number => mix(c, Ink.white, k);

function topColour(look: Look): number {
  return look.top === 'shirt' ? look.shirt : look.suit;
}

// ---- seated, in profile, facing right -------------------------------------------------------

function sideBody(g: Phaser.GameObjects.Graphics, look: Look): void {
  const trousers = look.top === 'jacket' ? look.suit : mix(Ink.steelDeep, Ink.charcoal, 0.3);
  const far = shade(trousers, 0.35);
  // far leg, a little behind and above the near one
  soft(g, far, [[66, 128], [138, 122], [150, 132], [146, 146], [70, 150]], 8);
  soft(g, far, [[132, 134], [152, 130], [152, 214], [136, 216]], 5);
  soft(g, Ink.ink, [[134, 212], [156, 210], [170, 218], [168, 224], [134, 224]], 4);
  // torso, leaning back into the chair
  const top = topColour(look);
  soft(g, top, [[64, 70], [96, 68], [104, 96], [106, 136], [64, 146], [54, 108]], 12);
  soft(g, shade(top, 0.18), [[56, 100], [66, 92], [70, 142], [62, 146]], 6);
  if (look.top !== 'shirt') {
    // the shirt front and tie in the open collar
    soft(g, look.shirt, [[90, 66], [100, 68], [98, 92]], 2);
    soft(g, look.tie, [[96, 72], [100, 74], [101, 106], [97, 110]], 1);
    soft(g, shade(top, 0.22), [[92, 70], [99, 96], [104, 100], [101, 72]], 2);
  } else {
    soft(g, look.tie, [[94, 70], [99, 72], [101, 108], [96, 110]], 1);
    line(g, shade(look.shirt, 0.12), 1.5, 86, 96, 104, 100);
  }
  // near thigh, shin and shoe
  soft(g, trousers, [[60, 128], [142, 124], [154, 136], [148, 152], [62, 156]], 10);
  soft(g, trousers, [[136, 138], [156, 134], [156, 218], [140, 220]], 6);
  soft(g, shade(trousers, 0.12), [[146, 140], [156, 136], [156, 218], [150, 219]], 3);
  soft(g, Ink.ink, [[138, 214], [160, 212], [170, 220], [169, 228], [138, 228]], 4);
  rect(g, light(Ink.ink, 0.15), 152, 218, 16, 2);
}

function sideArm(g: Phaser.GameObjects.Graphics, look: Look): void {
  const sleeve = look.top === 'shirt' ? shade(look.shirt, 0.08) : shade(topColour(look), 0.12);
  // upper arm from the shoulder pivot down to the elbow, forearm forward to the lap
  soft(g, sleeve, [[6, 6], [22, 4], [30, 50], [22, 58], [10, 54]], 8);
  soft(g, sleeve, [[14, 44], [28, 42], [60, 58], [58, 70], [18, 60]], 7);
  if (look.top !== 'shirt') rect(g, look.shirt, 56, 58, 5, 12);
  soft(g, look.skin, [[60, 58], [72, 60], [80, 66], [76, 72], [62, 72]], 5);
  soft(g, look.skinShade, [[62, 68], [74, 70], [66, 74]], 2);
}

function sideHead(g: Phaser.GameObjects.Graphics, look: Look): void {
  // neck (the head texture pivots at its base)
  soft(g, look.skinShade, [[16, 44], [32, 46], [32, 70], [16, 70]], 3);
  if (look.top !== 'cardigan') soft(g, look.shirt, [[14, 63], [33, 59], [35, 72], [14, 72]], 3);
  oval(g, look.skin, 28, 32, 38, 44);
  // jaw and chin
  soft(g, look.skin, [[36, 34], [47, 44], [45, 52], [36, 56], [22, 52]], 5);
  // nose
  soft(g, look.skin, [[44, 22], [53, 36], [49, 38], [44, 38]], 2);
  oval(g, look.skinShade, 20, 34, 9, 13);
  oval(g, Ink.ink, 41, 28, 3.4, 3);
  line(g, shade(look.hair, 0.1), 2, 37, 23, 44, 22);
  line(g, look.skinShade, 1.6, 41, 47, 46, 46);
  sideHair(g, look);
  if (look.glasses) {
    g.lineStyle(1.6, Ink.ink, 0.9);
    g.strokeEllipse(42, 28, 10, 8);
    g.lineBetween(37, 27, 21, 29);
  }
}

function sideHair(g: Phaser.GameObjects.Graphics, look: Look): void {
  const h = look.hair;
  switch (look.hairStyle) {
    case 'receding':
      soft(g, h, [[10, 34], [11, 20], [20, 11], [32, 10], [34, 14], [24, 20], [20, 32], [16, 44], [12, 42]], 6);
      break;
    case 'wavy':
      soft(g, h, [[9, 38], [8, 18], [20, 6], [36, 5], [48, 14], [44, 18], [34, 16], [24, 22], [20, 36], [14, 46]], 7);
      break;
    case 'bob':
      soft(g, h, [[6, 52], [6, 18], [20, 6], [38, 6], [48, 16], [42, 22], [30, 18], [24, 26], [22, 48], [14, 56]], 8);
      break;
    default:
      soft(g, h, [[10, 36], [10, 18], [22, 8], [38, 8], [46, 16], [40, 18], [28, 17], [22, 26], [18, 40], [12, 44]], 6);
  }
}

// ---- face-on (standing, or sitting behind a desk or lectern) --------------------------------

function frontBody(g: Phaser.GameObjects.Graphics, look: Look): void {
  const top = topColour(look);
  const trousers = look.top === 'jacket' ? look.suit : mix(Ink.steelDeep, Ink.charcoal, 0.3);
  // legs and shoes
  soft(g, trousers, [[36, 150], [60, 150], [58, 250], [40, 250]], 5);
  soft(g, trousers, [[60, 150], [84, 150], [80, 250], [62, 250]], 5);
  rect(g, shade(trousers, 0.25), 58, 160, 3, 90);
  soft(g, Ink.ink, [[34, 246], [58, 246], [58, 258], [30, 258]], 4);
  soft(g, Ink.ink, [[62, 246], [86, 246], [90, 258], [62, 258]], 4);
  // far (viewer's right) arm, part of the body
  const sleeve = shade(top, 0.1);
  soft(g, sleeve, [[84, 72], [96, 76], [100, 140], [86, 142]], 8);
  oval(g, look.skin, 94, 146, 13, 16);
  // torso
  soft(g, top, [[30, 66], [90, 66], [94, 80], [88, 156], [32, 156], [26, 80]], 12);
  if (look.top === 'shirt') {
    soft(g, look.tie, [[57, 64], [63, 64], [65, 118], [60, 124], [55, 118]], 2);
    line(g, shade(look.shirt, 0.12), 2, 60, 70, 60, 150);
    rect(g, shade(look.shirt, 0.1), 32, 140, 56, 4);
    rect(g, Ink.ink, 32, 144, 56, 5);
  } else {
    const v: Pt[] = [[48, 60], [72, 60], [60, look.top === 'cardigan' ? 120 : 104]];
    soft(g, look.shirt, v, 2);
    if (look.top === 'jacket') soft(g, look.tie, [[58, 62], [62, 62], [64, 100], [60, 104], [56, 100]], 2);
    // lapels
    soft(g, shade(top, 0.2), [[44, 62], [52, 62], [60, 108], [52, 96]], 2);
    soft(g, shade(top, 0.2), [[76, 62], [68, 62], [60, 108], [68, 96]], 2);
    oval(g, shade(top, 0.35), 61, 118, 3, 3);
    oval(g, shade(top, 0.35), 61, 134, 3, 3);
    if (look.top === 'jacket') rect(g, look.shirt, 74, 82, 8, 3);
  }
}

function frontArm(g: Phaser.GameObjects.Graphics, look: Look): void {
  const sleeve = shade(topColour(look), 0.04);
  soft(g, sleeve, [[4, 2], [26, 4], [22, 86], [8, 86]], 9);
  soft(g, shade(sleeve, 0.22), [[21, 10], [26, 6], [22, 86], [19, 86]], 2);
  if (look.top === 'jacket') rect(g, look.shirt, 9, 82, 12, 4);
  oval(g, look.skin, 15, 92, 14, 17);
  oval(g, look.skinShade, 18, 96, 6, 7);
}

function frontHead(g: Phaser.GameObjects.Graphics, look: Look): void {
  soft(g, look.skinShade, [[22, 50], [38, 50], [38, 74], [22, 74]], 3);
  if (look.top !== 'cardigan') soft(g, look.shirt, [[18, 64], [30, 70], [42, 64], [44, 74], [16, 74]], 2);
  oval(g, look.skinShade, 10, 36, 8, 13);
  oval(g, look.skinShade, 50, 36, 8, 13);
  oval(g, look.skin, 30, 34, 38, 46);
  // a flat shadow plane down one side of the face
  soft(g, look.skinShade, [[42, 26], [48, 34], [44, 50], [36, 56], [40, 44]], 4, 0.55);
  oval(g, Ink.ink, 23, 33, 3.4, 3);
  oval(g, Ink.ink, 37, 33, 3.4, 3);
  line(g, shade(look.hair, 0.1), 2, 19, 28, 27, 27);
  line(g, shade(look.hair, 0.1), 2, 33, 27, 41, 28);
  soft(g, look.skinShade, [[30, 34], [33, 43], [28, 44]], 1);
  line(g, shade(look.skinShade, 0.15), 2, 25, 49, 35, 49);
  frontHair(g, look);
  if (look.glasses) {
    g.lineStyle(1.2, Ink.ink, 0.85);
    g.strokeRoundedRect(17.5, 29.5, 10, 7.5, 3);
    g.strokeRoundedRect(32.5, 29.5, 10, 7.5, 3);
    g.lineBetween(27.5, 32, 32.5, 32);
  }
}

function frontHair(g: Phaser.GameObjects.Graphics, look: Look): void {
  const h = look.hair;
  switch (look.hairStyle) {
    case 'receding':
      soft(g, h, [[10, 32], [10, 17], [18, 9], [30, 7], [42, 9], [50, 17], [50, 32], [47, 22], [40, 16], [30, 15], [20, 16], [13, 22]], 5);
      break;
    case 'wavy':
      soft(g, h, [[10, 34], [9, 16], [20, 6], [34, 5], [48, 12], [51, 30], [46, 20], [34, 16], [24, 20], [14, 20]], 6);
      break;
    case 'bob':
      soft(g, h, [[6, 56], [7, 16], [18, 6], [40, 5], [52, 16], [54, 56], [46, 54], [46, 26], [36, 18], [20, 22], [14, 30], [14, 54]], 7);
      break;
    default:
      soft(g, h, [[10, 32], [10, 15], [20, 7], [40, 7], [50, 16], [50, 30], [46, 20], [24, 17], [14, 22]], 5);
      line(g, shade(h, 0.3), 1.4, 22, 9, 20, 19);
  }
}

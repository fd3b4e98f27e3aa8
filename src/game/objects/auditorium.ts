/**
 * The State Department auditorium at a presidential press conference, seen from the reporters'
 * seats: a curtained stage, a lectern with a seal and a cluster of microphones, floodlights,
 * television cameras on tripods, and rows of reporters from behind.
 */
import type * as Phaser from 'phaser';
import { TextureKey } from '../keys.ts';
import { bake, halo, line, oval, poly, rect, round, scatter, soft } from './art.ts';
import { Ink, Tone, mix } from './palette.ts';

export const STAGE_Y = 372;
const CURTAIN = mix(Ink.navy, Ink.nightLight, 0.5);

export function bakeCurtain(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.curtain, 960, STAGE_Y + 10, (g) => {
    rect(g, CURTAIN, 0, 0, 960, STAGE_Y + 10);
    for (let x = 0; x < 960; x += 48) {
      rect(g, mix(CURTAIN, Ink.ink, 0.3), x, 0, 14, STAGE_Y + 10);
      rect(g, mix(CURTAIN, Ink.white, 0.1), x + 26, 0, 8, STAGE_Y + 10);
    }
    // a valance with a gold fringe
    for (let x = 0; x < 960; x += 80) soft(g, mix(CURTAIN, Ink.ink, 0.15), [[x, 0], [x + 80, 0], [x + 80, 30], [x + 40, 44], [x, 30]], 10);
    for (let x = 4; x < 960; x += 10) rect(g, Ink.gold, x, 30 + 14 * (1 - Math.abs((x % 80) - 40) / 40), 4, 6);
    // the side walls, panelled in wood
    for (const x0 of [0, 892]) {
      rect(g, Ink.walnut, x0, 0, 68, STAGE_Y + 10);
      for (let y = 20; y < STAGE_Y; y += 90) rect(g, mix(Ink.walnut, Ink.ink, 0.2), x0 + 10, y, 48, 76);
      rect(g, mix(Ink.walnut, Ink.ink, 0.4), x0 === 0 ? 64 : x0, 0, 4, STAGE_Y + 10);
    }
  });
}

export function bakeStage(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.stage, 960, 60, (g) => {
    rect(g, Ink.walnut, 0, 0, 960, 60);
    rect(g, mix(Ink.walnut, Ink.white, 0.18), 0, 0, 960, 6);
    rect(g, mix(Ink.walnut, Ink.ink, 0.3), 0, 22, 960, 38);
    for (let x = 0; x < 960; x += 60) rect(g, mix(Ink.walnut, Ink.ink, 0.45), x, 22, 2, 38);
  });
}

export function bakeLectern(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.lectern, 160, 204, (g) => {
    g.translateCanvas(0, 14);
    // microphones gathered on the reading desk
    for (const [x, h, a] of [[56, 54, -0.3], [70, 62, -0.12], [84, 64, 0.05], [98, 58, 0.2], [110, 50, 0.34]] as const) {
      const tx = x + Math.sin(a) * h;
      line(g, Ink.steelDeep, 3, x, 60, tx, 60 - h);
      round(g, Ink.charcoal, tx - 6, 60 - h - 12, 12, 16, 5);
      rect(g, Ink.steelLight, tx - 5, 60 - h - 8, 10, 2);
    }
    soft(g, Ink.mahogany, [[6, 56], [154, 56], [146, 80], [14, 80]], 4);
    soft(g, Ink.mahoganyLight, [[20, 80], [140, 80], [132, 190], [28, 190]], 6);
    rect(g, mix(Ink.mahoganyLight, Ink.ink, 0.2), 76, 80, 8, 110);
    rect(g, mix(Ink.mahoganyLight, Ink.white, 0.15), 24, 80, 10, 110);
    // the seal: a gold ring on blue, an eagle only hinted
    oval(g, Ink.gold, 80, 128, 66, 66);
    oval(g, Ink.navy, 80, 128, 56, 56);
    oval(g, mix(Ink.navy, Ink.white, 0.15), 80, 128, 44, 44);
    soft(g, Ink.goldDeep, [[62, 124], [80, 114], [98, 124], [90, 128], [80, 124], [70, 128]], 3);
    oval(g, Ink.goldDeep, 80, 134, 10, 16);
    poly(g, Ink.red, [[74, 128], [86, 128], [80, 142]], 0.8);
  });
}

export function bakeFloodlight(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.floodlight, 110, 300, (g) => {
    line(g, Ink.charcoal, 4, 55, 90, 55, 280);
    line(g, Ink.charcoal, 4, 55, 240, 20, 298);
    line(g, Ink.charcoal, 4, 55, 240, 90, 298);
    round(g, Ink.charcoal, 18, 20, 74, 76, 18);
    oval(g, Ink.steelLight, 55, 58, 60, 60);
    oval(g, Ink.lampLight, 55, 58, 50, 50);
    oval(g, Ink.white, 55, 58, 28, 28);
    rect(g, Ink.charcoal, 14, 14, 82, 8);
  });
}

/** A studio television camera of the early sixties on a tripod, its lens turret toward the stage. */
export function bakeTvCamera(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.tvCamera, 170, 250, (g) => {
    line(g, Ink.steelDeep, 5, 86, 110, 30, 248);
    line(g, Ink.steelDeep, 5, 86, 110, 142, 248);
    line(g, Ink.steelDeep, 5, 86, 110, 86, 246);
    rect(g, Ink.charcoal, 74, 96, 24, 20);
    soft(g, mix(Ink.steel, Ink.charcoal, 0.4), [[20, 30], [140, 30], [146, 100], [14, 100]], 10);
    soft(g, mix(Ink.steel, Ink.white, 0.1), [[26, 34], [134, 34], [132, 44], [28, 44]], 4);
    round(g, Ink.charcoal, 60, 10, 56, 24, 6);
    rect(g, Ink.charcoal, 140, 50, 26, 36);
    for (const [x, y] of [[150, 56], [158, 72], [150, 80]] as const) oval(g, Ink.ink, x, y, 12, 12);
    line(g, Ink.charcoal, 4, 20, 96, -4, 130);
    oval(g, Ink.red, 40, 62, 8, 8);
  });
}

/** Two rows of reporters from behind: heads, ears, collars and shoulders. */
export function bakeAudience(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.audience, 960, 200, (g) => {
    const r = scatter(19);
    const suits = [Ink.charcoal, Ink.steelDeep, 0x3b4457, 0x4a4a42, Ink.navy, 0x5b4a3a];
    const hair = [Tone.hairDark, Tone.hairBrown, Tone.hairGrey, Tone.hairSalt, 0x7a5a3a];
    const skins = [Tone.skinFair, Tone.skinWarm, Tone.skinDeep];
    const row = (y0: number, s: number, offset: number): void => {
      for (let x = offset; x < 1010; x += 84 * s) {
        const jx = x + (r() - 0.5) * 24 * s;
        const y = y0 + (r() - 0.5) * 10 * s;
        const k = 0.9 + r() * 0.2;
        const suit = suits[Math.floor(r() * suits.length)] ?? Ink.charcoal;
        const skin = skins[Math.floor(r() * skins.length)] ?? Tone.skinFair;
        const h = hair[Math.floor(r() * hair.length)] ?? Tone.hairDark;
        soft(g, suit, [[jx - 56 * s * k, y + 110 * s], [jx - 52 * s * k, y + 52 * s], [jx - 30 * s, y + 34 * s], [jx + 30 * s, y + 34 * s], [jx + 52 * s * k, y + 52 * s], [jx + 56 * s * k, y + 110 * s]], 16 * s);
        rect(g, mix(suit, Ink.ink, 0.25), jx - 1 * s, y + 40 * s, 2 * s, 70 * s);
        rect(g, skin, jx - 9 * s, y + 12 * s, 18 * s, 22 * s);
        rect(g, Ink.white, jx - 11 * s, y + 28 * s, 22 * s, 6 * s);
        oval(g, mix(skin, Ink.ink, 0.12), jx - 17 * s, y + 2 * s, 8 * s, 13 * s);
        oval(g, mix(skin, Ink.ink, 0.12), jx + 17 * s, y + 2 * s, 8 * s, 13 * s);
        oval(g, skin, jx, y, 32 * s, 40 * s);
        soft(g, h, [[jx - 17 * s, y + 10 * s], [jx - 16 * s, y - 12 * s], [jx, y - 21 * s], [jx + 16 * s, y - 12 * s], [jx + 17 * s, y + 10 * s], [jx, y + 14 * s]], 10 * s);
      }
    };
    row(44, 0.78, 20);
    row(104, 1.0, 60);
  });
}

export function bakeFlash(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.flashBurst, 120, 120, (g) => {
    halo(g, Ink.white, 60, 60, 60, 60, 1.2);
    poly(g, Ink.white, [[60, 10], [66, 54], [110, 60], [66, 66], [60, 110], [54, 66], [10, 60], [54, 54]]);
  });
}

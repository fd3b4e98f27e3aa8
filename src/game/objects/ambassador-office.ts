/**
 * The ambassador's office at the chancery: mahogany panelling, a window with heavy drapes,
 * a landscape painting, a broad desk with a green-shaded lamp.
 */
import type * as Phaser from 'phaser';
import { TextureKey } from '../keys.ts';
import { bake, halo, line, oval, poly, rect, round, soft, type Draw } from './art.ts';
import { Ink, mix } from './palette.ts';
import { frameDrawer } from './windows.ts';

export const AMB_WINDOW = { x: 352, y: 56, w: 256, h: 232 } as const;
const PAPER_WALL = mix(Ink.cream, Ink.olive, 0.28);

export function bakePanelledWall(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.panelledWall, 960, 540, (g) => {
    rect(g, PAPER_WALL, 0, 0, 960, 540);
    for (let x = 0; x < 960; x += 24) rect(g, mix(PAPER_WALL, Ink.olive, 0.25), x, 0, 8, 300);
    rect(g, Ink.mahoganyDeep, 0, 0, 960, 14);
    rect(g, Ink.mahogany, 0, 290, 960, 170);
    rect(g, Ink.mahoganyDeep, 0, 290, 960, 10);
    for (let x = 20; x < 960; x += 130) {
      round(g, mix(Ink.mahogany, Ink.ink, 0.18), x, 316, 106, 124, 4);
      round(g, Ink.mahoganyLight, x + 6, 322, 94, 112, 3, 0.35);
    }
    rect(g, Ink.mahoganyDeep, 0, 452, 960, 10);
    // carpet
    rect(g, mix(Ink.green, Ink.greenDeep, 0.5), 0, 462, 960, 78);
    rect(g, mix(Ink.green, Ink.lamp, 0.1), 0, 470, 960, 2, 0.4);
  });
}

export function ambWindowFrame(): Draw {
  return frameDrawer(AMB_WINDOW.w, AMB_WINDOW.h, mix(Ink.cream, Ink.steel, 0.2), 2, 3, 7);
}

export function bakeDrapes(scene: Phaser.Scene, key: string, colour: number, w: number, h: number): string {
  return bake(scene, key, w, h, (g) => {
    soft(g, colour, [[0, 0], [w, 0], [w * 0.86, h * 0.5], [w, h], [0, h]], 10);
    for (let k = 1; k < 4; k++) rect(g, mix(colour, Ink.ink, 0.25), (w * k) / 4 - 3, 10, 5, h - 10);
    soft(g, mix(colour, Ink.white, 0.12), [[4, 0], [w * 0.28, 0], [w * 0.24, h], [6, h]], 6, 0.5);
    rect(g, mix(colour, Ink.ink, 0.35), 0, 0, w, 10);
  });
}

export function bakePainting(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.painting, 170, 120, (g) => {
    rect(g, Ink.goldDeep, 0, 0, 170, 120);
    rect(g, Ink.gold, 5, 5, 160, 110);
    rect(g, mix(Ink.skyDay, Ink.cream, 0.3), 14, 14, 142, 92);
    soft(g, mix(Ink.dusk, Ink.cream, 0.35), [[14, 80], [60, 40], [84, 54], [116, 30], [156, 70], [156, 106], [14, 106]], 6);
    soft(g, mix(Ink.cream, Ink.white, 0.5), [[104, 40], [116, 30], [128, 42], [118, 44]], 2);
    rect(g, mix(Ink.olive, Ink.green, 0.3), 14, 86, 142, 20);
    oval(g, Ink.greenDeep, 40, 84, 26, 20);
    rect(g, Ink.mahoganyDeep, 39, 88, 3, 12);
  });
}

export function bakeDesk(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.ambassadorDesk, 600, 180, (g) => {
    oval(g, Ink.ink, 300, 176, 600, 16, 0.35);
    rect(g, Ink.mahoganyLight, 0, 0, 600, 22);
    rect(g, mix(Ink.mahoganyLight, Ink.white, 0.15), 0, 0, 600, 4);
    rect(g, Ink.mahogany, 6, 22, 588, 154);
    rect(g, Ink.mahoganyDeep, 6, 22, 588, 6);
    for (const x of [22, 420]) {
      for (let k = 0; k < 3; k++) {
        round(g, mix(Ink.mahogany, Ink.mahoganyLight, 0.3), x, 40 + k * 44, 158, 36, 3);
        round(g, Ink.gold, x + 66, 54 + k * 44, 26, 6, 3);
      }
    }
    round(g, mix(Ink.mahogany, Ink.ink, 0.15), 200, 40, 200, 130, 4);
    // the blotter and papers lie on the top edge
    round(g, Ink.greenDeep, 200, 2, 200, 16, 3);
    poly(g, Ink.paper, [[236, 4], [300, 2], [304, 14], [232, 16]]);
    line(g, Ink.ink, 2, 330, 8, 372, 4);
  });
}

export function bakeDeskLamp(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.deskLamp, 160, 170, (g) => {
    halo(g, Ink.lampLight, 80, 72, 80, 56, 0.5);
    oval(g, Ink.goldDeep, 80, 162, 60, 14);
    rect(g, Ink.gold, 76, 92, 8, 70);
    soft(g, Ink.green, [[30, 90], [44, 56], [116, 56], [130, 90]], 12);
    soft(g, mix(Ink.green, Ink.white, 0.25), [[48, 60], [76, 60], [60, 84], [40, 86]], 6, 0.6);
    oval(g, Ink.lampLight, 80, 92, 96, 10);
    oval(g, Ink.goldDeep, 80, 54, 10, 8);
  });
}

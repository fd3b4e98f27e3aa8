/**
 * The Foreign Secretary's office at the Secretaría de Relaciones Exteriores on Avenida Juárez:
 * a high room with moulded walls, tall windows with drapes, bookcases, two armchairs and a low
 * table on a rug.
 */
import type * as Phaser from 'phaser';
import { TextureKey } from '../keys.ts';
import { bake, line, oval, rect, round, scatter, soft, type Draw } from './art.ts';
import { Ink, mix } from './palette.ts';
import { frameDrawer } from './windows.ts';

export const SRE_FLOOR = 468;
export const TALL_WINDOWS = [
  { x: 222, y: 58, w: 128, h: 316 },
  { x: 610, y: 58, w: 128, h: 316 },
] as const;
const WALL = mix(Ink.cream, Ink.parchment, 0.5);

export function bakeSreWall(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.sreWall, 960, 540, (g) => {
    rect(g, WALL, 0, 0, 960, 540);
    rect(g, mix(WALL, Ink.white, 0.3), 0, 0, 960, 20);
    rect(g, mix(WALL, Ink.ink, 0.12), 0, 20, 960, 8);
    rect(g, mix(WALL, Ink.white, 0.2), 0, 28, 960, 4);
    // moulded panels between the windows
    for (const [x, w] of [[392, 176], [790, 150]] as const) {
      g.lineStyle(3, mix(WALL, Ink.ink, 0.1), 1);
      g.strokeRect(x, 70, w, 250);
      g.lineStyle(2, mix(WALL, Ink.white, 0.4), 1);
      g.strokeRect(x + 4, 74, w, 250);
    }
    rect(g, mix(WALL, Ink.ink, 0.1), 0, 360, 960, 6);
    rect(g, mix(WALL, Ink.olive, 0.18), 0, 366, 960, SRE_FLOOR - 366);
    rect(g, Ink.walnut, 0, SRE_FLOOR - 10, 960, 10);
    // parquet
    rect(g, mix(Ink.walnut, Ink.mahogany, 0.3), 0, SRE_FLOOR, 960, 540 - SRE_FLOOR);
    for (let y = SRE_FLOOR + 14; y < 540; y += 16) rect(g, mix(Ink.walnut, Ink.ink, 0.25), 0, y, 960, 2);
  });
}

export function tallWindowFrame(): Draw {
  const w = TALL_WINDOWS[0].w;
  const h = TALL_WINDOWS[0].h;
  const base = frameDrawer(w, h, mix(Ink.cream, Ink.white, 0.3), 2, 4, 6);
  return (g) => {
    base(g);
    // an arched transom
    rect(g, mix(Ink.cream, Ink.white, 0.3), 0, 0, w, 40);
    rect(g, mix(Ink.cream, Ink.ink, 0.1), 0, 38, w, 4);
    rect(g, mix(Ink.cream, Ink.white, 0.3), -4, h - 10, w + 8, 10);
  };
}

export function bakeBookcase(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.bookcase, 190, 410, (g) => {
    rect(g, Ink.mahoganyDeep, 0, 0, 190, 410);
    rect(g, Ink.mahogany, 6, 16, 178, 394);
    rect(g, Ink.mahoganyLight, 0, 0, 190, 14);
    const r = scatter(3);
    const spines = [Ink.red, Ink.green, Ink.olive, Ink.navy, Ink.cream, Ink.redDeep, Ink.greenDeep, Ink.oliveLight, Ink.walnut];
    for (let shelf = 0; shelf < 5; shelf++) {
      const y0 = 24 + shelf * 74;
      rect(g, mix(Ink.mahoganyDeep, Ink.ink, 0.3), 12, y0, 166, 64);
      let x = 14;
      while (x < 170) {
        const w = 7 + Math.floor(r() * 8);
        const h = 44 + Math.floor(r() * 16);
        if (x + w > 176) break;
        const c = spines[Math.floor(r() * spines.length)] ?? Ink.red;
        if (r() < 0.08) {
          x += w;
          continue;
        }
        rect(g, c, x, y0 + 64 - h, w, h);
        rect(g, mix(c, Ink.gold, 0.5), x + 1, y0 + 70 - h, w - 2, 2);
        x += w + 1;
      }
      rect(g, Ink.mahoganyLight, 6, y0 + 64, 178, 8);
    }
  });
}

/** An armchair in profile, its back to the left; flip it for a sitter facing left. */
export function bakeArmchair(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.armchair, 170, 190, (g) => {
    const cloth = mix(Ink.olive, Ink.green, 0.35);
    rect(g, Ink.mahoganyDeep, 24, 150, 8, 40);
    rect(g, Ink.mahoganyDeep, 138, 150, 8, 40);
    soft(g, mix(cloth, Ink.ink, 0.2), [[6, 10], [44, 0], [50, 130], [14, 150]], 16);
    soft(g, cloth, [[20, 108], [158, 108], [164, 150], [16, 156]], 12);
    soft(g, mix(cloth, Ink.white, 0.12), [[30, 108], [150, 108], [150, 118], [30, 118]], 4);
    // the far arm rest
    soft(g, mix(cloth, Ink.ink, 0.1), [[36, 72], [150, 70], [156, 84], [150, 112], [40, 112]], 12);
  });
}

export function bakeLowTable(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.lowTable, 170, 90, (g) => {
    oval(g, Ink.ink, 85, 86, 160, 10, 0.3);
    rect(g, Ink.mahoganyDeep, 20, 34, 8, 52);
    rect(g, Ink.mahoganyDeep, 142, 34, 8, 52);
    round(g, Ink.mahoganyLight, 4, 26, 162, 12, 4);
    rect(g, Ink.mahogany, 10, 38, 150, 6);
    // coffee service
    soft(g, Ink.white, [[40, 12], [56, 12], [54, 26], [42, 26]], 3);
    oval(g, Ink.white, 48, 26, 26, 5);
    soft(g, Ink.white, [[110, 14], [126, 14], [124, 26], [112, 26]], 3);
    oval(g, Ink.white, 118, 26, 26, 5);
    soft(g, Ink.gold, [[76, 4], [94, 4], [98, 26], [72, 26]], 5);
    line(g, Ink.goldDeep, 2, 98, 12, 106, 8);
  });
}

export function bakeRug(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.rug, 560, 70, (g) => {
    oval(g, Ink.redDeep, 280, 35, 560, 70);
    oval(g, Ink.red, 280, 35, 520, 56);
    g.lineStyle(3, Ink.gold, 0.8);
    g.strokeEllipse(280, 35, 470, 44);
    oval(g, mix(Ink.red, Ink.cream, 0.25), 280, 35, 200, 20);
  });
}

/**
 * The embassy code room: institutional green walls, linoleum, a steel safe, a hanging enamel
 * lamp, a window with half-drawn blinds; for the report, a clerk's desk and typewriter.
 */
import type * as Phaser from 'phaser';
import { TextureKey } from '../keys.ts';
import { bake, line, oval, poly, rect, round, soft, type Draw } from './art.ts';
import { Ink, mix } from './palette.ts';
import { frameDrawer } from './windows.ts';

const WALL = mix(Ink.cream, Ink.greenLight, 0.32);
export const FLOOR_Y = 452;

export function bakeCodeRoomWall(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.codeRoomWall, 960, 540, (g) => {
    rect(g, WALL, 0, 0, 960, 540);
    rect(g, mix(WALL, Ink.ink, 0.12), 0, 0, 960, 18);
    rect(g, mix(WALL, Ink.white, 0.2), 0, 18, 960, 3);
    // wainscot, rail, skirting
    rect(g, Ink.green, 0, 318, 960, FLOOR_Y - 318);
    rect(g, Ink.greenDeep, 0, 318, 960, 8);
    for (let x = 0; x < 960; x += 120) rect(g, mix(Ink.green, Ink.ink, 0.12), x, 340, 2, FLOOR_Y - 350);
    rect(g, Ink.greenDeep, 0, FLOOR_Y - 8, 960, 8);
    // linoleum in two tones
    rect(g, mix(Ink.steelLight, Ink.cream, 0.4), 0, FLOOR_Y, 960, 540 - FLOOR_Y);
    for (let j = 0; j < 4; j++) {
      for (let i = 0; i < 20; i++) {
        if ((i + j) % 2) rect(g, mix(Ink.steel, Ink.cream, 0.35), i * 48, FLOOR_Y + j * 22, 48, 22);
      }
    }
    // a cork board with pinned sheets, and a radiator under the window
    round(g, Ink.walnut, 30, 186, 150, 96, 4);
    round(g, mix(Ink.walnut, Ink.lamp, 0.35), 36, 192, 138, 84, 3);
    const sheets: [number, number][] = [[46, 198], [88, 202], [130, 196], [60, 236], [108, 238]];
    for (const [x, y] of sheets) {
      rect(g, Ink.paper, x, y, 28, 32);
      for (let k = 0; k < 4; k++) rect(g, mix(Ink.paper, Ink.ink, 0.3), x + 4, y + 8 + k * 5, 19, 1.5);
      oval(g, Ink.red, x + 14, y + 3, 5, 5);
    }
    round(g, mix(Ink.steelLight, WALL, 0.3), 672, 350, 210, 70, 6);
    for (let x = 684; x < 872; x += 14) rect(g, mix(Ink.steel, WALL, 0.3), x, 356, 6, 58);
  });
}

export const CODE_WINDOW = { x: 660, y: 64, w: 232, h: 200 } as const;

export function codeWindowFrame(): Draw {
  const base = frameDrawer(CODE_WINDOW.w, CODE_WINDOW.h, Ink.steelDeep, 3, 2, 6);
  return (g) => {
    base(g);
    // venetian blinds drawn half way down
    for (let y = 10; y < 86; y += 7) rect(g, mix(Ink.cream, Ink.steel, 0.15), 8, y, CODE_WINDOW.w - 16, 5);
    rect(g, Ink.steelDeep, 4, 86, CODE_WINDOW.w - 8, 4);
    line(g, Ink.steelDeep, 1, 40, 86, 40, 120);
    rect(g, mix(Ink.steelLight, Ink.white, 0.3), -2, CODE_WINDOW.h - 8, CODE_WINDOW.w + 4, 8);
  };
}

export function bakeSafe(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.safe, 132, 170, (g) => {
    round(g, mix(Ink.steelDeep, Ink.ink, 0.2), 4, 6, 128, 164, 6);
    round(g, Ink.steel, 0, 0, 124, 160, 6);
    round(g, mix(Ink.steel, Ink.white, 0.12), 10, 10, 104, 110, 4);
    rect(g, mix(Ink.steel, Ink.ink, 0.25), 10, 126, 104, 3);
    oval(g, Ink.steelDeep, 60, 62, 40, 40);
    oval(g, Ink.steelLight, 60, 62, 30, 30);
    for (let k = 0; k < 12; k++) {
      const a = (k / 12) * Math.PI * 2;
      line(g, Ink.ink, 1.5, 60 + Math.cos(a) * 11, 62 + Math.sin(a) * 11, 60 + Math.cos(a) * 14, 62 + Math.sin(a) * 14);
    }
    rect(g, Ink.steelDeep, 90, 56, 18, 8);
    rect(g, Ink.steelDeep, 10, 140, 104, 12);
  });
}

export function bakeHangingLamp(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.hangingLamp, 120, 120, (g) => {
    rect(g, Ink.ink, 58, 0, 3, 64);
    soft(g, Ink.greenDeep, [[34, 64], [86, 64], [116, 104], [4, 104]], 10);
    soft(g, Ink.green, [[40, 66], [80, 66], [104, 98], [16, 98]], 8);
    oval(g, Ink.lampLight, 60, 104, 60, 14);
    oval(g, Ink.white, 60, 104, 26, 8);
  });
}

/** A soft trapezoid of lamp light, to be drawn in add/screen mode at night. */
export function bakeLightCone(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.lightCone, 440, 360, (g) => {
    for (let i = 0; i < 8; i++) {
      const k = i * 14;
      poly(g, Ink.lampLight, [[190 + k / 3, 0], [250 - k / 3, 0], [440 - k, 360], [k, 360]], 0.022);
    }
  });
}

export function bakeClerkDesk(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.clerkDesk, 330, 150, (g) => {
    rect(g, mix(Ink.steel, Ink.olive, 0.3), 0, 0, 330, 16);
    rect(g, mix(Ink.steel, Ink.ink, 0.2), 0, 16, 330, 8);
    rect(g, mix(Ink.steel, Ink.olive, 0.2), 14, 24, 110, 120);
    rect(g, mix(Ink.steel, Ink.olive, 0.2), 206, 24, 110, 120);
    for (const x of [14, 206]) {
      for (let k = 0; k < 3; k++) {
        rect(g, mix(Ink.steel, Ink.ink, 0.25), x + 6, 34 + k * 38, 98, 2);
        round(g, Ink.steelLight, x + 42, 44 + k * 38, 26, 6, 3);
      }
    }
    rect(g, mix(Ink.steel, Ink.olive, 0.1), 124, 24, 82, 120);
    rect(g, mix(Ink.steel, Ink.ink, 0.3), 124, 24, 82, 6);
  });
}

export function bakeTypewriter(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.typewriter, 150, 70, (g) => {
    soft(g, Ink.charcoal, [[10, 24], [140, 24], [150, 70], [0, 70]], 10);
    round(g, Ink.ink, 4, 14, 142, 14, 7);
    rect(g, Ink.steelLight, 0, 18, 6, 6);
    rect(g, Ink.steelLight, 144, 18, 6, 6);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 10; c++) oval(g, Ink.cream, 26 + c * 10.5 + r * 4, 40 + r * 9, 7, 5);
    }
    round(g, Ink.cream, 46, 64, 60, 3, 1);
  });
}

/** The sheet rolled in the typewriter; its visible height grows with the draft. */
export function bakeTypewriterSheet(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.typewriterSheet, 100, 130, (g) => {
    rect(g, Ink.paper, 0, 0, 100, 130);
    rect(g, Ink.red, 8, 8, 30, 3);
    for (let k = 0; k < 18; k++) rect(g, mix(Ink.paper, Ink.ink, 0.35), 8, 18 + k * 6, k % 4 === 3 ? 44 : 80, 1.6);
  });
}

/** One of the cipher clerk's hands on the keys, seen from above: a small oval of `skin`. */
export function bakeClerkHand(scene: Phaser.Scene, skin: number): string {
  return bake(scene, TextureKey.clerkHand, 18, 11, (g) => oval(g, skin, 9, 5.5, 18, 11));
}

export function bakeDraft(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.draftTelegram, 96, 60, (g) => {
    poly(g, mix(Ink.ink, Ink.steel, 0.5), [[6, 4], [96, 0], [92, 60], [2, 58]], 0.35);
    poly(g, Ink.paper, [[4, 2], [92, 0], [90, 56], [0, 56]]);
    rect(g, Ink.red, 10, 6, 24, 3);
    for (let k = 0; k < 7; k++) rect(g, mix(Ink.paper, Ink.ink, 0.35), 10, 14 + k * 5.5, k === 6 ? 30 : 66, 1.5);
    line(g, Ink.navy, 1.5, 56, 48, 80, 46);
  });
}

/**
 * The establishing shot's pieces: the Paseo de la Reforma at dusk, the Angel of Independence
 * on its column, the volcanoes far off, and a modern chancery block with its windows lit.
 */
import type * as Phaser from 'phaser';
import { TextureKey } from '../keys.ts';
import { bake, bands, halo, line, oval, poly, rect, round, scatter, soft } from './art.ts';
import { Ink, mix } from './palette.ts';

export const HORIZON = 352;
const STONE = 0xcdbfa8;
const DUSK_SHADE = 0x6b5a78;

export function bakeDuskSky(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.duskSky, 960, HORIZON + 4, (g) => {
    bands(g, 0, 0, 960, HORIZON + 4, [Ink.nightDeep, Ink.night, 0x4a4470, 0x9b6077, Ink.dusk, 0xeeb070], 64);
    const r = scatter(7);
    for (let i = 0; i < 40; i++) oval(g, Ink.paper, r() * 960, r() * 120, 2, 2, 0.35 + r() * 0.4);
    oval(g, 0xf6d9a8, 140, 300, 46, 46, 0.5);
  });
}

export function bakeVolcanoes(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.volcanoes, 620, 150, (g) => {
    const far = mix(DUSK_SHADE, 0x9b6077, 0.35);
    soft(g, far, [[0, 150], [120, 92], [190, 70], [230, 78], [300, 60], [360, 84], [470, 120], [620, 150]], 18);
    soft(g, mix(far, Ink.paper, 0.5), [[182, 74], [196, 68], [232, 80], [296, 62], [318, 72], [296, 80], [262, 86], [226, 92], [200, 86]], 8);
    soft(g, mix(DUSK_SHADE, Ink.night, 0.1), [[300, 150], [420, 56], [446, 46], [470, 50], [600, 150]], 10);
    soft(g, mix(DUSK_SHADE, Ink.paper, 0.55), [[412, 64], [440, 46], [472, 50], [490, 68], [470, 72], [452, 64], [436, 76]], 6);
  });
}

export function bakeAngel(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.angelColumn, 90, 300, (g) => {
    const shade = mix(STONE, DUSK_SHADE, 0.55);
    rect(g, shade, 6, 262, 78, 38);
    rect(g, mix(shade, Ink.ink, 0.15), 14, 248, 62, 16);
    rect(g, mix(STONE, DUSK_SHADE, 0.35), 34, 70, 22, 182);
    rect(g, shade, 48, 70, 8, 182);
    rect(g, mix(shade, Ink.ink, 0.1), 30, 62, 30, 10);
    for (let y = 100; y < 240; y += 34) rect(g, shade, 32, y, 26, 4);
    // the gilded figure with spread wings
    poly(g, Ink.goldDeep, [[45, 62], [40, 40], [50, 40]]);
    soft(g, Ink.gold, [[45, 18], [50, 24], [49, 48], [41, 48], [40, 24]], 3);
    soft(g, Ink.gold, [[44, 28], [18, 8], [26, 26], [40, 36]], 3);
    soft(g, Ink.gold, [[48, 28], [76, 6], [66, 26], [50, 36]], 3);
    oval(g, Ink.gold, 46, 14, 7, 8);
    line(g, Ink.gold, 2, 50, 22, 60, 4);
  });
}

const FLOORS = 8;
const BAYS = 10;
const WIN = { x0: 34, y0: 44, w: 26, h: 22, dx: 40, dy: 36 } as const;

function lit(i: number, j: number): boolean {
  return (i * 7 + j * 13 + i * j) % 5 < 2;
}

export function bakeChancery(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.chancery, 460, 400, (g) => {
    const face = mix(STONE, DUSK_SHADE, 0.3);
    rect(g, mix(face, Ink.ink, 0.2), 12, 18, 436, 382);
    rect(g, face, 16, 24, 428, 376);
    rect(g, mix(face, Ink.paper, 0.25), 16, 24, 428, 10);
    for (let i = 0; i < BAYS; i++) {
      for (let j = 0; j < FLOORS; j++) {
        const x = WIN.x0 + i * WIN.dx;
        const y = WIN.y0 + j * WIN.dy;
        rect(g, mix(Ink.night, DUSK_SHADE, 0.25), x, y, WIN.w, WIN.h);
        rect(g, mix(face, Ink.ink, 0.25), x, y + WIN.h, WIN.w, 3);
      }
    }
    for (let i = 0; i <= BAYS; i++) rect(g, mix(face, Ink.paper, 0.15), WIN.x0 - 9 + i * WIN.dx, 34, 4, 300);
    // ground floor: a deep loggia and a canopy over the door
    rect(g, mix(Ink.night, DUSK_SHADE, 0.2), 16, 336, 428, 64);
    for (let i = 0; i < 9; i++) rect(g, face, 26 + i * 50, 336, 10, 64);
    rect(g, mix(face, Ink.ink, 0.3), 170, 330, 120, 10);
    rect(g, Ink.lampLight, 200, 352, 60, 48, 0.7);
    // roof parapet and a flagpole
    rect(g, mix(face, Ink.ink, 0.3), 8, 12, 444, 8);
    rect(g, Ink.steelDeep, 228, -2, 3, 16);
  });
}

/** The lit windows alone, so they can glow and flicker without redrawing the facade. */
export function bakeChanceryLights(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.chanceryLights, 460, 400, (g) => {
    for (let i = 0; i < BAYS; i++) {
      for (let j = 0; j < FLOORS; j++) {
        if (!lit(i, j)) continue;
        const x = WIN.x0 + i * WIN.dx;
        const y = WIN.y0 + j * WIN.dy;
        rect(g, Ink.lamp, x, y, WIN.w, WIN.h);
        rect(g, Ink.lampLight, x + 2, y + 2, WIN.w - 4, 6);
        rect(g, mix(Ink.lamp, Ink.mahogany, 0.3), x + WIN.w / 2 - 1, y, 2, WIN.h);
      }
    }
  });
}

export function bakeBoulevard(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.boulevard, 960, 540 - HORIZON, (g) => {
    const h = 540 - HORIZON;
    rect(g, mix(Ink.greenDeep, DUSK_SHADE, 0.35), 0, 0, 960, 46);
    rect(g, mix(STONE, DUSK_SHADE, 0.5), 0, 42, 960, 14);
    rect(g, 0x3b3a4c, 0, 56, 960, 86);
    for (let x = 20; x < 960; x += 90) rect(g, mix(STONE, DUSK_SHADE, 0.3), x, 98, 44, 4);
    rect(g, mix(STONE, DUSK_SHADE, 0.4), 0, 142, 960, h - 142);
    rect(g, mix(STONE, Ink.ink, 0.35), 0, 142, 960, 5);
    for (let x = 0; x < 960; x += 64) rect(g, mix(STONE, DUSK_SHADE, 0.55), x, 147, 2, h - 147);
  });
}

export function bakeTrees(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.trees, 960, 150, (g) => {
    const r = scatter(11);
    const back = mix(Ink.greenDeep, Ink.night, 0.45);
    const mid = mix(Ink.greenDeep, DUSK_SHADE, 0.3);
    const lit = mix(Ink.green, Ink.dusk, 0.3);
    const bloom = mix(0x9a78b4, DUSK_SHADE, 0.25);
    for (let i = 0; i < 16; i++) {
      const x = i * 64 + r() * 30;
      const s = 0.7 + r() * 0.5;
      const top = 84 - 40 * s;
      rect(g, mix(Ink.mahoganyDeep, Ink.night, 0.45), x - 3, 80, 6, 70);
      oval(g, back, x + 14, top + 26, 80 * s, 56 * s);
      oval(g, mid, x, top + 30, 70 * s, 60 * s);
      oval(g, mid, x - 20 * s, top + 40, 50 * s, 40 * s);
      oval(g, lit, x - 10 * s, top + 18, 40 * s, 30 * s, 0.8);
      if (i % 3 !== 0) {
        oval(g, bloom, x + 16 * s, top + 24, 26 * s, 18 * s);
        oval(g, mix(bloom, Ink.white, 0.2), x + 12 * s, top + 20, 12 * s, 8 * s);
      }
    }
  });
}

export function bakeStreetLamp(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.streetLamp, 120, 240, (g) => {
    halo(g, Ink.lampLight, 60, 40, 58, 40, 0.5);
    rect(g, Ink.greenDeep, 57, 40, 6, 200);
    rect(g, Ink.greenDeep, 50, 226, 20, 14);
    line(g, Ink.greenDeep, 4, 60, 54, 36, 36);
    line(g, Ink.greenDeep, 4, 60, 54, 84, 36);
    oval(g, Ink.lampLight, 36, 30, 18, 20);
    oval(g, Ink.lampLight, 84, 30, 18, 20);
    oval(g, Ink.paper, 60, 26, 20, 22);
  });
}

/** A rounded late-fifties sedan in side view, facing right, with a beam for its headlights. */
export function bakeCar(scene: Phaser.Scene, key: string, body: number): string {
  return bake(scene, key, 170, 60, (g) => {
    oval(g, Ink.ink, 85, 54, 160, 10, 0.35);
    soft(g, body, [[6, 40], [12, 26], [46, 22], [66, 6], [112, 6], [132, 22], [164, 28], [166, 44], [8, 46]], 8);
    soft(g, mix(Ink.night, Ink.steelLight, 0.3), [[72, 10], [108, 10], [124, 23], [64, 23]], 4);
    rect(g, body, 94, 9, 4, 14);
    rect(g, mix(body, Ink.white, 0.5), 10, 34, 154, 3);
    oval(g, Ink.ink, 42, 46, 24, 24);
    oval(g, Ink.ink, 130, 46, 24, 24);
    oval(g, Ink.steelLight, 42, 46, 10, 10);
    oval(g, Ink.steelLight, 130, 46, 10, 10);
    oval(g, Ink.lampLight, 162, 32, 6, 8);
    rect(g, Ink.red, 6, 28, 4, 8);
  });
}

export function bakeBeam(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.headlightBeam, 160, 40, (g) => {
    for (let i = 0; i < 6; i++) {
      poly(g, Ink.lampLight, [[0, 18], [160, 4 + i * 2], [160, 36 - i * 2], [0, 22]], 0.05);
    }
  });
}

/** A cast-iron street clock: the post and the housing the clock face sits in. */
export function bakeClockPost(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.streetClockPost, 90, 300, (g) => {
    const iron = mix(Ink.greenDeep, Ink.ink, 0.25);
    rect(g, iron, 40, 70, 10, 210);
    round(g, iron, 30, 270, 30, 30, 4);
    round(g, iron, 34, 100, 22, 12, 3);
    oval(g, iron, 45, 44, 82, 82);
    oval(g, Ink.gold, 45, 44, 74, 74);
    oval(g, iron, 45, -2, 12, 16);
  });
}

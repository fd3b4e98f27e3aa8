/**
 * The establishing shot's pieces: the Paseo de la Reforma at 19:40 on 19 November 1962, full night
 * (sunset in Mexico City that day was near 17:55, and the moon did not rise until about midnight):
 * a dark sky over the city's glow, the chancery block with some windows lit, street lamps, and the
 * Angel of Independence far off up the avenue. The Angel stands at Reforma and Río Tíber, about
 * 1.5 km south-west of Calle Lafragua, so from the chancery it is small and distant, not next door.
 */
import type * as Phaser from 'phaser';
import { TextureKey } from '../keys.ts';
import { bake, bands, halo, line, oval, poly, rect, round, scatter, soft } from './art.ts';
import { Ink, mix } from './palette.ts';

export const HORIZON = 352;
const STONE = 0xcdbfa8;
/** The blue of things seen by night, away from the lamps. */
const NIGHT_SHADE = 0x2b3652;

/** The night sky over the city: dark overhead, a faint warm glow of city lights low down, few stars. */
export function bakeNightSky(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.nightSky, 960, HORIZON + 4, (g) => {
    const glow = mix(Ink.nightLight, Ink.lamp, 0.16);
    bands(g, 0, 0, 960, HORIZON + 4, [Ink.nightDeep, Ink.nightDeep, Ink.night, mix(Ink.night, Ink.nightLight, 0.6), glow], 64);
    const r = scatter(7);
    for (let i = 0; i < 26; i++) oval(g, Ink.paper, r() * 960, r() * 150, 2, 2, 0.2 + r() * 0.35);
  });
}

const VISTA = { w: 330, h: 150 } as const;

/**
 * The view up Reforma to the south-west: the Angel on its column small on the horizon, with the
 * avenue's trees and paired lamps shrinking toward it. Anchor the texture at its bottom left.
 */
export function bakeAngelVista(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.angelColumn, VISTA.w, VISTA.h, (g) => {
    const ground = VISTA.h - 14;
    const ax = 196;
    // the avenue's trees, nearer ones larger, in dark night green
    const r = scatter(31);
    const leaves = mix(Ink.greenDeep, Ink.nightDeep, 0.55);
    for (let k = 0; k < 9; k++) {
      const t = k / 8; // 0 near, 1 far
      const x = 12 + t * (ax - 40);
      const s = 1 - 0.8 * t;
      oval(g, mix(leaves, Ink.nightDeep, 0.3 * t), x + r() * 6, ground - 24 * s, 58 * s, 44 * s);
    }
    for (let k = 0; k < 6; k++) {
      const t = k / 5;
      const x = VISTA.w - 10 - t * (VISTA.w - ax - 30);
      const s = 1 - 0.8 * t;
      oval(g, mix(leaves, Ink.nightDeep, 0.3 * t), x + r() * 6, ground - 22 * s, 50 * s, 40 * s);
    }
    // the Angel: plinth, column and the gilded figure, small with distance; a speck of gold
    const stone = mix(STONE, NIGHT_SHADE, 0.7);
    rect(g, stone, ax - 6, ground - 6, 12, 6);
    rect(g, stone, ax - 1.5, ground - 34, 3, 28);
    rect(g, mix(stone, Ink.paper, 0.12), ax - 1.5, ground - 34, 1, 28);
    rect(g, stone, ax - 2.5, ground - 36, 5, 2);
    const gold = mix(Ink.gold, NIGHT_SHADE, 0.3);
    soft(g, gold, [[ax, ground - 45], [ax + 1, ground - 41], [ax + 1, ground - 36], [ax - 1, ground - 36], [ax - 1, ground - 41]], 1);
    poly(g, gold, [[ax - 0.5, ground - 42], [ax - 5, ground - 46], [ax - 3.5, ground - 41]]);
    poly(g, gold, [[ax + 0.5, ground - 42], [ax + 5, ground - 47], [ax + 3.5, ground - 41]]);
    // paired street lamps down both sides of the avenue, shrinking toward the Angel
    for (let k = 0; k < 8; k++) {
      const t = k / 7;
      const s = 1 - 0.82 * t;
      for (const x of [20 + t * (ax - 48), VISTA.w - 16 - t * (VISTA.w - ax - 34)]) {
        halo(g, Ink.lampLight, x, ground - 30 * s, 10 * s + 2, 10 * s + 2, 0.5, 8);
        oval(g, Ink.lampLight, x, ground - 30 * s, 3 * s + 1.5, 3 * s + 1.5);
      }
    }
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
    const face = mix(STONE, NIGHT_SHADE, 0.5);
    rect(g, mix(face, Ink.ink, 0.2), 12, 18, 436, 382);
    rect(g, face, 16, 24, 428, 376);
    rect(g, mix(face, Ink.paper, 0.25), 16, 24, 428, 10);
    for (let i = 0; i < BAYS; i++) {
      for (let j = 0; j < FLOORS; j++) {
        const x = WIN.x0 + i * WIN.dx;
        const y = WIN.y0 + j * WIN.dy;
        rect(g, mix(Ink.night, NIGHT_SHADE, 0.25), x, y, WIN.w, WIN.h);
        rect(g, mix(face, Ink.ink, 0.25), x, y + WIN.h, WIN.w, 3);
      }
    }
    for (let i = 0; i <= BAYS; i++) rect(g, mix(face, Ink.paper, 0.15), WIN.x0 - 9 + i * WIN.dx, 34, 4, 300);
    // ground floor: a deep loggia and a canopy over the door
    rect(g, mix(Ink.night, NIGHT_SHADE, 0.2), 16, 336, 428, 64);
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
    rect(g, mix(Ink.greenDeep, NIGHT_SHADE, 0.35), 0, 0, 960, 46);
    rect(g, mix(STONE, NIGHT_SHADE, 0.5), 0, 42, 960, 14);
    rect(g, 0x3b3a4c, 0, 56, 960, 86);
    for (let x = 20; x < 960; x += 90) rect(g, mix(STONE, NIGHT_SHADE, 0.3), x, 98, 44, 4);
    rect(g, mix(STONE, NIGHT_SHADE, 0.4), 0, 142, 960, h - 142);
    rect(g, mix(STONE, Ink.ink, 0.35), 0, 142, 960, 5);
    for (let x = 0; x < 960; x += 64) rect(g, mix(STONE, NIGHT_SHADE, 0.55), x, 147, 2, h - 147);
  });
}

/**
 * The trees along Reforma in November: evergreen foliage, dark, lit from below by the lamps. They
 * stop short of the left edge so that the view up the avenue stays open.
 */
export function bakeTrees(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.trees, 960, 150, (g) => {
    const r = scatter(11);
    const back = mix(Ink.greenDeep, Ink.nightDeep, 0.6);
    const mid = mix(Ink.greenDeep, NIGHT_SHADE, 0.45);
    const lit = mix(Ink.green, Ink.lamp, 0.22);
    for (let i = 5; i < 16; i++) {
      const x = i * 64 + r() * 30;
      const s = 0.7 + r() * 0.5;
      const top = 84 - 40 * s;
      rect(g, mix(Ink.mahoganyDeep, Ink.night, 0.55), x - 3, 80, 6, 70);
      oval(g, back, x + 14, top + 26, 80 * s, 56 * s);
      oval(g, mid, x, top + 30, 70 * s, 60 * s);
      oval(g, mid, x - 20 * s, top + 40, 50 * s, 40 * s);
      // the underside of the crown, where the street lamps catch it
      oval(g, lit, x - 4 * s, top + 46 * s, 36 * s, 10 * s, 0.22);
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

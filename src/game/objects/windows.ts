/**
 * Windows onto the city, and the room's shadow. A window is a sky pane (a shape whose colour
 * follows the hour), a skyline, the skyline's lit windows (night only) and a baked frame.
 * The shadow is a night-blue sheet laid over the room in multiply mode, with soft holes where
 * lamps keep the room lit; its strength follows the hour (see Daylight).
 */
import * as Phaser from 'phaser';
import { TextureKey } from '../keys.ts';
import { bake, oval, rect, scatter, type Draw } from './art.ts';
import { Ink, mix } from './palette.ts';
import type { DaylightParts } from './daylight.ts';

export interface Pool {
  x: number;
  y: number;
  rx: number;
  ry: number;
}

/** A full-screen shadow sheet with soft lit pools (each ring: the room minus an ellipse). */
export function bakeShade(scene: Phaser.Scene, key: string, pools: readonly Pool[]): string {
  return bake(scene, key, 960, 540, (g) => {
    rect(g, Ink.night, 0, 0, 960, 540, pools.length === 0 ? 1 : 0.4);
    const rings = 18;
    for (let k = 0; k < rings && pools.length > 0; k++) {
      const t = 0.25 + (k / (rings - 1)) * 1.05;
      const pts: Phaser.Math.Vector2[] = [
        new Phaser.Math.Vector2(0, 0), new Phaser.Math.Vector2(960, 0),
        new Phaser.Math.Vector2(960, 540), new Phaser.Math.Vector2(0, 540), new Phaser.Math.Vector2(0, 0),
      ];
      for (const p of pools) {
        const n = 56;
        for (let i = 0; i <= n; i++) {
          const a = -(i / n) * Math.PI * 2;
          pts.push(new Phaser.Math.Vector2(p.x + Math.cos(a) * p.rx * t, p.y + Math.sin(a) * p.ry * t));
        }
        pts.push(new Phaser.Math.Vector2(0, 0));
      }
      g.fillStyle(Ink.night, 0.075);
      g.fillPoints(pts, true, true);
    }
  });
}

/** A generic city at a distance: flat blocks, a dome, a tower. */
export function bakeSkyline(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.citySkyline, 480, 160, (g) => {
    const r = scatter(23);
    const far = mix(Ink.nightLight, Ink.steel, 0.4);
    for (let x = 0; x < 480; x += 26) rect(g, far, x, 80 + r() * 30, 30, 80);
    const near = mix(Ink.night, Ink.steelDeep, 0.45);
    let x = 0;
    while (x < 480) {
      const w = 30 + r() * 46;
      const h = 40 + r() * 70;
      rect(g, near, x, 160 - h, w, h);
      x += w + 4;
    }
    oval(g, near, 330, 92, 56, 50);
    rect(g, near, 302, 92, 56, 68);
    rect(g, near, 120, 24, 26, 136);
    rect(g, near, 128, 8, 10, 20);
  });
}

export function bakeCityLights(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.cityLights, 480, 160, (g) => {
    const r = scatter(5);
    for (let i = 0; i < 150; i++) {
      const x = r() * 476;
      const y = 70 + r() * 88;
      rect(g, r() < 0.7 ? Ink.lamp : Ink.lampLight, x, y, 3, 3, 0.9);
    }
    for (let y = 34; y < 150; y += 12) rect(g, Ink.lamp, 125, y, 3, 3);
  });
}

export interface WindowSpec {
  x: number;
  y: number;
  w: number;
  h: number;
  frameKey: string;
  drawFrame: Draw;
  /** Skyline placement relative to the window's top-left. */
  skylineY?: number;
}

/** Builds a window; returns the parts that follow the hour. */
export function addWindow(scene: Phaser.Scene, spec: WindowSpec): DaylightParts {
  const sky = scene.add.rectangle(spec.x, spec.y, spec.w, spec.h, Ink.night).setOrigin(0, 0);
  const skyline = bakeSkyline(scene);
  const lights = bakeCityLights(scene);
  const sy = spec.y + (spec.skylineY ?? spec.h - 130);
  const crop = (img: Phaser.GameObjects.Image): Phaser.GameObjects.Image =>
    img.setCrop(0, 0, Math.min(480, spec.w), Math.max(0, spec.y + spec.h - sy));
  const city = crop(scene.add.image(spec.x, sy, skyline).setOrigin(0, 0));
  const lit = crop(scene.add.image(spec.x, sy, lights).setOrigin(0, 0));
  city.setAlpha(0.9);
  scene.add.image(spec.x, spec.y, bake(scene, spec.frameKey, spec.w, spec.h, spec.drawFrame)).setOrigin(0, 0);
  return { skies: [sky], nightOnly: [lit] };
}

/** A window frame: mullions, a sill shadow; panes left transparent for the sky. */
export function frameDrawer(w: number, h: number, colour: number, cols: number, rows: number, bar = 6): Draw {
  return (g) => {
    const edge = bar * 1.6;
    rect(g, colour, 0, 0, w, edge);
    rect(g, colour, 0, h - edge, w, edge);
    rect(g, colour, 0, 0, edge, h);
    rect(g, colour, w - edge, 0, edge, h);
    for (let i = 1; i < cols; i++) rect(g, colour, (w * i) / cols - bar / 2, 0, bar, h);
    for (let j = 1; j < rows; j++) rect(g, colour, 0, (h * j) / rows - bar / 2, w, bar);
    rect(g, mix(colour, Ink.white, 0.25), edge, edge, w - edge * 2, 2, 0.6);
  };
}

/**
 * A map of the Americas in the manner of a period atlas plate: parchment, a graticule, water
 * lining along the coasts, a neat border with a scale of degrees, a compass rose. Coastlines
 * are a hand-simplified outline (longitude, latitude in degrees), accurate to a degree or two:
 * decoration, not cartography.
 */
import * as Phaser from 'phaser';
import { TextureKey } from '../keys.ts';
import { bake, line, oval, poly, rect } from './art.ts';
import { Ink, mix } from './palette.ts';

type LonLat = readonly [number, number];

export const FRAME = { x: 243, y: 26, w: 474, h: 488 } as const;
const LON0 = -140;
const LAT0 = 62;
const K = FRAME.h / 119;
const KX = K * 0.96;

/** Degrees to sheet pixels (a plate carrée squeezed a little for the tropics). */
export function project(lon: number, lat: number): [number, number] {
  return [FRAME.x + (lon - LON0) * KX, FRAME.y + (LAT0 - lat) * K];
}

export const WASHINGTON: LonLat = [-77.04, 38.9];

const AMERICAS: readonly LonLat[] = [
  [-141, 69.6], [-129, 70], [-115, 68], [-96, 67.5], [-90, 68.5], [-82, 66.5], [-87, 64], [-94, 61],
  [-93, 58.5], [-88, 56.5], [-82, 55], [-80, 51.5], [-79, 54.5], [-77, 58.5], [-78, 62.3], [-72, 61.8],
  [-65, 60.3], [-61, 56], [-57, 52], [-56, 51.5], [-60, 50.2], [-66, 50.2], [-64.5, 48.9], [-64.8, 47.5],
  [-61, 46], [-61, 45.2], [-66, 44.3], [-66.2, 45.2], [-70, 43.5], [-70.1, 41.7], [-74, 40.5], [-75, 38.5],
  [-76, 36.8], [-75.5, 35.2], [-77.9, 33.9], [-79, 33.2], [-81, 31.8], [-81.3, 29.6], [-80.5, 28],
  [-80, 25.5], [-81, 25.1], [-82, 26.5], [-82.8, 28.5], [-84, 30], [-86, 30.4], [-89, 30.3],
  [-89.3, 29.1], [-91, 29.5], [-94, 29.6], [-97, 28], [-97.5, 26], [-97.8, 22.5], [-96.5, 19.5],
  [-94.5, 18.2], [-92, 18.6], [-90.5, 19.6], [-90.3, 21], [-87, 21.5], [-87.5, 18.5], [-88.2, 16],
  [-86, 15.9], [-83.3, 15], [-83.7, 11], [-82.5, 9.5], [-79.5, 9.5], [-77.4, 8.6], [-75.5, 10.5],
  [-72, 11.8], [-71.5, 10.5], [-68, 10.5], [-64, 10.6], [-61.8, 10.6], [-60, 8.5], [-57, 6],
  [-54, 5.8], [-51.5, 4.3], [-50, 1.8], [-49, -0.5], [-44, -2.5], [-40, -2.9], [-35, -5.3],
  [-34.8, -8], [-37, -11], [-39, -14], [-39.3, -17.5], [-40.5, -20.5], [-42, -23], [-44.5, -23.3],
  [-48.5, -26], [-48.8, -28.5], [-50.5, -31], [-53, -33.7], [-55, -34.9], [-57.5, -34.5],
  [-58.3, -34.3], [-57.5, -36.3], [-57.5, -38.2], [-62, -39], [-62.3, -40.7], [-65, -41],
  [-64.5, -42.5], [-65.5, -45], [-67.5, -46.3], [-65.9, -47.8], [-68.3, -50.1], [-69, -51.6],
  [-68.4, -52.4], [-68.6, -54.8], [-66.8, -55], [-68, -55.6], [-71.5, -53.8], [-74.5, -52],
  [-75.5, -48], [-74, -45], [-73.5, -42], [-73.7, -37], [-71.6, -33], [-71.3, -29.9], [-70.5, -23.6],
  [-70.2, -18.5], [-71.3, -17.6], [-76, -14], [-77.1, -12], [-79.6, -7.5], [-81.3, -4.5], [-80.3, -3.4],
  [-80.9, -1], [-80, 1], [-78.9, 1.8], [-77.5, 4], [-77.3, 7], [-78.4, 8.3], [-79.5, 8.9], [-80.5, 7.3],
  [-82.9, 8.2], [-85.7, 10], [-85.9, 11.3], [-87.5, 13], [-89.7, 13.5], [-91.5, 14], [-92.5, 14.7],
  [-94.7, 16.2], [-96.5, 15.7], [-99.9, 16.8], [-101.5, 17.8], [-105.2, 19.5], [-105.7, 20.5],
  [-105.5, 22.4], [-108.9, 25.5], [-111, 27.9], [-112.8, 30.5], [-114.8, 31.7], [-114.2, 29.5],
  [-112.6, 27], [-110.3, 24], [-109.5, 23], [-111.8, 24.5], [-112.3, 26], [-114.1, 28], [-115.7, 30.4],
  [-117.1, 32.5], [-118.5, 34], [-120.6, 34.6], [-122.5, 37.7], [-124.2, 40.4], [-124.5, 43],
  [-124, 46.3], [-124.7, 48.4], [-123, 49], [-127.5, 50.8], [-130.5, 54.5], [-133, 57.3], [-137, 58.7],
  [-141, 60], [-141, 69.6],
];

const ISLANDS: readonly (readonly LonLat[])[] = [
  [[-85, 21.9], [-82, 23.1], [-80, 23], [-77, 21.6], [-74.2, 20.2], [-77.7, 19.9], [-80.5, 21.7], [-82.6, 21.6]],
  [[-74.4, 18.4], [-72.8, 19.9], [-70, 19.7], [-68.4, 18.6], [-70, 18.2], [-71.5, 17.6]],
  [[-78.3, 18.4], [-76.2, 18], [-77, 17.7]],
  [[-67.2, 18.5], [-65.6, 18.3], [-67.2, 18]],
  [[-59.3, 47.6], [-55.5, 51.6], [-53, 48.5], [-52.7, 47.5], [-56, 46.9]],
  [[-49, 62], [-44, 59.8], [-41, 62], [-40, 64], [-52, 64], [-50, 62]],
  [[-128, 50.8], [-123.4, 48.4], [-125, 49.5]],
  [[-80, 62.5], [-73, 62.5], [-66, 64], [-62, 66.5], [-68, 68], [-78, 64.5]],
];

function points(coords: readonly LonLat[]): Phaser.Math.Vector2[] {
  return coords.map(([lon, lat]) => new Phaser.Math.Vector2(...project(lon, lat)));
}

const PARCHMENT = Ink.parchment;
const LAND = mix(Ink.cream, Ink.oliveLight, 0.35);
const SEA = mix(Ink.sea, Ink.parchment, 0.35);

export function bakeMapSheet(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.mapSheet, 960, 540, (g) => {
    rect(g, mix(Ink.mahoganyDeep, Ink.ink, 0.3), 0, 0, 960, 540);
    rect(g, PARCHMENT, 14, 8, 932, 524);
    rect(g, mix(PARCHMENT, Ink.walnut, 0.15), 14, 8, 932, 6);
    rect(g, SEA, FRAME.x, FRAME.y, FRAME.w, FRAME.h);
    const shapes = [AMERICAS, ...ISLANDS].map(points);
    // water lining: the coast echoed in the sea, fading outward
    shapes.forEach((s, i) => {
      const k = i === 0 ? 1 : 0.45;
      for (const [w, a] of [[22, 0.1], [14, 0.12], [7, 0.16]] as const) {
        g.lineStyle(w * k, mix(Ink.seaDeep, Ink.steel, 0.3), a);
        g.strokePoints(s, true, true);
      }
    });
    for (const s of shapes) {
      g.fillStyle(LAND, 1);
      g.fillPoints(s, true, true);
      g.lineStyle(1.4, mix(Ink.walnut, Ink.ink, 0.3), 0.9);
      g.strokePoints(s, true, true);
    }
    // the graticule, every fifteen degrees
    for (let lon = -135; lon <= -30; lon += 15) {
      const [x] = project(lon, 0);
      line(g, Ink.walnut, 1, x, FRAME.y, x, FRAME.y + FRAME.h, 0.3);
    }
    for (let lat = -45; lat <= 60; lat += 15) {
      const [, y] = project(0, lat);
      line(g, Ink.walnut, lat === 0 ? 1.6 : 1, FRAME.x, y, FRAME.x + FRAME.w, y, lat === 0 ? 0.5 : 0.3);
    }
    // the surround: mask the overflow, then the neat line with its scale of degrees
    rect(g, PARCHMENT, 0, 0, FRAME.x, 540);
    rect(g, PARCHMENT, FRAME.x + FRAME.w, 0, 960 - FRAME.x - FRAME.w, 540);
    rect(g, PARCHMENT, FRAME.x, 0, FRAME.w, FRAME.y);
    rect(g, PARCHMENT, FRAME.x, FRAME.y + FRAME.h, FRAME.w, 540 - FRAME.y - FRAME.h);
    const edge = mix(Ink.mahoganyDeep, Ink.ink, 0.3);
    rect(g, edge, 0, 0, 960, 8);
    rect(g, edge, 0, 532, 960, 8);
    rect(g, edge, 0, 0, 14, 540);
    rect(g, edge, 946, 0, 14, 540);
    g.lineStyle(2, Ink.ink, 0.85);
    g.strokeRect(FRAME.x - 7, FRAME.y - 7, FRAME.w + 14, FRAME.h + 14);
    g.lineStyle(1, Ink.ink, 0.85);
    g.strokeRect(FRAME.x, FRAME.y, FRAME.w, FRAME.h);
    for (let lat = LAT0; lat > LAT0 - 119; lat -= 5) {
      const [, y] = project(0, lat);
      const h = Math.min(K * 5, FRAME.y + FRAME.h - y);
      if ((lat / 5) % 2 === 0) {
        rect(g, Ink.ink, FRAME.x - 6, y, 5, h, 0.8);
        rect(g, Ink.ink, FRAME.x + FRAME.w + 1, y, 5, h, 0.8);
      }
    }
    compass(g, 128, 418, 56);
    cartouche(g, 832, 120);
    scaleBar(g, 772, 452);
  });
}

function compass(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number): void {
  g.lineStyle(1.4, Ink.walnut, 0.8);
  g.strokeCircle(x, y, r * 0.72);
  g.strokeCircle(x, y, r * 0.64);
  for (let i = 0; i < 8; i++) {
    const a = (i / 8) * Math.PI * 2 - Math.PI / 2;
    const len = i % 2 === 0 ? r : r * 0.55;
    const side = a + Math.PI / 2;
    const tip: [number, number] = [x + Math.cos(a) * len, y + Math.sin(a) * len];
    const w = r * 0.13;
    poly(g, i === 0 ? Ink.red : Ink.ink, [[x, y], [x + Math.cos(side) * w, y + Math.sin(side) * w], tip], 0.85);
    poly(g, mix(Ink.cream, Ink.walnut, 0.2), [[x, y], [x - Math.cos(side) * w, y - Math.sin(side) * w], tip], 0.95);
  }
  oval(g, Ink.gold, x, y, 8, 8);
}

/** An empty ornamental cartouche: a ruled panel under a ribbon, as on an atlas title. */
function cartouche(g: Phaser.GameObjects.Graphics, x: number, y: number): void {
  g.lineStyle(2, Ink.walnut, 0.8);
  g.strokeRoundedRect(x - 80, y - 54, 160, 108, 14);
  g.lineStyle(1, Ink.walnut, 0.6);
  g.strokeRoundedRect(x - 72, y - 46, 144, 92, 10);
  poly(g, Ink.red, [[x - 96, y - 66], [x + 96, y - 66], [x + 84, y - 54], [x + 96, y - 42], [x - 96, y - 42], [x - 84, y - 54]], 0.75);
  for (let k = 0; k < 4; k++) line(g, Ink.walnut, 1.5, x - 50 + (k % 2) * 12, y - 20 + k * 14, x + 50 - (k % 2) * 12, y - 20 + k * 14, 0.35);
  oval(g, Ink.gold, x, y + 38, 10, 10);
}

/** A scale bar in alternating ink and paper segments. */
function scaleBar(g: Phaser.GameObjects.Graphics, x: number, y: number): void {
  for (let i = 0; i < 6; i++) rect(g, i % 2 === 0 ? Ink.ink : Ink.paper, x + i * 20, y, 20, 6, 0.85);
  g.lineStyle(1, Ink.ink, 0.85);
  g.strokeRect(x, y, 120, 6);
  for (let i = 0; i <= 6; i++) line(g, Ink.ink, 1, x + i * 20, y - 4, x + i * 20, y, 0.85);
}

/** The post's place on the plate, from the scenario; null for a text that gives none (a kept early text). */
export function postAt(post: { lat?: number | undefined; lon?: number | undefined }): LonLat | null {
  return post.lat !== undefined && post.lon !== undefined ? [post.lon, post.lat] : null;
}

/** The route from the post to Washington as a dashed red line, to be revealed left to right. */
export function bakeRoute(scene: Phaser.Scene, from: LonLat): { key: string; x: number; y: number; w: number; h: number } {
  const [x1, y1] = project(...from);
  const [x2, y2] = project(...WASHINGTON);
  const pad = 20;
  const x = Math.min(x1, x2) - pad;
  const y = Math.min(y1, y2) - pad;
  const w = Math.abs(x2 - x1) + pad * 2;
  const h = Math.abs(y2 - y1) + pad * 2;
  const key = bake(scene, TextureKey.mapRoute, w, h, (g) => {
    const a: [number, number] = [x1 - x, y1 - y];
    const b: [number, number] = [x2 - x, y2 - y];
    // a gentle arc, bowed toward the north-west like a great circle
    const c: [number, number] = [(a[0] + b[0]) / 2 - 10, (a[1] + b[1]) / 2 - 12];
    const curve = new Phaser.Curves.QuadraticBezier(new Phaser.Math.Vector2(...a), new Phaser.Math.Vector2(...c), new Phaser.Math.Vector2(...b));
    const pts = curve.getSpacedPoints(26);
    for (let i = 0; i + 1 < pts.length; i += 2) {
      const p = pts[i] as Phaser.Math.Vector2;
      const q = pts[i + 1] as Phaser.Math.Vector2;
      line(g, Ink.red, 3, p.x, p.y, q.x, q.y);
    }
  });
  return { key, x, y, w, h };
}

export function bakeMarker(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.mapMarker, 24, 24, (g) => {
    oval(g, Ink.ink, 12, 12, 20, 20);
    oval(g, Ink.paper, 12, 12, 13, 13);
    oval(g, Ink.red, 12, 12, 7, 7);
  });
}

/**
 * Drawing helpers shared by every piece of art. All art is drawn once with Phaser Graphics and
 * baked into a texture (`bake`), so a frame only blits images: nothing is redrawn per frame.
 */
import * as Phaser from 'phaser';
import { Ink, mix } from './palette.ts';
import { RegistryKey } from '../keys.ts';
import { randomStream } from '../../core/engine/rng.ts';

export type Pt = readonly [number, number];
export type Draw = (g: Phaser.GameObjects.Graphics) => void;

/**
 * Draws into a new texture under `key` unless it already exists (textures outlive scenes, so a
 * room revisited costs nothing). Returns the key.
 */
export function bake(scene: Phaser.Scene, key: string, width: number, height: number, draw: Draw): string {
  if (scene.textures.exists(key)) return key;
  const g = scene.make.graphics({}, false);
  draw(g);
  g.generateTexture(key, Math.ceil(width), Math.ceil(height));
  g.destroy();
  return key;
}

function v(x: number, y: number): Phaser.Math.Vector2 {
  return new Phaser.Math.Vector2(x, y);
}

/**
 * A polygon with its corners rounded by `radius` (each corner becomes a short quadratic curve):
 * the soft, cut-paper shapes of the style.
 */
export function softPoints(pts: readonly Pt[], radius: number): Phaser.Math.Vector2[] {
  const out: Phaser.Math.Vector2[] = [];
  const n = pts.length;
  for (let i = 0; i < n; i++) {
    const p = pts[i] as Pt;
    const a = pts[(i - 1 + n) % n] as Pt;
    const b = pts[(i + 1) % n] as Pt;
    const da = Math.hypot(a[0] - p[0], a[1] - p[1]);
    const db = Math.hypot(b[0] - p[0], b[1] - p[1]);
    const r = Math.min(radius, da / 2, db / 2);
    if (r <= 0.01 || da === 0 || db === 0) {
      out.push(v(p[0], p[1]));
      continue;
    }
    const s: Pt = [p[0] + ((a[0] - p[0]) * r) / da, p[1] + ((a[1] - p[1]) * r) / da];
    const e: Pt = [p[0] + ((b[0] - p[0]) * r) / db, p[1] + ((b[1] - p[1]) * r) / db];
    const steps = 6;
    for (let k = 0; k <= steps; k++) {
      const t = k / steps;
      const u = 1 - t;
      out.push(v(u * u * s[0] + 2 * u * t * p[0] + t * t * e[0], u * u * s[1] + 2 * u * t * p[1] + t * t * e[1]));
    }
  }
  return out;
}

/** Fills a soft polygon. */
export function soft(g: Phaser.GameObjects.Graphics, color: number, pts: readonly Pt[], radius = 6, alpha = 1): void {
  g.fillStyle(color, alpha);
  g.fillPoints(softPoints(pts, radius), true, true);
}

/** Fills a sharp polygon. */
export function poly(g: Phaser.GameObjects.Graphics, color: number, pts: readonly Pt[], alpha = 1): void {
  g.fillStyle(color, alpha);
  g.fillPoints(pts.map((p) => v(p[0], p[1])), true, true);
}

/** Fills an ellipse given by its centre and full width and height. */
export function oval(g: Phaser.GameObjects.Graphics, color: number, x: number, y: number, w: number, h: number, alpha = 1): void {
  g.fillStyle(color, alpha);
  g.fillEllipse(x, y, w, h, 28);
}

export function rect(g: Phaser.GameObjects.Graphics, color: number, x: number, y: number, w: number, h: number, alpha = 1): void {
  g.fillStyle(color, alpha);
  g.fillRect(x, y, w, h);
}

export function round(g: Phaser.GameObjects.Graphics, color: number, x: number, y: number, w: number, h: number, r: number, alpha = 1): void {
  g.fillStyle(color, alpha);
  g.fillRoundedRect(x, y, w, h, Math.min(r, w / 2, h / 2));
}

export function line(g: Phaser.GameObjects.Graphics, color: number, width: number, x1: number, y1: number, x2: number, y2: number, alpha = 1): void {
  g.lineStyle(width, color, alpha);
  g.lineBetween(x1, y1, x2, y2);
}

/** A vertical gradient as flat bands (Canvas textures cannot bake Phaser's gradient fills). */
export function bands(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number, stops: readonly number[], count = 48): void {
  const segments = stops.length - 1;
  const step = h / count;
  for (let i = 0; i < count; i++) {
    const t = (i / (count - 1)) * segments;
    const k = Math.min(segments - 1, Math.floor(t));
    const c = mix(stops[k] ?? 0, stops[k + 1] ?? stops[k] ?? 0, t - k);
    g.fillStyle(c, 1);
    g.fillRect(x, y + i * step, w, step + 1);
  }
}

/** A soft radial light: concentric discs of low alpha (for baking a glow texture once). */
export function halo(g: Phaser.GameObjects.Graphics, color: number, x: number, y: number, rx: number, ry: number, alpha: number, rings = 24): void {
  for (let i = 0; i < rings; i++) {
    const t = 1 - i / rings;
    g.fillStyle(color, alpha / rings * 2.2 * (1 - t * 0.5));
    g.fillEllipse(x, y, rx * 2 * t, ry * 2 * t, 40);
  }
}

/** A deterministic stream of floats in [0, 1) (core's seeded PRNG) so decorative scatter is the same on every load. */
export const scatter = randomStream;

/**
 * The sheet of fine print grain laid over every room, so flat colour reads as ink on paper: a canvas
 * of the game's size, drawn once. startGame lays it over Phaser's canvas as an element of the page,
 * so the browser composites it and no frame redraws it.
 */
export function grainCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  const rgb = (c: number): string => `${(c >> 16) & 255}, ${(c >> 8) & 255}, ${c & 255}`;
  const r = scatter(1962);
  for (let i = 0; i < 7000; i++) {
    const dark = r() < 0.75;
    ctx.fillStyle = `rgba(${rgb(dark ? Ink.ink : Ink.paper)}, ${0.04 + r() * 0.05})`;
    ctx.fillRect(Math.floor(r() * width), Math.floor(r() * height), 1 + Math.floor(r() * 2), 1 + Math.floor(r() * 2));
  }
  return canvas;
}

/**
 * The student's system asks for less motion: ambient animation stays still, and what would move
 * (a clock's hands, the light, a fade) is shown at its end at once. startGame keeps the value in
 * the game's registry from the presentation store (src/store/presentation.ts).
 */
export function prefersReducedMotion(scene: Phaser.Scene): boolean {
  return scene.registry.get(RegistryKey.reducedMotion) === true;
}

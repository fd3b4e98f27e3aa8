/**
 * Indoor flags on poles, hanging in soft folds: the United States flag (the ambassador's
 * office, the auditorium) and the flag of Mexico (the Foreign Secretary's office).
 */
import type * as Phaser from 'phaser';
import { TextureKey } from '../keys.ts';
import { bake, oval, poly, rect, soft } from './art.ts';
import { Ink, mix } from './palette.ts';

const W = 150;
const H = 100;
const POLE_X = 10;
const TOP = 30;

type Warp = (u: number, v: number) => [number, number];

/** The cloth: u across (0 at the pole), v down; droops toward the fly and ripples in folds. */
const warp: Warp = (u, v) => [POLE_X + 6 + u * W * (1 - 0.08 * v), TOP + v * H + u * u * 34 + Math.sin(u * Math.PI * 3) * 5];

function patch(g: Phaser.GameObjects.Graphics, colour: number, u0: number, v0: number, u1: number, v1: number): void {
  const pts: [number, number][] = [];
  const n = 12;
  for (let i = 0; i <= n; i++) pts.push(warp(u0 + ((u1 - u0) * i) / n, v0));
  for (let i = n; i >= 0; i--) pts.push(warp(u0 + ((u1 - u0) * i) / n, v1));
  poly(g, colour, pts);
}

function folds(g: Phaser.GameObjects.Graphics): void {
  for (let k = 0; k < 3; k++) {
    const u = 0.22 + k * 0.33;
    const pts: [number, number][] = [];
    for (let i = 0; i <= 8; i++) pts.push(warp(u, i / 8));
    for (let i = 8; i >= 0; i--) pts.push(warp(u + 0.12, i / 8));
    poly(g, Ink.ink, pts, 0.16);
  }
}

function pole(g: Phaser.GameObjects.Graphics, height: number): void {
  rect(g, Ink.goldDeep, POLE_X, 20, 6, height - 40);
  soft(g, Ink.gold, [[POLE_X + 3, 0], [POLE_X + 9, 12], [POLE_X + 3, 22], [POLE_X - 3, 12]], 2);
  oval(g, Ink.gold, POLE_X + 3, 24, 12, 6);
  soft(g, Ink.goldDeep, [[POLE_X - 12, height], [POLE_X - 4, height - 24], [POLE_X + 10, height - 24], [POLE_X + 18, height]], 4);
}

export function bakeUsFlag(scene: Phaser.Scene, height = 360): string {
  return bake(scene, TextureKey.usFlag, W + 40, height, (g) => {
    pole(g, height);
    for (let s = 0; s < 13; s++) patch(g, s % 2 === 0 ? Ink.red : Ink.white, 0, s / 13, 1, (s + 1) / 13);
    patch(g, Ink.navy, 0, 0, 0.4, 7 / 13);
    for (let r = 0; r < 9; r++) {
      const count = r % 2 === 0 ? 6 : 5;
      for (let c = 0; c < count; c++) {
        const [x, y] = warp(0.035 + (c + (r % 2 === 0 ? 0 : 0.5)) * 0.062, 0.04 + r * 0.055);
        rect(g, Ink.white, x, y, 1.6, 1.6);
      }
    }
    folds(g);
    for (let i = 0; i <= 20; i++) {
      const [x, y] = warp(1, i / 20);
      oval(g, Ink.gold, x, y, 3, 3);
    }
  });
}

export function bakeMexicanFlag(scene: Phaser.Scene, height = 380): string {
  return bake(scene, TextureKey.mexicanFlag, W + 40, height, (g) => {
    pole(g, height);
    patch(g, Ink.green, 0, 0, 1 / 3, 1);
    patch(g, Ink.white, 1 / 3, 0, 2 / 3, 1);
    patch(g, Ink.red, 2 / 3, 0, 1, 1);
    // the coat of arms, as a small emblem only: a brown bird over a green wreath
    const [cx, cy] = warp(0.5, 0.5);
    g.lineStyle(2.4, mix(Ink.green, Ink.olive, 0.3), 1);
    g.beginPath();
    g.arc(cx, cy, 10, Math.PI * 0.15, Math.PI * 0.85, false);
    g.strokePath();
    oval(g, Ink.walnut, cx, cy - 2, 10, 12);
    oval(g, Ink.walnut, cx + 3, cy - 9, 5, 5);
    soft(g, Ink.walnut, [[cx - 8, cy - 6], [cx - 2, cy - 10], [cx, cy - 2]], 1);
    folds(g);
    for (let i = 0; i <= 20; i++) {
      const [x, y] = warp(1, i / 20);
      oval(g, Ink.gold, x, y, 3, 3);
    }
  });
}

/**
 * The geometry of the stage's partial redraw (src/game/objects/stage-boxes.ts): the rectangles it
 * plans cover every changed box, never overlap (each is drawn once under its own clip), never cut
 * through a box that must stay whole, lie on whole pixels inside the stage, and give way to a whole
 * redraw when there are too many or they cover most of the stage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlap, planBoxes, type Box, type PlanLimits } from '../../src/game/objects/stage-boxes.ts';

const LIMITS: PlanLimits = { width: 960, height: 540, pad: 2, most: 12, share: 0.6 };

/** A box somewhere on (or partly off) the stage, in fractional pixels, as an object's bounds are. */
const box = fc
  .record({ x: fc.double({ min: -50, max: 1000, noNaN: true }), y: fc.double({ min: -50, max: 580, noNaN: true }), w: fc.double({ min: 0.5, max: 160, noNaN: true }), h: fc.double({ min: 0.5, max: 160, noNaN: true }) })
  .map(({ x, y, w, h }): Box => ({ left: x, top: y, right: x + w, bottom: y + h }));

const area = (b: Box): number => (b.right - b.left) * (b.bottom - b.top);
const contains = (a: Box, b: Box): boolean => a.left <= b.left && a.top <= b.top && a.right >= b.right && a.bottom >= b.bottom;

/** `b` as the plan must cover it: padded, in whole pixels, clipped to the stage; null when off it. */
function onStage(b: Box): Box | null {
  const out = {
    left: Math.max(0, Math.floor(b.left) - LIMITS.pad),
    top: Math.max(0, Math.floor(b.top) - LIMITS.pad),
    right: Math.min(LIMITS.width, Math.ceil(b.right) + LIMITS.pad),
    bottom: Math.min(LIMITS.height, Math.ceil(b.bottom) + LIMITS.pad),
  };
  return out.right > out.left && out.bottom > out.top ? out : null;
}

/** Whether every pixel of `b` lies in one of `plan` (counted pixel row by pixel row over the plan's edges). */
function covered(b: Box, plan: readonly Box[]): boolean {
  const xs = [...new Set([b.left, b.right, ...plan.flatMap((p) => [p.left, p.right])])].filter((x) => x >= b.left && x <= b.right).sort((m, n) => m - n);
  const ys = [...new Set([b.top, b.bottom, ...plan.flatMap((p) => [p.top, p.bottom])])].filter((y) => y >= b.top && y <= b.bottom).sort((m, n) => m - n);
  for (let i = 0; i + 1 < xs.length; i++) {
    for (let j = 0; j + 1 < ys.length; j++) {
      const cell = { left: xs[i] as number, right: xs[i + 1] as number, top: ys[j] as number, bottom: ys[j + 1] as number };
      if (!plan.some((p) => contains(p, cell))) return false;
    }
  }
  return true;
}

describe('planning the rectangles of a partial redraw', () => {
  it('plans nothing when nothing changed, and nothing for boxes off the stage', () => {
    expect(planBoxes([], LIMITS)).toEqual([]);
    expect(planBoxes([{ left: 1200, top: 10, right: 1300, bottom: 40 }, { left: -90, top: -90, right: -10, bottom: -10 }], LIMITS)).toEqual([]);
  });

  it('covers every changed box with separate whole-pixel rectangles inside the stage', () => {
    fc.assert(
      fc.property(fc.array(box, { maxLength: 14 }), (boxes) => {
        const plan = planBoxes(boxes, LIMITS);
        if (plan === null) return;
        for (const p of plan) {
          expect([p.left, p.top, p.right, p.bottom].every(Number.isInteger)).toBe(true);
          expect(p.left >= 0 && p.top >= 0 && p.right <= LIMITS.width && p.bottom <= LIMITS.height && area(p) > 0).toBe(true);
        }
        for (let i = 0; i < plan.length; i++) for (let j = i + 1; j < plan.length; j++) expect(overlap(plan[i] as Box, plan[j] as Box)).toBe(false);
        for (const b of boxes) {
          const need = onStage(b);
          if (need) expect(covered(need, plan)).toBe(true);
        }
        expect(plan.length).toBeLessThanOrEqual(LIMITS.most);
      }),
      { numRuns: 300 },
    );
  });

  it('takes a box that must stay whole in whole, or leaves it out altogether', () => {
    fc.assert(
      fc.property(fc.array(box, { maxLength: 10 }), fc.array(box, { maxLength: 6 }), (boxes, whole) => {
        const plan = planBoxes(boxes, LIMITS, whole);
        if (plan === null) return;
        for (const w of whole) {
          const need = onStage(w);
          if (!need) continue;
          const reached = plan.filter((p) => overlap(p, need));
          expect(reached.length === 0 || (reached.length === 1 && contains(reached[0] as Box, need))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('joins an object’s old and new places into one rectangle', () => {
    const head = { left: 300.4, top: 218.2, right: 372.6, bottom: 301.5 };
    const moved = { left: 300.4, top: 219.4, right: 372.6, bottom: 302.7 };
    expect(planBoxes([head, moved], LIMITS)).toEqual([{ left: 298, top: 216, right: 375, bottom: 305 }]);
  });

  it('has the whole stage drawn when most of it changed, or when the rectangles would be too many', () => {
    expect(planBoxes([{ left: 0, top: 0, right: 800, bottom: 500 }], LIMITS)).toBeNull();
    const scattered = Array.from({ length: 20 }, (_, i): Box => ({ left: (i % 5) * 190, top: Math.floor(i / 5) * 130, right: (i % 5) * 190 + 20, bottom: Math.floor(i / 5) * 130 + 20 }));
    expect(planBoxes(scattered, LIMITS)).toBeNull();
  });
});

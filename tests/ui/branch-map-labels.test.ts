/**
 * The class map's counts: for a real class, no two numbers on the lines are written over each
 * other (two choices that lead to the same step used to get the same middle point: "22" over "22").
 */
import { describe, expect, it } from 'vitest';
import { verifyLogText } from '../../src/core/log/verify.ts';
import { classSummary } from '../../src/core/review/summary.ts';
import { reviewRow } from '../../src/core/review/model.ts';
import { COUNT_LABEL, countLabelAt, layoutMap } from '../../src/ui/branch-map-layout.ts';
import { classLogs } from '../fixtures/class-logs.ts';
import { currentRefs, keptTexts } from '../core/log/format2-fixtures.ts';

describe('the counts on the class map', () => {
  it('never overlap for a real class', async () => {
    const refs = await currentRefs();
    const library = await keptTexts();
    const items = [];
    for (const log of await classLogs(60)) {
      const result = await verifyLogText(log.text, refs, { library });
      if (!result.ok) throw new Error(`${log.name} should verify`);
      items.push({ row: reviewRow(log.name, result, ''), scenario: result.scenario.scenario, state: result.replay.state });
    }
    const scenario = items[0]?.scenario;
    if (!scenario) throw new Error('no class');
    const { counts } = classSummary(items);
    const layout = layoutMap(scenario);
    const numbered = layout.edges.filter((e) => (counts.edges[e.key] ?? 0) > 0);
    const placed = countLabelAt(layout, new Set(numbered.map((e) => e.key)));
    const boxes = numbered.map((e) => {
      const at = placed.get(e.key) ?? e.label;
      const w = String(counts.edges[e.key]).length * COUNT_LABEL.digit + COUNT_LABEL.pad;
      return { key: e.key, n: counts.edges[e.key], x0: at.x - w / 2, x1: at.x + w / 2, y0: at.y - COUNT_LABEL.h / 2, y1: at.y + COUNT_LABEL.h / 2 };
    });
    expect(boxes.length).toBeGreaterThan(10);
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) overlaps.push(`${a.key} (${a.n}) over ${b.key} (${b.n})`);
      }
    }
    expect(overlaps).toEqual([]);
  }, 60_000);
});

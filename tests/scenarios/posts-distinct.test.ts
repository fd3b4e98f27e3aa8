/**
 * No two posts share a meeting (the posts issue, point 2): each post's meeting is its own text. Two
 * posts may quote the circular alike, so the check is on whole sentences of a dozen words or more
 * in the meeting phase, outside quotation marks.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/scenario/schema.ts';
import { loadRealScenario, SCENARIO_FILES as FILES } from '../fixtures/real-scenarios.ts';


async function load(file: string): Promise<Scenario> {
  return (await loadRealScenario(file)).scenario;
}

/** The meeting's long sentences, lower-cased, with quoted words (the circular's) left out. */
function meetingSentences(scenario: Scenario): Set<string> {
  const out = new Set<string>();
  for (const node of Object.values(scenario.nodes)) {
    if (node.phase !== 'meeting') continue;
    const texts = [node.text, ...(node.passages ?? []).map((p) => p.text), ...(node.choices ?? []).map((c) => c.label)];
    for (const text of texts) {
      for (const sentence of text.replace(/“[^”]*”|'[^']*'/g, ' ').split(/(?<=[.!?])\s+/)) {
        const words = sentence.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
        if (words.length >= 12) out.add(words.join(' '));
      }
    }
  }
  return out;
}

describe('the posts', () => {
  it('each have a meeting of their own: no long sentence of one post\'s meeting appears in another\'s', async () => {
    const meetings = await Promise.all(FILES.map(async (f) => ({ file: f, sentences: meetingSentences(await load(f)) })));
    const shared: string[] = [];
    for (const [i, a] of meetings.entries()) {
      expect(a.sentences.size, `${a.file} has a meeting`).toBeGreaterThan(5);
      for (const b of meetings.slice(i + 1)) {
        for (const s of a.sentences) if (b.sentences.has(s)) shared.push(`${a.file} and ${b.file}: "${s}"`);
      }
    }
    expect(shared).toEqual([]);
    // It loads and checks every post's file, so its time grows with the number of posts.
  }, 60_000);
});

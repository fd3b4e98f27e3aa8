/**
 * Each post's front (what the title shows before the game has loaded, src/core/scenario/front.ts)
 * says what the scenario says: the same title, summary, place and worlds, and the rubric's own
 * criteria and weights under "How you will be judged", and nothing of the story.
 */
import { describe, expect, it } from 'vitest';
import { frontOf } from '../../src/core/scenario/front.ts';
import { missionOf } from '../../src/core/scenario/mission.ts';
import { loadRealScenario, SCENARIO_FILES as FILES } from '../fixtures/real-scenarios.ts';


describe.each(FILES)('the front of %s', (file) => {
  it('is the scenario’s title, summary, place, worlds and criteria, and no more', async () => {
    const { scenario } = await loadRealScenario(file);
    const front = frontOf(scenario);
    expect(front.id).toBe(scenario.id);
    expect(front.title).toBe(scenario.title);
    expect(front.summary).toBe(scenario.summary);
    expect(front.post).toEqual({ country: scenario.post.country, city: scenario.post.city, utcOffsetMinutes: scenario.post.utcOffsetMinutes });
    expect(Object.keys(front.variants)).toEqual(Object.keys(scenario.variants));
    for (const [id, v] of Object.entries(scenario.variants)) expect(front.variants[id]).toEqual({ label: v.label, description: v.description });
    const rubric = missionOf(scenario).rubric;
    expect(front.guide).toEqual(rubric.map((c) => ({ title: c.title, points: c.points, text: c.guide })));
    // The story stays in the post's content: no node's words are on the first screen.
    const text = JSON.stringify(front);
    expect(text).not.toContain('"nodes"');
    expect(text.length).toBeLessThan(JSON.stringify(scenario).length / 10);
  });
});

/**
 * The bench's baseline page is built with the game's own Vite settings (issue: "the same Vite
 * settings"), read from vite.config.ts as `vite build` reads it: a function of the mode.
 */
import { describe, expect, it } from 'vitest';
import { baselineConfig, siteConfig } from '../bench/sites.ts';

describe("the bench's baseline build", () => {
  it("takes the site's build settings: base, chunking (Phaser in its own chunk), preload and warnings", async () => {
    const site = await siteConfig();
    const baseline = await baselineConfig('/tmp/circular938-baseline-test');
    expect(site.build?.rolldownOptions?.output).toBeDefined();
    expect(baseline.base).toBe(site.base);
    expect(baseline.build?.chunkSizeWarningLimit).toBe(site.build?.chunkSizeWarningLimit);
    expect(baseline.build?.modulePreload).toEqual(site.build?.modulePreload);
    expect(baseline.build?.rolldownOptions?.output).toBe(site.build?.rolldownOptions?.output);
    const groups = (baseline.build?.rolldownOptions?.output as { codeSplitting?: { groups?: { name: string }[] } }).codeSplitting?.groups ?? [];
    expect(groups.map((g) => g.name)).toContain('phaser');
    // Its own page and output, not the game's.
    expect(baseline.build?.outDir).toBe('/tmp/circular938-baseline-test');
    expect(baseline.build?.rolldownOptions?.input).toEqual({ index: expect.stringMatching(/tests[\\/]bench[\\/]baseline[\\/]index\.html$/) });
  });
});

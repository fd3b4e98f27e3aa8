/**
 * The land of the post chooser's map, projected at build time (src/build/map-land.ts): the
 * countries the frame shows are there, drawn as the page's projection would draw them, and the
 * rest of the world is left out.
 */
import { createRequire } from 'node:module';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { projectLand } from '../../src/build/map-land.ts';
import { MAP_FRAME, MAP_HEIGHT, MAP_WIDTH } from '../../src/ui/post-map-frame.ts';

const topology = createRequire(import.meta.url)('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>;
const countries = feature(topology, topology.objects.countries).features;
const land = projectLand(topology);

/** One country (ISO 3166 numeric id). */
function country(id: string): (typeof countries)[number] {
  const found = countries.find((f) => f.id === id);
  if (!found) throw new Error(`world-atlas has no country ${id}`);
  return found;
}

/** Where the page's projection puts a country's outline: its bounds in map pixels. */
function boundsOf(id: string): [[number, number], [number, number]] {
  return geoPath(geoMercator().fitSize([MAP_WIDTH, MAP_HEIGHT], MAP_FRAME)).bounds(country(id));
}

/** The path data of a country as the build draws it: the page's projection, cut at the frame, rounded to a tenth. */
function drawn(id: string): string {
  return projectLand({ ...topology, objects: { countries: { type: 'GeometryCollection', geometries: topology.objects.countries.geometries.filter((g) => g.id === id) } } })[0] ?? '';
}

describe('the land of the post map', () => {
  it("draws every post's country whole where the frame holds it, where the page's projection puts it", () => {
    // Mexico, Brazil, Argentina, Venezuela, Chile, Bolivia, Uruguay, Colombia, Jamaica, Cuba: inside the frame
    for (const id of ['484', '076', '032', '862', '152', '068', '858', '170', '388', '192']) {
      const [[x0, y0], [x1, y1]] = boundsOf(id);
      expect(x0 >= 0 && y0 >= 0 && x1 <= MAP_WIDTH && y1 <= MAP_HEIGHT, id).toBe(true);
      const whole = geoPath(geoMercator().fitSize([MAP_WIDTH, MAP_HEIGHT], MAP_FRAME)).digits(1)(country(id));
      expect(land, id).toContain(whole);
    }
    // The United States reach beyond the frame: drawn, cut at its edge.
    expect(land).toContain(drawn('840'));
    for (const n of drawn('840').match(/-?\d+(\.\d)?/g) ?? []) expect(Math.abs(Number(n))).toBeLessThanOrEqual(MAP_HEIGHT + 1);
  });

  it('leaves out the countries the frame does not reach', () => {
    // Japan, Australia, India, Russia, South Africa
    for (const id of ['392', '036', '356', '643', '710']) expect(drawn(id)).toBe('');
    expect(land.length).toBeGreaterThan(20);
    expect(land.length).toBeLessThan(countries.length / 3);
  });

  it('rounds every coordinate to a tenth of a pixel', () => {
    for (const d of land) expect(d).not.toMatch(/\d\.\d\d/);
  });
});

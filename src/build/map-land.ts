/**
 * Vite plugin: the land of the post chooser's map, projected once at build time. The country
 * shapes come from world-atlas (Natural Earth, 1:110m) through topojson-client and are projected
 * with d3-geo's Mercator fitted to the map's frame (src/ui/post-map-frame.ts), exactly as the page
 * would; the page then receives SVG path data for the countries that reach the frame, cut at its
 * edge and rounded to a tenth of a pixel, and no projection work. On a slow laptop, projecting the whole world in the
 * page took about 50 ms of script just after the title appeared; the chunk is also smaller.
 *
 * `import land from 'virtual:post-map-land'` gives a `readonly string[]` of path data.
 */
import { createRequire } from 'node:module';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { MAP_FRAME, MAP_HEIGHT, MAP_WIDTH } from '../ui/post-map-frame.ts';

const ID = 'virtual:post-map-land';
const RESOLVED = `\0${ID}`;

/**
 * The path data of every country that reaches the map's frame, projected as the page's markers are
 * and cut a pixel outside the frame (what lies beyond it would never be seen).
 */
export function projectLand(topology: Topology<{ countries: GeometryCollection }>): string[] {
  const projection = geoMercator().fitSize([MAP_WIDTH, MAP_HEIGHT], MAP_FRAME).clipExtent([[-1, -1], [MAP_WIDTH + 1, MAP_HEIGHT + 1]]);
  const path = geoPath(projection).digits(1);
  return feature(topology, topology.objects.countries).features.flatMap((f) => path(f) || []);
}

export function mapLandPlugin(): Plugin {
  return {
    name: 'circular938:post-map-land',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const require = createRequire(import.meta.url);
      const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>;
      return `export default ${JSON.stringify(projectLand(topology))};\n`;
    },
  };
}

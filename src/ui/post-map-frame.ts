/**
 * The frame of the post chooser's map, shared by the build, which projects the land once
 * (src/build/map-land.ts), and the page, which places the posts with the same projection
 * (post-map.ts). Pure data: the build reads it in Node.
 */
export const MAP_WIDTH = 420;
export const MAP_HEIGHT = 460;
/** New York (the mission to the UN) to Cape Horn, the Caribbean to the Pacific: longitude, latitude. */
export const MAP_FRAME: GeoJSON.MultiPoint = { type: 'MultiPoint', coordinates: [[-118, 46], [-34, 46], [-34, -56], [-118, -56]] };

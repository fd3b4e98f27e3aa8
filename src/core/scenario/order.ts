/**
 * The order of the posts, shared by the page's chooser (src/posts.ts) and the build, which puts the
 * first post's front in the first screen (src/build/scenario-plugin.ts). A module of its own, so
 * the first screen carries nothing more.
 */

/** The order posts are listed and chosen in: west to east by longitude (none counts as 0), then by country. */
export function westToEast(a: { post: { lon?: number; country: string } }, b: { post: { lon?: number; country: string } }): number {
  return (a.post.lon ?? 0) - (b.post.lon ?? 0) || a.post.country.localeCompare(b.post.country);
}

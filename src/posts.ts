/**
 * The registry of posts (scenarios/*.yaml), checked at build time by the scenario plugin
 * (src/build/scenario-plugin.ts). What the chooser shows of each post comes with the first screen
 * (a few lines each); a post's front (what its title screen shows) and its content are chunks of
 * their own, fetched when the post is chosen, so the first screen does not grow with the number of
 * posts. The text every post shares (the circular, the glossary, Washington's side) is in content.ts.
 */
import type { PostSummary } from './build/scenario-plugin.ts';
import type { LoadedScenario } from './core/play.ts';
import type { PostFront } from './core/scenario/front.ts';
import { westToEast } from './core/scenario/order.ts';

export type { PostFront, PostSummary };

const summaries = import.meta.glob<PostSummary>('../scenarios/*.yaml', { query: '?summary', import: 'default', eager: true });
const fronts = import.meta.glob<PostFront>('../scenarios/*.yaml', { query: '?front', import: 'default' });
const loaders = import.meta.glob<LoadedScenario>('../scenarios/*.yaml', { import: 'default' });

/** Every post, west to east (by longitude where the file gives it, else by country). */
export const posts: readonly PostSummary[] = Object.values(summaries).sort(westToEast);

/** The post with this id, or undefined. */
export function postById(id: string): PostSummary | undefined {
  return posts.find((p) => p.id === id);
}

function fileOf(id: string): string {
  const file = Object.keys(summaries).find((f) => summaries[f]?.id === id);
  if (file === undefined) throw new Error(`There is no post "${id}".`);
  return file;
}

/** Loads what the title screen shows of one post (its own small chunk). Rejects when the post does not exist. */
export async function loadFront(id: string): Promise<PostFront> {
  const load = fronts[fileOf(id)];
  if (!load) throw new Error(`There is no post "${id}".`);
  return load();
}

/** Loads one post's content (its own chunk). Rejects when the post does not exist. */
export async function loadPost(id: string): Promise<LoadedScenario> {
  const load = loaders[fileOf(id)];
  if (!load) throw new Error(`There is no post "${id}".`);
  return load();
}

/** Every post's content, for pages that check logs of any post (the review page). */
export function loadAllPosts(): Promise<LoadedScenario[]> {
  return Promise.all(Object.values(loaders).map((load) => load()));
}

/**
 * The game's content, checked at build time by the scenario plugin (src/build/scenario-plugin.ts).
 * A registry of every post in scenarios/*.yaml: what the chooser shows of each post comes with the
 * first screen (a few lines each), and a post's own content is a chunk of its own, fetched when the
 * post is chosen, so the first screen does not grow with the number of posts. The circular, the
 * glossary and Washington's side (scenarios/shared/washington.yaml) are shared by every post.
 */
import type { PostSummary } from './build/scenario-plugin.ts';
import type { LoadedScenario } from './core/play.ts';
import circular from '../scenarios/shared/circular-938.yaml';
import glossaryFile from '../scenarios/shared/glossary.yaml';
import washingtonFile from '../scenarios/shared/washington.yaml';

export type { PostSummary };

export const cable = circular;
export const glossary = glossaryFile;
/** Washington's side, the same for every post: the republics as the Bureau counts them. */
export const washington = washingtonFile;

const summaries = import.meta.glob<PostSummary>('../scenarios/*.yaml', { query: '?summary', import: 'default', eager: true });
const loaders = import.meta.glob<LoadedScenario>('../scenarios/*.yaml', { import: 'default' });

/** Every post, west to east (by longitude where the file gives it, else by country). */
export const posts: readonly PostSummary[] = Object.values(summaries).sort(
  (a, b) => (a.post.lon ?? 0) - (b.post.lon ?? 0) || a.post.country.localeCompare(b.post.country),
);

/** The post with this id, or undefined. */
export function postById(id: string): PostSummary | undefined {
  return posts.find((p) => p.id === id);
}

/** Loads one post's content (its own chunk). Rejects when the post does not exist. */
export async function loadPost(id: string): Promise<LoadedScenario> {
  for (const [file, load] of Object.entries(loaders)) {
    if (summaries[file]?.id === id) return load();
  }
  throw new Error(`There is no post "${id}".`);
}

/** Every post's content, for pages that check logs of any post (the review page). */
export function loadAllPosts(): Promise<LoadedScenario[]> {
  return Promise.all(Object.values(loaders).map((load) => load()));
}

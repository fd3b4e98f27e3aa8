/**
 * The text every post shares, checked at build time by the scenario plugin
 * (src/build/scenario-plugin.ts): the circular, the glossary and Washington's side
 * (scenarios/shared/). The registry of posts is posts.ts, re-exported here.
 */
import circular from '../scenarios/shared/circular-938.yaml';
import glossaryFile from '../scenarios/shared/glossary.yaml';
import washingtonFile from '../scenarios/shared/washington.yaml';

export { loadAllPosts, loadFront, loadPost, postById, posts, type PostFront, type PostSummary } from './posts.ts';

export const cable = circular;
export const glossary = glossaryFile;
/** Washington's side, the same for every post: the republics as the Bureau counts them. */
export const washington = washingtonFile;

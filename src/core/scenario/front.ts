/**
 * A post's front: what the title screen shows of a scenario before the rest of the game has loaded
 * (its title and summary, the worlds to choose from, how the student will be judged, where it is).
 * The build writes each post's front as a small chunk of its own (src/build/scenario-plugin.ts,
 * `…/mexico.yaml?front`); the overlay makes the same front from a loaded scenario, so the title
 * reads the same either way.
 */
import { rubricGuide } from '../rubric/rubric.ts';
import type { Scenario } from './schema.ts';

export interface PostFront {
  id: string;
  title: string;
  summary: string;
  post: { country: string; city: string; utcOffsetMinutes: number };
  variants: Record<string, { label: string; description: string }>;
  /** The rubric's criteria as the title lists them under "How you will be judged". */
  guide: { title: string; points: number; text: string }[];
}

export function frontOf(scenario: Scenario): PostFront {
  const { id, title, summary, post, variants } = scenario;
  return {
    id,
    title,
    summary,
    post: { country: post.country, city: post.city, utcOffsetMinutes: post.utcOffsetMinutes },
    variants: Object.fromEntries(Object.entries(variants).map(([k, v]) => [k, { label: v.label, description: v.description }])),
    guide: rubricGuide(scenario),
  };
}

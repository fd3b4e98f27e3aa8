/** The telegram paragraphs of a scenario: plain texts, or judged paragraphs that name their part. Pure. */
import type { Scenario } from '../scenario/schema.ts';

export type TelegramParagraph = Scenario['telegram']['paragraphs'][string];

/** The words of a paragraph, judged or not; '' for none. */
export function paragraphText(p: TelegramParagraph | undefined): string {
  if (p === undefined) return '';
  return typeof p === 'string' ? p : p.text;
}

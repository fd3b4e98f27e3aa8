/**
 * Which key takes which choice, and which opens which tool. In a student's game the number keys
 * 1–9 take the choices and single letters open the tools (C the cable, G the glossary, …). In a
 * class game (`?mode=class`) the choices are lettered A–I for a show of hands, so the letters take
 * the choices (the number keys still do) and the tools move to Shift with their letter. Pure.
 */

/** The letters of the first nine choices, as the class sees them. */
export const CHOICE_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;

/** What the badge beside choice `i` (0-based) shows: its number, or in a class game its letter; "·" past the ninth. */
export function choiceMark(i: number, classGame: boolean): string {
  if (!Number.isInteger(i) || i < 0 || i >= CHOICE_LETTERS.length) return '·';
  return classGame ? (CHOICE_LETTERS[i] as string) : String(i + 1);
}

/** The `aria-keyshortcuts` of choice `i`: its number key, and in a class game its letter first. Empty past the ninth. */
export function choiceShortcuts(i: number, classGame: boolean): string {
  if (!Number.isInteger(i) || i < 0 || i >= CHOICE_LETTERS.length) return '';
  return classGame ? `${CHOICE_LETTERS[i] as string} ${i + 1}` : String(i + 1);
}

/**
 * The 0-based position of the choice a key takes, or null: "1"–"9" always; "a"–"i" (either case,
 * without Shift) only in a class game.
 */
export function choiceOfKey(key: string, shift: boolean, classGame: boolean): number | null {
  if (/^[1-9]$/.test(key)) return Number(key) - 1;
  if (!classGame || shift || key.length !== 1) return null;
  const i = CHOICE_LETTERS.indexOf(key.toUpperCase() as (typeof CHOICE_LETTERS)[number]);
  return i < 0 ? null : i;
}

/** The tools' shortcut letters. */
export type ToolKey = 'b' | 'c' | 'd' | 'g' | 'm';
const TOOL_KEYS: readonly string[] = ['b', 'c', 'd', 'g', 'm'] satisfies readonly ToolKey[];

/** The tool a key opens, or null: its letter (with or without Shift) in a student's game, only Shift and its letter in a class game. */
export function toolOfKey(key: string, shift: boolean, classGame: boolean): ToolKey | null {
  const k = key.toLowerCase();
  if (!TOOL_KEYS.includes(k) || (classGame && !shift)) return null;
  return k as ToolKey;
}

/** How a tool's key is shown and announced: "C", or in a class game "Shift+C". */
export function toolShortcut(key: ToolKey, classGame: boolean): string {
  return classGame ? `Shift+${key.toUpperCase()}` : key.toUpperCase();
}

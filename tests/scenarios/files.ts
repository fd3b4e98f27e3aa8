/** Reading the real scenario files in the content tests. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The text of a file under scenarios/. */
export function readText(relative: string): string {
  return readFileSync(new URL(`../../scenarios/${relative}`, import.meta.url), 'utf8');
}

/** A file under scenarios/, parsed as YAML (not yet validated). */
export function readYaml(relative: string): unknown {
  return parse(readText(relative));
}

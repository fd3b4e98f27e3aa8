/**
 * `npm run schema:log`: writes the JSON Schema of a sealed decision log (the file a student
 * downloads), generated from the zod schema the verifier reads it with (src/core/log/schema.ts),
 * to src/core/log/decision-log.schema.json. A test fails when the committed file and the zod
 * schema differ, so run this after changing the log format.
 *
 * The schema describes the shape of a format 2 file only: the hash chain, the replay, the modes and
 * the verdict are checked by `npm run logs -- verify`, and a format 1 file (which the verifier
 * converts) does not match it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LOG_FORMAT_VERSION } from '../core/log/format.ts';
import { sealedLogSchema } from '../core/log/schema.ts';

/** Where the schema is committed. */
export const LOG_SCHEMA_FILE = fileURLToPath(new URL('../core/log/decision-log.schema.json', import.meta.url));

/** The JSON Schema (draft 2020-12) of a sealed log of the current format version. Pure. */
export function logJsonSchema(): Record<string, unknown> {
  // Input and output are the same for this schema (no transforms or defaults); `input` is what a file holds.
  const generated = z.toJSONSchema(sealedLogSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema,
    $id: `urn:circular938:decision-log:${LOG_FORMAT_VERSION}`,
    title: `Circular 938 decision log, format ${LOG_FORMAT_VERSION}`,
    description:
      'A sealed decision log as the debrief downloads it: the header (scenario text, seed, world, student, modes), ' +
      'the attempts with their hash-chained entries, the head of the chain and the verdict shown. ' +
      'Generated from src/core/log/schema.ts by `npm run schema:log`; do not edit by hand. ' +
      'It checks the shape only: the chain, the replay and the modes are checked by `npm run logs -- verify`.',
    ...rest,
  };
}

/** The file's text: two-space JSON and a final line break. */
export function logJsonSchemaText(): string {
  return `${JSON.stringify(logJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(LOG_SCHEMA_FILE, logJsonSchemaText());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), LOG_SCHEMA_FILE)}\n`);
}

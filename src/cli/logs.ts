/**
 * Entry point of `npm run logs` (run with tsx, since Node 20 does not run TypeScript itself):
 * `npm run logs -- verify [--json] FILE...`. The work is in logs-verify.ts.
 */
import { runLogs } from './logs-verify.ts';

process.exitCode = await runLogs(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});

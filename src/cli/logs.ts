/**
 * Entry point of `npm run logs` (run with tsx, since Node 20 does not run TypeScript itself):
 * `npm run logs -- verify [--json] FILE...` (logs-verify.ts), `npm run logs -- csv [--decisions] FILE...`
 * and `npm run logs -- xapi FILE...` (logs-export.ts).
 */
import { runExport } from './logs-export.ts';
import { runLogs, type LogsIo } from './logs-verify.ts';
import { useNodeSha256 } from './native-hash.ts';

useNodeSha256();
const io: LogsIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  write: (text) => process.stdout.write(text),
};
const args = process.argv.slice(2);
process.exitCode = args[0] === 'csv' || args[0] === 'xapi' ? await runExport(args, io) : await runLogs(args, io);

/**
 * The debrief's exports of one student: a spreadsheet row (CSV) and xAPI statements, beside the log
 * download. Each goes the review page's way: the log is sealed with the debrief's verdict, verified
 * in the page against the scenario played (and the kept texts), and only then exported, so the file
 * says what a teacher's import of the log would say. The verifier and the export code (papaparse,
 * uuid) are loaded on the first click, so the game's first screen does not carry them.
 */
import { sealLog, type DecisionLog, type LoadedScenario, type Verdict } from '../core/play.ts';
import { h } from './dom.ts';

export interface DebriefExportOptions {
  loaded: LoadedScenario;
  log: DecisionLog;
  /** The verdict the file carries: the last attempt's, as the log download writes it. */
  verdict: () => Verdict;
  /** Where the outcome is said (the debrief's status line). */
  status: HTMLElement;
  /** The file name without extension, as the log download names it. */
  baseName: string;
}

function save(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { attrs: { href: url, download: name } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function exportAs(kind: 'csv' | 'xapi', o: DebriefExportOptions): Promise<void> {
  const { status } = o;
  status.textContent = 'Preparing the file…';
  try {
    const { archive } = await import('../content-archive.ts');
    const { reviewRow, verifyLog } = await import('../core/index.ts');
    const sealed = await sealLog(o.log, o.verdict());
    const result = await verifyLog(sealed, { scenario: o.loaded.scenario, hash: o.loaded.hash }, { library: archive });
    if (kind === 'csv') {
      const { studentsCsv } = await import('../core/review/csv.ts');
      save(studentsCsv([reviewRow(`${o.baseName}.json`, result, sealed.head)]), 'text/csv;charset=utf-8', `${o.baseName}.csv`);
      status.textContent = 'The spreadsheet row has been downloaded (a CSV file, one row for you).';
      return;
    }
    if (!result.ok) {
      status.textContent = `The xAPI statements cannot be made: this log does not verify (${result.problems[0] ?? result.status}).`;
      return;
    }
    const { xapiStatements } = await import('../core/review/xapi.ts');
    const statements = xapiStatements({ scenario: result.scenario.scenario, log: result.log });
    save(JSON.stringify(statements, null, 2), 'application/json', `${o.baseName}-xapi.json`);
    status.textContent = `The xAPI statements have been downloaded (${statements.length}), for your school's learning record store.`;
  } catch (e) {
    status.textContent = `The file could not be prepared: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** The two export buttons ("Spreadsheet (CSV)", "xAPI statements"). */
export function exportButtons(o: DebriefExportOptions): HTMLElement[] {
  return [
    h('button', { class: 'secondary', id: 'export-csv', attrs: { type: 'button' }, text: 'Spreadsheet (CSV)', on: { click: () => void exportAs('csv', o) } }),
    h('button', { class: 'secondary', id: 'export-xapi', attrs: { type: 'button' }, text: 'xAPI statements', on: { click: () => void exportAs('xapi', o) } }),
  ];
}

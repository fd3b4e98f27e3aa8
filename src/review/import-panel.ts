/**
 * Where the files come in: a file picker (many files), a folder picker, and drops anywhere on the
 * page (files or whole folders). A live region says when checking starts and how it ended; a
 * progress bar counts the files in between. Says once what "verified" proves and what it cannot.
 */
import { h } from '../ui/dom.ts';
import type { Picked } from './pick-files.ts';

export interface ImportPanelOptions {
  verifiedMeans: string;
  onPicked(picked: Picked): void;
  /** Called while the drop event is handled (the data transfer is emptied when it returns). */
  onDrop(data: DataTransfer): void;
  /** Empties the list; called only once the teacher has confirmed it. */
  onClear(): void;
  /** How many logs the list shows: what "Clear the list" would remove. */
  count(): number;
  pickedFromInput(list: FileList | null): Picked;
}

export interface ImportPanel {
  el: HTMLElement;
  /** Announces `text` (and how long the import took, when given). */
  say(text: string, ms?: number): void;
  progress(done: number, total: number): void;
}

export function renderImport(o: ImportPanelOptions): ImportPanel {
  const input = (id: string, extra: Record<string, string>): HTMLInputElement => {
    const el = h('input', { id, class: 'sr-only', attrs: { type: 'file', accept: '.json,application/json', tabindex: '-1', 'aria-hidden': 'true', ...extra } });
    el.addEventListener('change', () => {
      const picked = o.pickedFromInput(el.files);
      el.value = '';
      o.onPicked(picked);
    });
    return el;
  };
  const files = input('import-files', { multiple: '' });
  const folder = input('import-folder', { webkitdirectory: '', multiple: '' });
  const status = h('p', { class: 'import-status', id: 'import-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const bar = h('progress', { id: 'import-progress', attrs: { max: '1', value: '0', 'aria-label': 'Files checked' } });
  const count = h('span', { class: 'progress-count', id: 'progress-count', attrs: { 'aria-hidden': 'true' } });
  const progress = h('div', { class: 'progress' }, bar, count);
  progress.hidden = true;

  // Clearing asks first, in the page (as the game asks before a new game replaces a saved one): the
  // list is kept nowhere else, and one stray click would otherwise lose a class's import.
  const clear = h('button', { class: 'secondary', id: 'clear-list', attrs: { type: 'button' }, text: 'Clear the list' });
  const question = h('p', { id: 'clear-question' });
  const closeConfirm = (): void => {
    confirm.hidden = true;
    clear.setAttribute('aria-expanded', 'false');
    clear.focus();
  };
  const keep = h('button', { class: 'primary', id: 'clear-keep', attrs: { type: 'button' }, text: 'Keep them', on: { click: closeConfirm } });
  const remove = h('button', {
    class: 'secondary', id: 'clear-confirm', attrs: { type: 'button' }, text: 'Remove them',
    on: { click: () => { closeConfirm(); o.onClear(); } },
  });
  const confirm = h('div', { class: 'clear-confirm', id: 'clear-confirm-box', attrs: { role: 'group', 'aria-labelledby': 'clear-question' } }, question, h('div', { class: 'import-buttons' }, keep, remove));
  confirm.hidden = true;
  confirm.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeConfirm();
  });
  clear.setAttribute('aria-controls', 'clear-confirm-box');
  clear.setAttribute('aria-expanded', 'false');
  clear.addEventListener('click', () => {
    const n = o.count();
    if (n === 0) {
      o.onClear();
      return;
    }
    question.textContent = `Remove the ${n === 1 ? 'log' : `${n} logs`} from this page? Nothing is kept anywhere else: to see ${n === 1 ? 'it' : 'them'} again, import the ${n === 1 ? 'file' : 'files'} again.`;
    confirm.hidden = false;
    clear.setAttribute('aria-expanded', 'true');
    // The safe answer takes the focus, so a second Enter keeps the list.
    keep.focus();
  });

  const zone = h(
    'div',
    { class: 'drop-zone', id: 'drop-zone' },
    h('p', { class: 'drop-words', text: 'Drop the students\u2019 log files, or a whole folder of them, anywhere on this page, or:' }),
    h(
      'div',
      { class: 'import-buttons' },
      h('button', { class: 'primary', id: 'choose-files', attrs: { type: 'button' }, text: 'Choose log files…', on: { click: () => files.click() } }),
      h('button', { class: 'secondary', id: 'choose-folder', attrs: { type: 'button' }, text: 'Choose a folder…', on: { click: () => folder.click() } }),
      clear,
    ),
    confirm,
    files,
    folder,
    progress,
    status,
  );

  // Drops anywhere on the page; the zone lights up while something is dragged over the window.
  let depth = 0;
  const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    zone.classList.add('dragging');
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove('dragging');
  });
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (e) => {
    depth = 0;
    zone.classList.remove('dragging');
    if (!e.dataTransfer || !hasFiles(e)) return;
    e.preventDefault();
    o.onDrop(e.dataTransfer);
  });

  const el = h(
    'section',
    { class: 'import-section no-print', id: 'import-section', attrs: { 'aria-labelledby': 'import-title' } },
    h('h2', { id: 'import-title', text: 'Import a class\u2019s logs' }),
    h('p', { class: 'privacy', text: 'The files are read and checked in this browser only: nothing is sent anywhere, and nothing is kept when this page is closed.' }),
    zone,
    h('p', { class: 'verified-means', id: 'verified-means', text: o.verifiedMeans }),
  );
  return {
    el,
    say(text, ms) {
      status.textContent = ms === undefined ? text : `${text} (${(ms / 1000).toFixed(1)} s)`;
    },
    progress(done, total) {
      progress.hidden = done >= total;
      bar.max = Math.max(1, total);
      bar.value = done;
      count.textContent = `${done} of ${total}`;
    },
  };
}

/**
 * Where the page runs from, and the service worker that keeps the site working offline
 * (generated at build time by src/build/service-worker.ts). Browser only.
 */

import { ONE_FILE } from './one-file.ts';

export { ONE_FILE };

/**
 * Registers the site's service worker (sw.js beside the page; its scope is the page's folder), so
 * that after this visit every page, chunk, font and sound is kept for use without a network. Call it
 * once the page is usable: the worker then downloads the rest of the site behind it. Does nothing in
 * development, in the one-file copy, from disk, and where the browser has no service workers (a
 * page served over plain http from another machine is not a secure context). Never throws: a
 * site that cannot be kept offline still works online.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || ONE_FILE) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
}

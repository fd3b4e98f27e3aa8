/**
 * Vite plugin (build time, Node): the service worker that keeps the site working offline after one
 * visit (vite-plugin-pwa's generateSW, Workbox). It precaches every page at the top of dist/ (the
 * game, the review page, any page added later), every JS and CSS chunk (each post's content and
 * each kept scenario text are chunks), the fonts and the sound, so that a Chromebook that has
 * opened the game once plays it, and reviews logs, with the network gone.
 *
 * The page registers it itself (src/offline/site.ts), once its first screen is usable and
 * the pictures have arrived, so the first screen carries none of it. A new version installs in the
 * background and takes over only when every tab of the site has been closed (no skipWaiting): a
 * student in the middle of a game keeps the chunks of the version they started with.
 *
 * No web app manifest (`manifest: false`): offline play needs none, the game is played in a browser
 * tab (school-managed Chromebooks mostly forbid installing apps), and a manifest would cost the first
 * screen a request and need icons for an install prompt nobody is asked to use.
 */
import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { OFFLINE_FILE } from './single-file.ts';

/**
 * What is precached, relative to dist/. Every browser with service workers reads WOFF2, so the WOFF
 * fallbacks that @fontsource lists second are never requested by a page the worker controls.
 */
export const PRECACHE_GLOBS = ['*.html', 'assets/**/*.{js,css,woff2,wav,ogg,opus,mp3,m4a,webm,png,jpg,jpeg,webp,svg,json}'];

/** The service worker's file name, beside the pages; its scope is the folder they are in. */
export const SERVICE_WORKER_FILE = 'sw.js';

export function serviceWorkerPlugin(): PluginOption {
  return VitePWA({
    strategies: 'generateSW',
    filename: SERVICE_WORKER_FILE,
    // Registered by the page (src/offline/site.ts), not by a script in every page's head.
    injectRegister: false,
    manifest: false,
    workbox: {
      globPatterns: PRECACHE_GLOBS,
      // The one-file copy is the whole game again, for opening from disk: never precached.
      globIgnores: [OFFLINE_FILE],
      // Phaser's chunk is about 1.4 MB; a file over the limit would be left out silently, and the game
      // would then not start offline. The e2e test checks that every file of dist/assets is cached.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // Pages read their parameters (?post=, ?seed=, ?watch=) in the browser; the file is the same.
      ignoreURLParametersMatching: [/./],
      // No single-page fallback: this is a site of several pages, and an unknown address stays unknown.
      navigateFallback: null,
      // The page that registered the worker is controlled at once, so a first visit is already offline-ready.
      clientsClaim: true,
      skipWaiting: false,
      cleanupOutdatedCaches: true,
      // One file (sw.js) rather than sw.js beside a workbox-<hash>.js.
      inlineWorkboxRuntime: true,
    },
  });
}

/**
 * True in dist/circular938-offline.html, the whole game in one file opened from disk: there is no
 * site around it (no review page beside it, no service worker). Vite replaces the mode at build
 * time, so each build keeps only its own branch (src/build/single-file.ts names the mode).
 */
export const ONE_FILE = import.meta.env.MODE === 'single-file';

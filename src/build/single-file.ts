/**
 * The second build of `npm run build` (`vite build --mode single-file`, vite.config.ts): the whole
 * game in one HTML file, dist/circular938-offline.html, for schools that block sites. Code, styles,
 * fonts and sound are inlined (vite-plugin-singlefile; every asset a data: URL), and the dynamic
 * imports that the site splits into chunks (each post, the kept texts, Phaser, the branch map) are
 * bundled in, since a page opened from disk (file://) cannot fetch a module beside it. Build time
 * only (Node).
 */
import type { Plugin, PluginOption, UserConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

/** The Vite mode of this build; the page reads it as `import.meta.env.MODE` (src/offline/site.ts). */
export const SINGLE_FILE_MODE = 'single-file';

/** The file it writes into dist/, beside the site. */
export const OFFLINE_FILE = 'circular938-offline.html';

/**
 * @fontsource lists each face as WOFF2 then WOFF. A browser that runs this game reads WOFF2, so the
 * WOFF copy would only make the file about 280 KB larger: it is left out of the font CSS here.
 */
function woff2Only(): Plugin {
  return {
    name: 'circular938:woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/].*\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, ''), map: null };
    },
  };
}

/**
 * Fails the build when anything but the one file would be written: dist/ holds the site built just
 * before, and an asset left out of the inlining would be missing when the file is opened from disk.
 */
function onlyTheFile(): Plugin {
  return {
    name: 'circular938:only-the-file',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const others = Object.keys(bundle).filter((name) => name !== OFFLINE_FILE);
        if (others.length > 0 || !Object.hasOwn(bundle, OFFLINE_FILE)) {
          this.error(`The single-file build must write only ${OFFLINE_FILE}; it would also write: ${others.join(', ') || '(and not the file itself)'}`);
        }
      },
    },
  };
}

/**
 * The single-file build's config: the site's, with only the game page as input, the site's own
 * plugins replaced by `plugins` (the content's, not the service worker's) and the inlining ones,
 * writing into the site's dist/ without emptying it. Pure.
 */
export function singleFileConfig<C extends UserConfig>(site: C, o: { page: string; plugins: PluginOption[] }): C {
  return {
    ...site,
    plugins: [...o.plugins, woff2Only(), viteSingleFile({ outputFileName: OFFLINE_FILE, removeViteModuleLoader: true }), onlyTheFile()],
    build: {
      ...site.build,
      emptyOutDir: false,
      // Everything is in one module: there is nothing to preload.
      modulePreload: false,
      // The site's checks (no report of slow plugin callbacks), with the one page as input.
      rolldownOptions: { input: { index: o.page }, checks: site.build?.rolldownOptions?.checks },
    },
  };
}

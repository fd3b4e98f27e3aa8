/**
 * Vite plugin: everything the game page's entry imports statically (its first screen: the title and
 * what draws it) goes into one chunk, `first`, instead of the dozen small chunks that sharing
 * modules with the review page, the guide and the game's own lazy chunks would otherwise make. A
 * slow machine pays for every request before the first screen, whatever its size.
 *
 * The module graph is complete when the build ends, before chunks are made; the group's test reads
 * the set this plugin has walked by then.
 */
import type { Plugin } from 'vite';

export interface FirstScreen {
  plugin: Plugin;
  /** For `build.rolldownOptions.output.codeSplitting.groups[].test`: whether a module is one of the entry's static imports. */
  test(id: string): boolean;
}

export function firstScreen(entry: string): FirstScreen {
  const modules = new Set<string>();
  return {
    plugin: {
      name: 'circular938:first-screen',
      apply: 'build',
      buildEnd(error) {
        modules.clear();
        if (error) return;
        const seen = new Set<string>();
        const walk = (id: string): void => {
          if (seen.has(id)) return;
          seen.add(id);
          const info = this.getModuleInfo(id);
          for (const next of info?.importedIds ?? []) walk(next);
        };
        walk(entry);
        for (const id of seen) if (id !== entry) modules.add(id);
      },
    },
    test: (id) => modules.has(id),
  };
}

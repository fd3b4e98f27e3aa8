/**
 * Vite plugin: everything the game page's entry imports statically (its first screen: the title and
 * what draws it) goes into one chunk, `first`, instead of the dozen small chunks that sharing
 * modules with the review page, the guide and the game's own lazy chunks would otherwise make. A
 * slow machine pays for every request before the first screen, whatever its size.
 *
 * The module graph is complete when the build ends, before chunks are made; the group's test reads
 * the set this plugin has walked by then.
 *
 * The plugin also keeps the first screen small: a module it must not carry (the YAML parser, the
 * scenario engine, a post's content, Phaser: `FirstScreenRule`) stops the build, with the chain of
 * imports that brought it in. Such an import is easy to add by accident (one helper imported from
 * the wrong file grew the chunk by a third once), and nothing else would say so before the bench.
 */
import type { Plugin } from 'vite';

/** A module the first screen must not carry: `test` is asked of each module id; `what` names it in the error. */
export interface FirstScreenRule {
  test: RegExp;
  what: string;
}

export interface FirstScreen {
  plugin: Plugin;
  /** For `build.rolldownOptions.output.codeSplitting.groups[].test`: whether a module is one of the entry's static imports. */
  test(id: string): boolean;
}

/** The static imports of `entry`, each with the module that imported it first (breadth first: the shortest chain). */
export function staticImports(entry: string, importedIds: (id: string) => readonly string[]): Map<string, string | null> {
  const parents = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    for (const next of importedIds(id)) {
      if (parents.has(next)) continue;
      parents.set(next, id);
      queue.push(next);
    }
  }
  return parents;
}

/** The imports from the entry down to `id`, as a readable chain of paths relative to `root`. */
function chainOf(id: string, parents: ReadonlyMap<string, string | null>, root: string): string {
  const chain: string[] = [];
  for (let at: string | null = id; at !== null; at = parents.get(at) ?? null) chain.unshift(at.startsWith(root) ? at.slice(root.length) : at);
  return chain.join(' → ');
}

/**
 * What breaks `rules` among the entry's static imports: one sentence per module, with the chain of
 * imports that brought it in (paths relative to `root`); what such a module imports in turn is not
 * named again. Empty when the first screen is as it should be.
 */
export function firstScreenProblems(parents: ReadonlyMap<string, string | null>, rules: readonly FirstScreenRule[], root: string): string[] {
  const ruleOf = (id: string): FirstScreenRule | undefined => rules.find((r) => r.test.test(id));
  const problems: string[] = [];
  for (const id of parents.keys()) {
    const rule = ruleOf(id);
    if (rule === undefined) continue;
    let above = parents.get(id) ?? null;
    while (above !== null && ruleOf(above) === undefined) above = parents.get(above) ?? null;
    if (above === null) problems.push(`The first screen must not carry ${rule.what}, but it imports it: ${chainOf(id, parents, root)}.`);
  }
  return problems;
}

/**
 * `entry`'s first-screen chunk. `rules`: what it must not carry; `root`: the folder the error's
 * paths are written relative to.
 */
export function firstScreen(entry: string, rules: readonly FirstScreenRule[] = [], root = ''): FirstScreen {
  const modules = new Set<string>();
  return {
    plugin: {
      name: 'circular938:first-screen',
      apply: 'build',
      buildEnd(error) {
        modules.clear();
        if (error) return;
        const parents = staticImports(entry, (id) => this.getModuleInfo(id)?.importedIds ?? []);
        const problems = firstScreenProblems(parents, rules, root);
        if (problems.length > 0) this.error(problems.join('\n'));
        for (const id of parents.keys()) if (id !== entry) modules.add(id);
      },
    },
    test: (id) => modules.has(id),
  };
}

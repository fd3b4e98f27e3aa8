/**
 * The first screen's chunk (src/build/first-screen.ts): which modules the entry imports statically,
 * and the build's refusal, with the chain of imports, of a module the first screen must not carry.
 */
import { describe, expect, it } from 'vitest';
import { firstScreenProblems, staticImports, type FirstScreenRule } from '../../src/build/first-screen.ts';

const GRAPH: Record<string, string[]> = {
  '/p/src/main.ts': ['/p/src/ui/title.ts', '/p/src/posts.ts'],
  '/p/src/ui/title.ts': ['/p/src/ui/phases.ts', '/p/src/core/engine/clock.ts'],
  '/p/src/posts.ts': ['/p/src/ui/phases.ts'],
  '/p/src/ui/phases.ts': ['/p/src/core/engine/conditions.ts', '/p/src/ui/title.ts'],
  '/p/src/core/engine/conditions.ts': ['/p/src/core/engine/state.ts', '/p/node_modules/yaml/index.js'],
  '/p/src/core/engine/state.ts': [],
  '/p/src/core/engine/clock.ts': [],
  '/p/node_modules/yaml/index.js': [],
};
const importedIds = (id: string): string[] => GRAPH[id] ?? [];
const RULES: FirstScreenRule[] = [
  { test: /[\\/]node_modules[\\/]/, what: 'a library' },
  { test: /[\\/]core[\\/]engine[\\/](?!clock\.ts$)/, what: 'the engine' },
];

describe("the first screen's modules", () => {
  it('are every module the entry reaches by static imports, once each, cycles included', () => {
    const parents = staticImports('/p/src/main.ts', importedIds);
    expect([...parents.keys()].sort()).toEqual(Object.keys(GRAPH).sort());
    expect(parents.get('/p/src/main.ts')).toBeNull();
    // The shortest chain: phases.ts is reached from title.ts (first listed), not through posts.ts.
    expect(parents.get('/p/src/ui/phases.ts')).toBe('/p/src/ui/title.ts');
  });

  it('may not hold what the rules forbid: the build names the first such module on each chain, and how it was imported', () => {
    const parents = staticImports('/p/src/main.ts', importedIds);
    expect(firstScreenProblems(parents, RULES, '/p/')).toEqual([
      'The first screen must not carry the engine, but it imports it: src/main.ts → src/ui/title.ts → src/ui/phases.ts → src/core/engine/conditions.ts.',
    ]);
  });

  it('passes when nothing forbidden is reached', () => {
    const clean = (id: string): string[] => (id === '/p/src/ui/phases.ts' ? [] : importedIds(id));
    expect(firstScreenProblems(staticImports('/p/src/main.ts', clean), RULES, '/p/')).toEqual([]);
  });
});

/**
 * Types of the YAML imports that src/build/scenario-plugin.ts turns into JSON modules.
 * The plugin validates every file at build time, so the game can trust these types:
 * the shared files by name, and any other `.yaml` as a loaded scenario.
 *
 * Order matters: TypeScript picks among wildcard declarations by the longest text before the
 * `*`, and on a tie (all three have none) the first declared, so the shared files come first.
 * A new file in scenarios/shared/ needs its own declaration here.
 *
 * This file must stay a global script (no top-level import) for the wildcards to declare modules,
 * and a declaration inside one may not import a relative path, so the types come through `import()`.
 */
/* eslint-disable @typescript-eslint/consistent-type-imports -- see above: import() is the only way in */

declare module '*/scenarios/shared/circular-938.yaml' {
  const cable: import('../core/scenario/schema.ts').Cable;
  export default cable;
}

declare module '*/scenarios/shared/glossary.yaml' {
  const glossary: import('../core/scenario/schema.ts').Glossary;
  export default glossary;
}

declare module '*/scenarios/shared/washington.yaml' {
  const washington: import('../core/scenario/schema.ts').Washington;
  export default washington;
}

declare module '*.yaml' {
  const loaded: import('../core/scenario/load.ts').LoadedScenario;
  export default loaded;
}

declare module 'virtual:post-map-land' {
  /** SVG path data of the land on the post chooser's map (src/build/map-land.ts). */
  const land: readonly string[];
  export default land;
}

declare module 'virtual:first-front' {
  /** The front of the post a page opens without a link or a remembered post (src/build/scenario-plugin.ts). */
  const front: import('../core/scenario/front.ts').PostFront;
  export default front;
  /** That post's id. */
  export const id: string;
}

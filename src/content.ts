/**
 * The game's content, checked at build time by the scenario plugin (src/build/scenario-plugin.ts):
 * a scenario, the cable and the glossary arrive here already parsed and validated.
 */
import mexico from '../scenarios/mexico.yaml';
import circular from '../scenarios/shared/circular-938.yaml';
import glossaryFile from '../scenarios/shared/glossary.yaml';

export const scenario = mexico;
export const cable = circular;
export const glossary = glossaryFile;

/**
 * The checks of every scenario (every-scenario.ts), on half of the files; the other half is in every-scenario-2.test.ts.
 * A post's own checks (mexico-checks.ts) run in the file that searches its scenario, on the same search.
 */
import { checkEveryScenario, SCENARIO_FILES } from './every-scenario.ts';

const mine = SCENARIO_FILES.filter((_, i) => i % 2 === 0);
checkEveryScenario(mine);
if (mine.includes('mexico.yaml')) await import('./mexico-checks.ts');

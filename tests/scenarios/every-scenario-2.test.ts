/** The checks of every scenario (every-scenario.ts), on half of the files; the other half is in every-scenario-1.test.ts. */
import { checkEveryScenario, SCENARIO_FILES } from './every-scenario.ts';

checkEveryScenario(SCENARIO_FILES.filter((_, i) => i % 2 === 1));

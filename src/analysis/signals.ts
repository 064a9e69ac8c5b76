import { CRATE_SIGNALS } from './crate/signals';
import { manifestSignals } from './manifest';
import type { SignalInfo } from './model';
import { PROJECT_SIGNALS } from './project/signals';
import { RULES } from './rules';
import type { Rule } from './rules/rule';

/** A file under a crate's `tests/` folder: an integration test target of its own. */
export const integrationTestSignal: SignalInfo = {
  id: 'integration-test-file',
  category: 'testing',
  polarity: 'strength',
  severity: 'hint',
  weight: 1.5,
  testCovers: ['public-interface', 'beyond-unit'],
  message: 'an integration test file under `tests/`',
  explanation:
    'Files under `tests/` are compiled as separate crates that use only the public API, the way a user would. Having them shows the candidate tested the crate from the outside, not just its internals.',
  question: 'What do these integration tests cover that the unit tests do not?',
  testKind: 'integration tests',
};

/** A rule's metadata without its matcher, so it stays plain data. */
function infoOf({ match, check, contexts, ...info }: Rule): SignalInfo {
  return info;
}

/** Every signal the analysis can report, as plain data for hovers, settings and the rubric. */
export const SIGNALS: readonly SignalInfo[] = [...RULES.map(infoOf), integrationTestSignal, ...manifestSignals, ...CRATE_SIGNALS, ...PROJECT_SIGNALS];

const byId = new Map(SIGNALS.map((s) => [s.id, s]));

export function signalById(id: string): SignalInfo | undefined {
  return byId.get(id);
}

// Entry for the history bench, run by runTests like a test suite (Node extension host):
//   npm run bench:history
import { measureHistory } from './measure';

export function run(): Promise<void> {
  return measureHistory();
}

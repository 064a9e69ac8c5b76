// Entry for the in-editor benchmark, run by runTests like a test suite (Node extension host).
import { measure } from './measure';

export function run(): Promise<void> {
  return measure();
}

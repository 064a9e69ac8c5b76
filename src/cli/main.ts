import { CALIBRATE_COMMAND } from './calibrateCommand';
import { COMPARE_COMMAND } from './compareCommand';
import { HISTORY_COMMAND } from './historyCommand';
import { REPORT_COMMAND } from './reportCommand';
import { SCAN_COMMAND } from './scanCommand';
import { UsageError, type CliCommand } from './usage';

/** Every subcommand, by the name that selects it. */
const COMMANDS: Readonly<Record<string, CliCommand>> = {
  scan: SCAN_COMMAND,
  history: HISTORY_COMMAND,
  calibrate: CALIBRATE_COMMAND,
  compare: COMPARE_COMMAND,
  report: REPORT_COMMAND,
};

const USAGE = Object.values(COMMANDS)
  .map((command) => `Usage: ${command.usage}`)
  .join('\n\n');

export async function main(args: readonly string[]): Promise<number> {
  if (args.length === 0) {
    // Nothing asked for is a bad invocation like any other: the usage goes to stderr, with code 2.
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const [name, ...rest] = args;
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command ? `Usage: ${command.usage}` : USAGE}\n`);
    return 0;
  }
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; expected ${Object.keys(COMMANDS).map((key) => `"${key}"`).join(' or ')}`);
    return await command.run(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`rust-review: ${error.message} (see --help)\n`);
    return 2;
  }
}

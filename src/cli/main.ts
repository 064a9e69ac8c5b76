import { UsageError, type CliCommand } from './usage';

/**
 * Every subcommand, by the name that selects it, loaded once chosen: the history, report and
 * compare commands bring a git reader and its libraries, whose loading a scan need not pay.
 */
const COMMANDS: Readonly<Record<string, () => Promise<CliCommand>>> = {
  scan: async () => (await import('./scanCommand')).SCAN_COMMAND,
  history: async () => (await import('./historyCommand')).HISTORY_COMMAND,
  calibrate: async () => (await import('./calibrateCommand')).CALIBRATE_COMMAND,
  compare: async () => (await import('./compareCommand')).COMPARE_COMMAND,
  report: async () => (await import('./reportCommand')).REPORT_COMMAND,
};

async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return commands.map((command) => `Usage: ${command.usage}`).join('\n\n');
}

export async function main(args: readonly string[]): Promise<number> {
  if (args.length === 0) {
    // Nothing asked for is a bad invocation like any other: the usage goes to stderr, with code 2.
    process.stderr.write(`${await usage()}\n`);
    return 2;
  }
  const [name, ...rest] = args;
  const command = Object.hasOwn(COMMANDS, name) ? await COMMANDS[name]() : undefined;
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command ? `Usage: ${command.usage}` : await usage()}\n`);
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

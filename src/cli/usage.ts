/** A command line the CLI cannot act on: reported as one line on stderr, with exit code 2. */
export class UsageError extends Error {}

/** One subcommand of `rust-review`: its usage text and how it runs, given the arguments after its name. */
export interface CliCommand {
  usage: string;
  run(args: readonly string[]): Promise<number>;
}

/** The value of `--name value` or `--name=value` at `args[i]`, and the index of the last argument it used. */
export function optionValue(args: readonly string[], i: number, name: string): { value: string | undefined; next: number } {
  const arg = args[i];
  return arg === name ? { value: args[i + 1], next: i + 1 } : { value: arg.slice(name.length + 1), next: i };
}

/** Whether `args[i]` is the option `name`, as `--name value` or `--name=value`. */
export function isOption(arg: string, name: string): boolean {
  return arg === name || arg.startsWith(`${name}=`);
}

/** The value of `--name value` or `--name=value` at `args[i]`, which must be one of `choices`. */
export function choiceOption<T extends string>(args: readonly string[], i: number, name: string, choices: readonly T[]): { value: T; next: number } {
  const { value, next } = optionValue(args, i, name);
  if (!choices.includes(value as T)) throw new UsageError(`${name} takes one of ${choices.join(', ')}; got ${value ?? 'nothing'}`);
  return { value: value as T, next };
}

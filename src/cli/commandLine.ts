import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A subcommand's arguments read by Node's `parseArgs` (`--name value`, `--name=value`, flags and
 * positionals), its complaints about unknown or incomplete options turned into usage errors.
 */
export function parseCommandLine<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs says what is wrong in a sentence of its own, ending in advice about `--`.
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error));
  }
}

/** The value of `--format`, one of `formats`, or the first of them when none was given. */
export function formatOption<F extends string>(value: string | undefined, formats: readonly F[]): F {
  if (value === undefined) return formats[0];
  if (!formats.includes(value as F)) throw new UsageError(`--format takes one of ${formats.join(', ')}; got ${value || 'nothing'}`);
  return value as F;
}

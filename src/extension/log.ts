import * as vscode from 'vscode';
import type { Log } from '../api';

/** The language of the output channel, coloured by `syntaxes/rust-review-log.tmLanguage.json`. */
export const LOG_LANGUAGE = 'rust-review-log';

export type { Log };

/** How many of its last lines the output log keeps readable. */
const RECENT_LINES = 1000;

/** The output channel's log, which also keeps its last lines: an output channel cannot be read back. */
export interface OutputLog extends Log {
  /** The last lines written, oldest first, as the channel shows them. */
  readonly recentLines: readonly string[];
}

/** The extension's output channel: one timestamped line per event, for the reviewer and for bug reports. */
export function createLog(channel: vscode.OutputChannel): OutputLog {
  const recentLines: string[] = [];
  const write = (level: string, message: string) => {
    const time = new Date().toISOString().slice(11, 23);
    const line = `${time} [${level}] ${message}`;
    channel.appendLine(line);
    recentLines.push(line);
    if (recentLines.length > RECENT_LINES) recentLines.shift();
  };
  return {
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message) => write('error', message),
    recentLines,
  };
}

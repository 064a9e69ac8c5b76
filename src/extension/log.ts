import * as vscode from 'vscode';
import type { Log } from '../api';

/** The language of the output channel, coloured by `syntaxes/rust-review-log.tmLanguage.json`. */
export const LOG_LANGUAGE = 'rust-review-log';

export type { Log };

/** The extension's output channel: one timestamped line per event, for the reviewer and for bug reports. */
export function createLog(channel: vscode.OutputChannel): Log {
  const write = (level: string, message: string) => {
    const time = new Date().toISOString().slice(11, 23);
    channel.appendLine(`${time} [${level}] ${message}`);
  };
  return {
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message) => write('error', message),
  };
}

import * as vscode from 'vscode';

/** The language of the output channel, coloured by `syntaxes/rust-review-log.tmLanguage.json`. */
export const LOG_LANGUAGE = 'rust-review-log';

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

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

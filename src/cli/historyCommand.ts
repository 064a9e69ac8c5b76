import path from 'node:path';
import type { CommitRecord, HistoryAvailable } from '../history/model';
import { readRepositoryHistory } from '../history/repositoryHistory';
import { codeSpan, escapeMarkdown as md } from '../rubric/markdown';
import { notDirectories } from './directories';
import { NODE_GIT_FS } from './nodeGitFs';
import { choiceOption, isOption, UsageError, type CliCommand } from './usage';

const HISTORY_FORMATS = ['text', 'json', 'markdown'] as const;
type HistoryFormat = (typeof HISTORY_FORMATS)[number];

const USAGE = `rust-review history <dir> [--format text|json|markdown]

Reads the git history of the repository at <dir> without running git: each commit oldest first, the
size of its change, and how the candidate worked (time span, one big dump or steps, tests along the
way or at the end, messages that say nothing). Commit times and authors can be rewritten: treat them
as prompts for questions, not proof.
  --format   text (default), json or markdown
Exits 1 when there is no history to read (no .git, an empty or unreadable repository), saying why.`;

/** Node's file system, as the git reader takes it (read-only; the reader never writes). */
function parseHistoryArguments(args: readonly string[]): { dir: string; format: HistoryFormat } {
  let dir: string | undefined;
  let format: HistoryFormat = 'text';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (isOption(arg, '--format')) {
      ({ value: format, next: i } = choiceOption(args, i, '--format', HISTORY_FORMATS));
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (dir === undefined) dir = arg;
    else throw new UsageError(`unexpected argument ${arg}; history takes one directory`);
  }
  if (dir === undefined) throw new UsageError('history needs a directory');
  return { dir, format };
}

/** A commit's text for a terminal: its first line, without control characters a hostile message could carry. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return (text.trim().split('\n')[0] ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

const TESTS = { 'along-the-way': 'written along the way', 'at-the-end': 'only at the end', none: 'none changed' } as const;

function summaryLines(history: HistoryAvailable): string[] {
  const s = history.summary;
  const short = (ids: string[]) => ids.map((id) => id.slice(0, 7)).join(', ');
  return [
    `${s.commits} commits by ${s.authors.length} author${s.authors.length === 1 ? '' : 's'}${s.first && s.last ? `, ${s.first} to ${s.last} (${s.spanHours} h)` : ''}`,
    `tests: ${TESTS[s.tests]}`,
    `one big dump: ${s.dumps.length > 0 ? short(s.dumps) : 'none'}`,
    `messages that say nothing: ${s.vagueMessages.length > 0 ? `${s.vagueMessages.length} (${short(s.vagueMessages)})` : 'none'}`,
    ...(history.partial ? [`partial: ${history.partial}`] : []),
  ];
}

function size(c: CommitRecord): string {
  return c.sizeUnknown ? 'size unknown' : `+${c.insertions} -${c.deletions}, ${c.files} file${c.files === 1 ? '' : 's'}`;
}

function toText(dir: string, history: HistoryAvailable): string {
  const out = [`History of ${dir} (commit times and authors can be rewritten: prompts, not proof)`, ...summaryLines(history).map((l) => `  ${oneLine(l)}`), ''];
  for (const c of history.commits) out.push(`  ${c.id.slice(0, 7)}  ${c.time}  ${oneLine(c.author.name)}  ${size(c)}  ${oneLine(c.message) || '(no message)'}`);
  return `${out.join('\n')}\n`;
}

function toMarkdown(dir: string, history: HistoryAvailable): string {
  const out = [`# History of ${md(dir)}`, '', ...summaryLines(history).map((l) => `- ${md(l)}`), '', 'Commit times and authors can be rewritten: prompts for questions, not proof.', ''];
  out.push('| Commit | Time | Author | Files | + | − | Message |', '| --- | --- | --- | ---: | ---: | ---: | --- |');
  for (const c of history.commits) {
    const [files, plus, minus] = c.sizeUnknown ? ['?', '?', '?'] : [c.files, c.insertions, c.deletions];
    out.push(`| ${codeSpan(c.id.slice(0, 7))} | ${c.time} | ${md(oneLine(c.author.name))} | ${files} | ${plus} | ${minus} | ${md(oneLine(c.message))} |`);
  }
  return `${out.join('\n')}\n`;
}

/** The documented JSON: commits oldest first (author as name and email), then the summary, with `partial` when part was left out. */
function toJson(history: HistoryAvailable): string {
  const commits = history.commits.map((c) => ({
    id: c.id,
    author: c.author,
    time: c.time,
    message: c.message,
    files: c.files,
    insertions: c.insertions,
    deletions: c.deletions,
    ...(c.sizeUnknown ? { sizeUnknown: true } : {}),
  }));
  return `${JSON.stringify({ commits, summary: { ...history.summary, ...(history.partial ? { partial: history.partial } : {}) } }, null, 2)}\n`;
}

async function runHistory(args: readonly string[]): Promise<number> {
  const { dir, format } = parseHistoryArguments(args);
  const root = path.resolve(dir);
  const notFolder = notDirectories([dir]);
  if (notFolder) {
    process.stderr.write(`rust-review: ${notFolder}\n`);
    return 2;
  }
  const { history } = await readRepositoryHistory(NODE_GIT_FS, root);
  if (!history.available) {
    process.stderr.write(`rust-review: no history for ${dir}: ${history.reason}\n`);
    return 1;
  }
  process.stdout.write(format === 'json' ? toJson(history) : format === 'markdown' ? toMarkdown(dir, history) : toText(dir, history));
  return 0;
}

export const HISTORY_COMMAND: CliCommand = { usage: USAGE, run: runHistory };

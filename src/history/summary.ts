import type { CommitRecord, HistorySummary, Person } from './model';

/** A commit subject that says nothing of what changed or why. */
const VAGUE_SUBJECT = /^(wip|fix(es|ed)?|update[sd]?|changes?|stuff|more|misc|tmp|temp|test(ing)?|commit|save|done|asdf+|[.\-_ ]*)$/;

/** Whether a commit message says nothing: empty, or a subject such as "wip", "fix" or "update" and no body. */
export function isVagueMessage(message: string): boolean {
  const lines = message.trim().split('\n');
  const subject = lines[0].trim().toLowerCase().replace(/[.!:;,\s]+$/, '');
  const body = lines.slice(1).join('\n').trim();
  return body === '' && VAGUE_SUBJECT.test(subject);
}

function hoursBetween(first: string, last: string): number {
  return Math.round(((Date.parse(last) - Date.parse(first)) / 3_600_000) * 10) / 10;
}

/**
 * Whether tests changed before the last commit that changed code ("along the way"), only in it or
 * after ("at the end"), or never.
 */
function testsTiming(commits: readonly CommitRecord[]): HistorySummary['tests'] {
  let lastCode = -1;
  commits.forEach((commit, i) => {
    if (commit.codeFiles > 0) lastCode = i;
  });
  const testCommits = commits.flatMap((commit, i) => (commit.testFiles > 0 ? [i] : []));
  if (testCommits.length === 0) return 'none';
  return testCommits.some((i) => i < lastCode) ? 'along-the-way' : 'at-the-end';
}

/** The commits that hold at least half of all the lines changed, when there are three commits or more. */
function dumps(commits: readonly CommitRecord[]): string[] {
  if (commits.length < 3) return [];
  const total = commits.reduce((sum, c) => sum + c.insertions + c.deletions, 0);
  if (total === 0) return [];
  return commits.filter((c) => !c.sizeUnknown && (c.insertions + c.deletions) * 2 >= total).map((c) => c.id);
}

function distinctAuthors(commits: readonly CommitRecord[]): Person[] {
  const byKey = new Map<string, Person>();
  for (const { author } of commits) {
    const key = `${author.name}\u0000${author.email.toLowerCase()}`;
    if (!byKey.has(key)) byKey.set(key, author);
  }
  return [...byKey.values()];
}

/** What the history says of how the candidate worked, from its commits, oldest first. */
export function summarize(commits: readonly CommitRecord[], expectedHours?: number): HistorySummary {
  const times = commits.map((c) => c.time).sort((a, b) => Date.parse(a) - Date.parse(b));
  const first = times[0];
  const last = times.at(-1);
  return {
    commits: commits.length,
    ...(first && last ? { first, last, spanHours: hoursBetween(first, last) } : {}),
    ...(expectedHours !== undefined ? { expectedHours } : {}),
    dumps: dumps(commits),
    tests: testsTiming(commits),
    vagueMessages: commits.filter((c) => isVagueMessage(c.message)).map((c) => c.id),
    authors: distinctAuthors(commits),
  };
}

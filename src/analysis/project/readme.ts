import type { Finding, SignalInfo } from '../model';
import { firstLine, projectFinding } from './finding';
import type { ProjectFile } from './files';
import { markdownHeadings, type Heading } from './markdown';
import { readmeAssumptions, readmeDesign, readmeFutureWork, readmeGaps, readmeLimitations, readmeRun, readmeTesting, readmeTradeOffs } from './signals';

/** What a README's headings are about, with the words that name it and what a gap is called. */
const SECTIONS: { signal: SignalInfo; words: RegExp; topic: string }[] = [
  { signal: readmeRun, words: /\b(usage|how to (run|use|build)|run(ning)?|getting started|quick ?start|build(ing)?|install(ing|ation)?|set ?up|deploy(ing|ment)?)\b/i, topic: 'running it' },
  { signal: readmeDesign, words: /\b(design|architecture|overview|approach|structure|how it works|implementation|internals|components)\b/i, topic: 'design' },
  { signal: readmeTradeOffs, words: /\b(trade[- ]?offs?|decisions?|alternatives?|choices|why)\b/i, topic: 'trade-offs' },
  { signal: readmeAssumptions, words: /\bassum(e|ed|ing|ptions?)\b/i, topic: 'assumptions' },
  { signal: readmeLimitations, words: /\b(limitations?|limits|known (issues|bugs|problems)|caveats?|shortcomings|not (yet )?(implemented|supported|done)|missing)\b/i, topic: 'limitations' },
  {
    signal: readmeFutureWork,
    words: /\b(more time|future|next steps?|improvements?|to-?do|roadmap|given more|if i had|would (do|add|change|improve)|nice to have|further work|what'?s next)\b/i,
    topic: 'future work',
  },
  { signal: readmeTesting, words: /\b(tests?|testing)\b/i, topic: 'testing' },
];

/** The lines that run the project even without a heading saying so: where "how to run it" is answered in a code block. */
const RUN_COMMAND = /^\s*(\$\s*)?(cargo (run|install)|docker (compose )?(run|up)|docker-compose up|\.\/target\/)/m;

/** The heading a line falls under, if any. */
function headingAbove(headings: readonly Heading[], offset: number): Heading | undefined {
  let found: Heading | undefined;
  for (const heading of headings) if (heading.start <= offset) found = heading;
  return found;
}

/**
 * The README's sections a reviewer looks for, each a strength at its heading, and one info at the
 * README's first line naming the topics no heading speaks of. A heading may speak of two topics
 * ("Design decisions"); each topic is reported once, at its first heading.
 */
export function readmeFindings(readme: ProjectFile): { findings: Finding[]; missing: string[] } {
  const text = readme.text ?? '';
  const headings = markdownHeadings(text);
  const findings: Finding[] = [];
  const missing: string[] = [];
  for (const { signal, words, topic } of SECTIONS) {
    const heading = headings.find((h) => words.test(h.text));
    if (heading) {
      findings.push(projectFinding(signal, readme.file, text, `${signal.message}: "${heading.text}"`, heading.start, heading.end));
      continue;
    }
    const command = signal === readmeRun ? RUN_COMMAND.exec(text) : null;
    if (command) {
      const at = command.index + command[0].search(/\S/);
      const under = headingAbove(headings, at);
      const lineEnd = text.indexOf('\n', at);
      const [start, end] = under ? [under.start, under.end] : [at, lineEnd === -1 ? text.length : lineEnd];
      findings.push(projectFinding(signal, readme.file, text, `the README shows how to run the project${under ? `, under "${under.text}"` : ''}`, start, end));
      continue;
    }
    // A README's own topic need not be repeated: testing is asked about in its own category.
    if (signal !== readmeTesting) missing.push(topic);
  }
  return { findings, missing };
}

/** The info naming what no README speaks of, at the first line of the main README. */
export function readmeGapFinding(readme: ProjectFile, missing: readonly string[]): Finding[] {
  if (missing.length === 0) return [];
  const [start, end] = firstLine(readme.text);
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}`;
  return [projectFinding(readmeGaps, readme.file, readme.text, `no README section on ${list}`, start, end)];
}

import type { CategoryId, CodeContext, ConcurrencyModel, FileAnalysis, Finding, Polarity, Severity } from '../analysis/model';

/**
 * A document's findings as they cross from the worker to the extension host after every edit: one
 * Int32Array, transferred rather than copied, and a table of the strings it refers to. Thousands of
 * finding objects would be copied field by field on both sides, and decoding them blocked the
 * extension host's thread; a big file's few hundred distinct strings and one buffer do not.
 */
export interface PackedFindings {
  numbers: Int32Array;
  strings: string[];
}

export type PackedAnalysis = Omit<FileAnalysis, 'findings'> & { findings: PackedFindings };

/** Per finding: rule, category, polarity, severity, message, file, context and concurrency model (string table indices, -1 for none), then its range and offsets. */
const FIELDS = 14;

export function packAnalysis({ findings, ...rest }: FileAnalysis): { analysis: PackedAnalysis; transfer: ArrayBuffer[] } {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (text: string | undefined) => {
    if (text === undefined) return -1;
    let at = index.get(text);
    if (at === undefined) index.set(text, (at = strings.push(text) - 1));
    return at;
  };
  const numbers = new Int32Array(findings.length * FIELDS);
  let at = 0;
  for (const f of findings) {
    numbers[at++] = ref(f.rule);
    numbers[at++] = ref(f.category);
    numbers[at++] = ref(f.polarity);
    numbers[at++] = ref(f.severity);
    numbers[at++] = ref(f.message);
    numbers[at++] = ref(f.file);
    numbers[at++] = ref(f.context);
    numbers[at++] = ref(f.concurrencyModel);
    numbers[at++] = f.range.start.line;
    numbers[at++] = f.range.start.character;
    numbers[at++] = f.range.end.line;
    numbers[at++] = f.range.end.character;
    numbers[at++] = f.startIndex;
    numbers[at++] = f.endIndex;
  }
  return { analysis: { ...rest, findings: { numbers, strings } }, transfer: [numbers.buffer] };
}

/**
 * The analysis a host receives. Given the findings it unpacked from the same document before,
 * those that are the same apart from where they are (the ones before and after an edit: most of a
 * long file's) are taken over and moved in place, so that a keystroke makes and collects objects
 * only for the findings it changed. `previous` is used up.
 */
export function unpackAnalysis({ findings: { numbers, strings }, ...rest }: PackedAnalysis, previous: readonly Finding[] = []): FileAnalysis {
  const count = numbers.length / FIELDS;
  const alike = (finding: Finding, i: number) => {
    const at = i * FIELDS;
    return (
      finding.rule === strings[numbers[at]] &&
      finding.category === strings[numbers[at + 1]] &&
      finding.polarity === strings[numbers[at + 2]] &&
      finding.severity === strings[numbers[at + 3]] &&
      finding.message === strings[numbers[at + 4]] &&
      finding.file === strings[numbers[at + 5]] &&
      finding.context === strings[numbers[at + 6]] &&
      finding.concurrencyModel === (numbers[at + 7] === -1 ? undefined : strings[numbers[at + 7]])
    );
  };
  const shared = Math.min(count, previous.length);
  let fromStart = 0;
  while (fromStart < shared && alike(previous[fromStart], fromStart)) fromStart++;
  let fromEnd = 0;
  while (fromEnd < shared - fromStart && alike(previous[previous.length - 1 - fromEnd], count - 1 - fromEnd)) fromEnd++;
  const findings: Finding[] = new Array<Finding>(count);
  for (let i = 0, at = 0; i < count; i++, at += FIELDS) {
    const kept = i < fromStart ? previous[i] : i >= count - fromEnd ? previous[i - count + previous.length] : undefined;
    if (kept) {
      kept.range.start.line = numbers[at + 8];
      kept.range.start.character = numbers[at + 9];
      kept.range.end.line = numbers[at + 10];
      kept.range.end.character = numbers[at + 11];
      kept.startIndex = numbers[at + 12];
      kept.endIndex = numbers[at + 13];
      findings[i] = kept;
      continue;
    }
    const model = numbers[at + 7];
    findings[i] = {
      rule: strings[numbers[at]],
      category: strings[numbers[at + 1]] as CategoryId,
      polarity: strings[numbers[at + 2]] as Polarity,
      severity: strings[numbers[at + 3]] as Severity,
      message: strings[numbers[at + 4]],
      file: strings[numbers[at + 5]],
      range: { start: { line: numbers[at + 8], character: numbers[at + 9] }, end: { line: numbers[at + 10], character: numbers[at + 11] } },
      startIndex: numbers[at + 12],
      endIndex: numbers[at + 13],
      context: strings[numbers[at + 6]] as CodeContext,
      ...(model === -1 ? {} : { concurrencyModel: strings[model] as ConcurrencyModel }),
    };
  }
  return { ...rest, findings };
}

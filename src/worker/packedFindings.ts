import type { CategoryId, CodeContext, ConcurrencyModel, FileAnalysis, Finding, Polarity, Severity } from '../analysis/model';

/**
 * A document's findings as they cross from the worker to the extension host after every edit:
 * numbers in one buffer, transferred rather than copied, and a table of the strings they refer to.
 * Thousands of finding objects would be copied field by field on both sides, and decoding them
 * blocked the extension host's thread.
 *
 * Most findings of a long file are the ones of the reply before, moved by the edit: those are sent
 * as the index they had there, with their new place, so that neither side handles their text, and
 * the host moves the objects it already has (see unpackAnalysis).
 */
export interface PackedFindings {
  /** Per finding, its range (start line and character, end line and character), then its offsets. */
  places: Int32Array;
  /** Per finding, its index among the findings of the reply for version `base` when it is the same finding moved, else -1. */
  kept: Int32Array;
  /** Per finding not kept, in order: rule, category, polarity, severity, message, file, context, concurrency model and subject, as indices into `strings` (-1 for none). */
  described: Int32Array;
  strings: string[];
  /** The version of the document whose reply `kept` refers to; absent when nothing is kept. */
  base?: number;
}

export type PackedAnalysis = Omit<FileAnalysis, 'findings'> & { findings: PackedFindings };

/** The findings an analysis kept of the one of version `base`: see keptFindingIndices. */
export interface KeptFindings {
  base: number;
  indices: Int32Array;
}

const PLACE_FIELDS = 6;
const DESCRIPTION_FIELDS = 9;

/** Packs an analysis, given what it kept of the one of version `base` (see keptFindingIndices). */
export function packAnalysis({ findings, ...rest }: FileAnalysis, kept?: KeptFindings): { analysis: PackedAnalysis; transfer: ArrayBuffer[] } {
  const count = findings.length;
  const keptIndices = kept?.indices;
  let described = count;
  if (keptIndices) for (const index of keptIndices) if (index >= 0) described--;
  // One buffer for the three, so that one allocation and one transfer serve them.
  const buffer = new ArrayBuffer((count * (PLACE_FIELDS + 1) + described * DESCRIPTION_FIELDS) * Int32Array.BYTES_PER_ELEMENT);
  const places = new Int32Array(buffer, 0, count * PLACE_FIELDS);
  const keptView = new Int32Array(buffer, places.byteLength, count);
  const descriptions = new Int32Array(buffer, places.byteLength + keptView.byteLength, described * DESCRIPTION_FIELDS);
  if (keptIndices) keptView.set(keptIndices);
  else keptView.fill(-1);
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (text: string | undefined) => {
    if (text === undefined) return -1;
    let at = index.get(text);
    if (at === undefined) index.set(text, (at = strings.push(text) - 1));
    return at;
  };
  for (let i = 0, at = 0, next = 0; i < count; i++) {
    const f = findings[i];
    places[at++] = f.range.start.line;
    places[at++] = f.range.start.character;
    places[at++] = f.range.end.line;
    places[at++] = f.range.end.character;
    places[at++] = f.startIndex;
    places[at++] = f.endIndex;
    if (keptView[i] >= 0) continue;
    descriptions[next++] = ref(f.rule);
    descriptions[next++] = ref(f.category);
    descriptions[next++] = ref(f.polarity);
    descriptions[next++] = ref(f.severity);
    descriptions[next++] = ref(f.message);
    descriptions[next++] = ref(f.file);
    descriptions[next++] = ref(f.context);
    descriptions[next++] = ref(f.concurrencyModel);
    descriptions[next++] = ref(f.subject);
  }
  const packed: PackedFindings = { places, kept: keptView, described: descriptions, strings, ...(kept ? { base: kept.base } : {}) };
  return { analysis: { ...rest, findings: packed }, transfer: [buffer] };
}

/**
 * The analysis a host receives. `base` is what it unpacked from the reply for version `base`: the
 * findings kept since are those objects, moved in place, so that a keystroke makes and collects
 * objects only for the findings it changed. `base` is used up, unless `copyKept`: a stale reply
 * is unpacked too, since the next one refers to it, while the host still shows `base`, whose
 * findings must then stay where they are.
 */
export function unpackAnalysis({ findings: { places, kept, described, strings }, ...rest }: PackedAnalysis, base: readonly Finding[] = [], { copyKept = false } = {}): FileAnalysis {
  const count = kept.length;
  const findings: Finding[] = new Array<Finding>(count);
  for (let i = 0, at = 0, next = 0; i < count; i++, at += PLACE_FIELDS) {
    const from = kept[i];
    if (from >= 0) {
      const held = base[from];
      if (!held) throw new Error(`the reply keeps finding ${from} of ${base.length}`);
      const finding = copyKept ? { ...held, range: { start: { ...held.range.start }, end: { ...held.range.end } } } : held;
      finding.range.start.line = places[at];
      finding.range.start.character = places[at + 1];
      finding.range.end.line = places[at + 2];
      finding.range.end.character = places[at + 3];
      finding.startIndex = places[at + 4];
      finding.endIndex = places[at + 5];
      findings[i] = finding;
      continue;
    }
    const model = described[next + 7];
    const subject = described[next + 8];
    findings[i] = {
      rule: strings[described[next]],
      category: strings[described[next + 1]] as CategoryId,
      polarity: strings[described[next + 2]] as Polarity,
      severity: strings[described[next + 3]] as Severity,
      message: strings[described[next + 4]],
      file: strings[described[next + 5]],
      range: { start: { line: places[at], character: places[at + 1] }, end: { line: places[at + 2], character: places[at + 3] } },
      startIndex: places[at + 4],
      endIndex: places[at + 5],
      context: strings[described[next + 6]] as CodeContext,
      ...(model === -1 ? {} : { concurrencyModel: strings[model] as ConcurrencyModel }),
      ...(subject === -1 ? {} : { subject: strings[subject] }),
    };
    next += DESCRIPTION_FIELDS;
  }
  return { ...rest, findings };
}

import type { DocumentAnalysis } from '../analysis/engine';
import { anchorFinding, FILE_ANCHOR, FileFindings, type GroupAnchor } from '../analysis/anchoredFindings';
import type { AnchoredFinding, CategoryId, CodeContext, ConcurrencyModel, FileAnalysis, FileSummary, Polarity, Severity } from '../analysis/model';

/**
 * A document's findings as they cross from the worker to the extension host after every edit:
 * numbers in one buffer, transferred rather than copied, and a table of the strings they refer to.
 * Thousands of finding objects would be copied field by field on both sides, and decoding them
 * blocked the extension host's thread.
 *
 * Findings are placed relative to their item group (see AnchoredFinding), so an edit moves the
 * anchors of the groups it did not touch and leaves their findings as they were. A reply lists
 * every group of the document with its anchor, and sends the findings only of the groups analysed
 * since the reply before: the host has the others' already (see ReceivedFindings).
 */
export interface PackedFindings {
  /** Per group, in order: its serial, its anchor (start, line, character), and how many of its findings `places` holds, or -1 when the reply before had the group. */
  groups: Int32Array;
  /** Per finding sent, the new groups' in order and then the file's own: start, end, line, character, end line and end character, relative to its group's anchor (the file's own to the file's start). */
  places: Int32Array;
  /** Per finding sent, in order: rule, category, polarity, severity, message, file, context, concurrency model and subject, as indices into `strings` (-1 for none). */
  described: Int32Array;
  strings: string[];
  /** How many of the findings sent, last in `places`, are the file's own, in no group. */
  fileFindings: number;
}

export type PackedAnalysis = Omit<FileAnalysis, 'findings'> & { findings: PackedFindings };

const GROUP_FIELDS = 5;
const PLACE_FIELDS = 6;
const DESCRIPTION_FIELDS = 9;
/** In `groups`, the count of a group the host has. */
const HELD = -1;

/** The strings a packed message refers to, each once, and the index of each (-1 for none). */
export function stringTable(): { strings: string[]; ref: (text: string | undefined) => number } {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (text: string | undefined) => {
    if (text === undefined) return -1;
    let at = index.get(text);
    if (at === undefined) index.set(text, (at = strings.push(text) - 1));
    return at;
  };
  return { strings, ref };
}

/** Packs a document's analysis; the groups numbered below `newFrom` were in the reply before, so only their anchors are sent. */
export function packDocument({ summary, groups, fileFindings }: DocumentAnalysis, newFrom = 0): { analysis: PackedAnalysis; transfer: ArrayBuffer[] } {
  let sent = fileFindings.length;
  for (const group of groups) if (group.serial >= newFrom) sent += group.findings.length;
  // One buffer for the three, so that one allocation and one transfer serve them.
  const buffer = new ArrayBuffer((groups.length * GROUP_FIELDS + sent * (PLACE_FIELDS + DESCRIPTION_FIELDS)) * Int32Array.BYTES_PER_ELEMENT);
  const groupView = new Int32Array(buffer, 0, groups.length * GROUP_FIELDS);
  const places = new Int32Array(buffer, groupView.byteLength, sent * PLACE_FIELDS);
  const described = new Int32Array(buffer, groupView.byteLength + places.byteLength, sent * DESCRIPTION_FIELDS);
  const { strings, ref } = stringTable();
  let place = 0;
  let next = 0;
  const write = (f: AnchoredFinding) => {
    places[place++] = f.start;
    places[place++] = f.end;
    places[place++] = f.line;
    places[place++] = f.character;
    places[place++] = f.endLine;
    places[place++] = f.endCharacter;
    described[next++] = ref(f.rule);
    described[next++] = ref(f.category);
    described[next++] = ref(f.polarity);
    described[next++] = ref(f.severity);
    described[next++] = ref(f.message);
    described[next++] = ref(f.file);
    described[next++] = ref(f.context);
    described[next++] = ref(f.concurrencyModel);
    described[next++] = ref(f.subject);
  };
  let at = 0;
  for (const group of groups) {
    const isNew = group.serial >= newFrom;
    groupView[at++] = group.serial;
    groupView[at++] = group.start;
    groupView[at++] = group.line;
    groupView[at++] = group.character;
    groupView[at++] = isNew ? group.findings.length : HELD;
    if (isNew) for (const finding of group.findings) write(finding);
  }
  for (const finding of fileFindings) write(anchorFinding(finding, FILE_ANCHOR));
  const packed: PackedFindings = { groups: groupView, places, described, strings, fileFindings: fileFindings.length };
  return { analysis: { ...summary, findings: packed }, transfer: [buffer] };
}

/** A group as the host has it from a reply: its anchor now, and its findings relative to it. */
export interface ReceivedGroup extends GroupAnchor {
  readonly serial: number;
  readonly findings: readonly AnchoredFinding[];
}

/** A reply as the host has taken it in: the file's summary, and its findings, group by group (see FileFindings). */
export interface ReceivedDocument {
  summary: FileSummary;
  groups: readonly ReceivedGroup[];
  findings: FileFindings;
}

function decode(places: Int32Array, described: Int32Array, strings: readonly string[], i: number): AnchoredFinding {
  const at = i * PLACE_FIELDS;
  const d = i * DESCRIPTION_FIELDS;
  const model = described[d + 7];
  const subject = described[d + 8];
  return {
    rule: strings[described[d]],
    category: strings[described[d + 1]] as CategoryId,
    polarity: strings[described[d + 2]] as Polarity,
    severity: strings[described[d + 3]] as Severity,
    message: strings[described[d + 4]],
    file: strings[described[d + 5]],
    context: strings[described[d + 6]] as CodeContext,
    ...(model === -1 ? {} : { concurrencyModel: strings[model] as ConcurrencyModel }),
    ...(subject === -1 ? {} : { subject: strings[subject] }),
    start: places[at],
    end: places[at + 1],
    line: places[at + 2],
    character: places[at + 3],
    endLine: places[at + 4],
    endCharacter: places[at + 5],
  };
}

/**
 * What the extension host holds of one open document's findings. Every reply, current or stale,
 * is taken in, since the next one lists the groups it kept of it. Findings stay relative to their
 * group, immutable, so a stale reply changes nothing that is shown, and a reply makes objects
 * only for the findings of the groups the worker analysed again.
 */
export class ReceivedFindings {
  /** The findings of each group of the latest reply, by serial. */
  private held = new Map<number, readonly AnchoredFinding[]>();

  /** Takes a reply in; undefined when it lists a group no reply before sent (the document must then be sent whole). */
  receive({ findings: packed, ...summary }: PackedAnalysis): ReceivedDocument | undefined {
    const { groups: groupView, places, described, strings } = packed;
    const held = new Map<number, readonly AnchoredFinding[]>();
    const groups: ReceivedGroup[] = [];
    let sent = 0;
    for (let at = 0; at < groupView.length; at += GROUP_FIELDS) {
      const serial = groupView[at];
      const count = groupView[at + 4];
      let findings = count === HELD ? this.held.get(serial) : undefined;
      if (count === HELD && !findings) {
        this.held = new Map();
        return undefined;
      }
      if (!findings) {
        const decoded: AnchoredFinding[] = new Array<AnchoredFinding>(count);
        for (let k = 0; k < count; k++) decoded[k] = decode(places, described, strings, sent++);
        findings = decoded;
      }
      held.set(serial, findings);
      groups.push({ serial, start: groupView[at + 1], line: groupView[at + 2], character: groupView[at + 3], findings });
    }
    const fileFindings: AnchoredFinding[] = [];
    for (let k = 0; k < packed.fileFindings; k++) fileFindings.push(decode(places, described, strings, sent++));
    this.held = held;
    return { summary, groups, findings: new FileFindings(groups, fileFindings) };
  }
}

import { deepStrictEqual, strictEqual } from 'node:assert';
import { anchorFinding, FILE_ANCHOR, FileFindings, PlacedRuns, placeFinding, startLineOf, type AnchoredRun } from '../../src/analysis/anchoredFindings';
import type { AnchoredFinding, Finding } from '../../src/analysis/model';

/** A finding in the file's offsets, on one line of a text whose lines are all 20 characters long (breaks included). */
function at(line: number, character: number, length: number, rule = 'unwrap'): Finding {
  const startIndex = line * 20 + character;
  return {
    rule,
    category: 'error-handling',
    polarity: 'concern',
    severity: 'warning',
    message: rule,
    file: 'src/lib.rs',
    range: { start: { line, character }, end: { line, character: character + length } },
    startIndex,
    endIndex: startIndex + length,
    context: 'code',
  };
}

/** A group starting at the start of `line`, holding `findings`. */
function run(line: number, findings: Finding[]): AnchoredRun {
  const anchor = { start: line * 20, line, character: 0 };
  return { ...anchor, findings: findings.map((f) => anchorFinding(f, anchor)) };
}

describe('findings held relative to their group', () => {
  const first = [at(1, 4, 3), at(2, 0, 5)];
  const second = [at(5, 2, 4), at(6, 8, 2, 'expect')];
  // The file's own: one before every group's, one at the same place as a group's (which comes first), one between, one after.
  const own = [at(0, 0, 10, 'integration-test'), at(1, 4, 3, 'zzz'), at(3, 0, 1, 'crate'), at(9, 0, 1, 'crate')];
  const held = new FileFindings([run(1, first), run(5, second)], own.map((f) => anchorFinding(f, FILE_ANCHOR)));

  it('places every finding where it is, in the order a stable sort by position gives', () => {
    deepStrictEqual(held.placed(), [own[0], first[0], own[1], first[1], own[2], second[0], second[1], own[3]]);
    strictEqual(held.size, 8);
  });

  it('moves a group by its anchor alone', () => {
    const moved = new FileFindings([run(1, first), { ...held.runs[1], start: held.runs[1].start + 40, line: held.runs[1].line + 2 }], []);
    deepStrictEqual(
      moved.placed().map((f) => [f.range.start.line, f.range.start.character, f.startIndex]),
      [
        [1, 4, 24],
        [2, 0, 40],
        [7, 2, 142],
        [8, 8, 168],
      ],
    );
  });

  it('keeps the column of a finding on its group\'s first line relative to the group, and on later lines as it is', () => {
    const anchor = { start: 30, line: 1, character: 10 };
    const onFirst = anchorFinding({ ...at(1, 14, 3), startIndex: 34, endIndex: 37 }, anchor);
    const moved = { start: 50, line: 2, character: 6 };
    deepStrictEqual(placeFinding(onFirst, moved).range, { start: { line: 2, character: 10 }, end: { line: 2, character: 13 } });
    const onSecond = anchorFinding({ ...at(2, 3, 2), startIndex: 43, endIndex: 45 }, anchor);
    deepStrictEqual(placeFinding(onSecond, moved).range, { start: { line: 3, character: 3 }, end: { line: 3, character: 5 } });
  });

  it('filters without copying what passes whole, and places only the findings asked for by line', () => {
    strictEqual(held.filter(() => true), held);
    const filtered = held.filter((f) => f.rule !== 'expect');
    strictEqual(filtered.runs[0], held.runs[0], 'a group all of whose findings pass is shared');
    deepStrictEqual(filtered.placed(), [own[0], first[0], own[1], first[1], own[2], second[0], own[3]]);
    deepStrictEqual(held.placedOnLines([[2, 5]]), [first[1], own[2], second[0]]);
    const lines: number[] = [];
    held.forEach((f, anchor) => lines.push(startLineOf(f, anchor)));
    deepStrictEqual(lines, [0, 1, 1, 2, 3, 5, 6, 9]);
  });

  it('filters each run once by a test of the finding alone, remembering what it kept', () => {
    const memo = new WeakMap<readonly AnchoredFinding[], readonly AnchoredFinding[]>();
    let tested = 0;
    const keep = (f: AnchoredFinding) => (tested++, f.rule !== 'expect');
    const filtered = held.filterEach(keep, memo);
    deepStrictEqual(filtered.placed(), held.filter((f) => f.rule !== 'expect').placed());
    strictEqual(filtered.runs[0], held.runs[0], 'a group all of whose findings pass is shared');
    const testedOnce = tested;
    // The second group moved: its findings are the same, so what it kept is too.
    const moved = new FileFindings([held.runs[0], { ...held.runs[1], start: held.runs[1].start + 20, line: held.runs[1].line + 1 }], held.fileFindings);
    const again = moved.filterEach(keep, memo);
    strictEqual(again.runs[1].findings, filtered.runs[1].findings);
    deepStrictEqual(again.placed()[5].range.start, { line: 6, character: 2 });
    strictEqual(tested - testedOnce, own.length, 'only the file\'s own findings are tested again');
  });

  it('places the findings on the lines of several windows, in order, and a finding that reaches into one from a group above it', () => {
    deepStrictEqual(held.placedOnLines([[0, 0], [6, 9]]), [own[0], second[1], own[3]]);
    deepStrictEqual(held.placedOnLines([[9, 9], [1, 1]]), [first[0], own[1], own[3]]);
    deepStrictEqual(held.placedOnLines([[7, 8]]), []);
    deepStrictEqual(held.placedOnLines([]), []);
    // A group whose first finding is far above the window, and whose second spans into it.
    const spanning: Finding = { ...at(2, 0, 1), range: { start: { line: 2, character: 0 }, end: { line: 40, character: 1 } }, endIndex: 801 };
    const long = new FileFindings([run(1, [at(1, 0, 1), spanning]), run(50, [at(50, 0, 1)])], []);
    deepStrictEqual(long.placedOnLines([[30, 31]]), [spanning]);
    deepStrictEqual(
      long.placedOnLines([[45, 60]]).map((f) => f.range.start.line),
      [50],
    );
  });

  it('places a group again only when its anchor moved', () => {
    const placedRuns = new PlacedRuns();
    const before = held.placed(placedRuns);
    const moved = new FileFindings([held.runs[0], { ...held.runs[1], start: held.runs[1].start + 20, line: held.runs[1].line + 1 }], held.fileFindings);
    const after = moved.placed(placedRuns);
    strictEqual(after[1], before[1], 'the group that stayed keeps its objects');
    strictEqual(after[5] === before[5], false, 'the group that moved is placed anew');
    deepStrictEqual(after[5].range.start, { line: 6, character: 2 });
  });
});

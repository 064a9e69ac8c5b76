import { deepStrictEqual, strictEqual } from 'node:assert';
import { DIAGNOSTICS_PER_PART, layoutParts, ShownParts, shownPart, textChanged, type DiagnosticShape, type LineEdit, type ShownPart } from '../../src/presentation/partLayout';

const PER = DIAGNOSTICS_PER_PART;

/** Diagnostics on the given lines, one line each, looking like `look(i)`: by default all unlike. */
function diagnosticsOn(lines: number[], look = (i: number) => `d${i}`): DiagnosticShape[] {
  return lines.map((line, i) => ({ looks: look(i), line, endLine: line }));
}

const range = (count: number, first = 0) => Array.from({ length: count }, (_, i) => first + i);

/** The parts once the layout's parts are set, as VS Code then holds them. */
function setParts(before: ShownPart[], diagnostics: DiagnosticShape[], layout: 'fresh' | 'typing'): ShownPart[] {
  const { parts } = layoutParts(before, diagnostics, layout);
  return parts.map(({ from, to, set }, i) => (set ? shownPart(diagnostics.slice(from, to)) : before[i]));
}

/** What the editor shows, in no particular order: each diagnostic's look and line. */
function onScreen(parts: ShownPart[]): string[] {
  return parts.flatMap((part) => part.looks.map((looks, i) => `${part.lines[i]}:${looks}`)).sort();
}

const expected = (diagnostics: DiagnosticShape[]) => diagnostics.map((d) => `${d.line}:${d.looks}`).sort();

/** Edits the open file: VS Code moves what it shows, then the new diagnostics are laid out while typing. */
function type(parts: ShownPart[], edits: LineEdit[], after: DiagnosticShape[]) {
  textChanged(parts, edits);
  const layout = layoutParts(parts, after, 'typing');
  return { layout, shown: setParts(parts, after, 'typing') };
}

describe('diagnostic part layout', () => {
  it('lays a file out fresh in parts of equal size, each set', () => {
    deepStrictEqual(layoutParts([], diagnosticsOn(range(2 * PER + 50)), 'typing'), {
      parts: [
        { from: 0, to: PER, set: true },
        { from: PER, to: 2 * PER, set: true },
        { from: 2 * PER, to: 2 * PER + 50, set: true },
      ],
      settleLater: false,
    });
  });

  it('while typing, leaves the parts VS Code already moved to the right lines, and sets them once laid out fresh', () => {
    const before = diagnosticsOn(range(2 * PER + 50));
    const shown = setParts([], before, 'fresh');
    // A line break typed at the end of line 99: the diagnostics below it move down a line.
    const after = diagnosticsOn(range(2 * PER + 50).map((line) => (line >= 100 ? line + 1 : line)));
    const { layout, shown: typed } = type(shown, [{ startLine: 99, endLine: 99, breaks: 1 }], after);
    deepStrictEqual(layout, {
      parts: [
        // The diagnostic on line 99 was on the edited line: its part is set again.
        { from: 0, to: PER, set: true },
        { from: PER, to: 2 * PER, set: false },
        { from: 2 * PER, to: 2 * PER + 50, set: false },
      ],
      settleLater: true,
    });
    deepStrictEqual(onScreen(typed), expected(after));
    deepStrictEqual(
      layoutParts(typed, after, 'fresh').parts.map((p) => p.set),
      [false, true, true],
    );
  });

  it('while typing, puts a new diagnostic in the part where it appears, and keeps every other in its part', () => {
    const before = diagnosticsOn(range(3 * PER));
    const shown = setParts([], before, 'fresh');
    // A new line 250 with a new diagnostic, typed after the end of line 249.
    const at = PER + 50;
    const after = [...before.slice(0, at), { looks: 'new', line: at, endLine: at }, ...before.slice(at).map((d) => ({ ...d, line: d.line + 1, endLine: d.endLine + 1 }))];
    const { layout, shown: typed } = type(shown, [{ startLine: at - 1, endLine: at - 1, breaks: 1 }], after);
    deepStrictEqual(layout, {
      parts: [
        { from: 0, to: PER, set: false },
        { from: PER, to: 2 * PER + 1, set: true },
        { from: 2 * PER + 1, to: 3 * PER + 1, set: false },
      ],
      settleLater: true,
    });
    deepStrictEqual(onScreen(typed), expected(after));
  });

  it('while typing within a line, sets only the part that changed and wants no settling', () => {
    const before = diagnosticsOn(range(3 * PER));
    const shown = setParts([], before, 'fresh');
    const after = diagnosticsOn(range(3 * PER), (i) => (i === 2 * PER + 7 ? 'edited' : `d${i}`));
    const { layout, shown: typed } = type(shown, [{ startLine: 2 * PER + 7, endLine: 2 * PER + 7, breaks: 0 }], after);
    deepStrictEqual(layout, {
      parts: [
        { from: 0, to: PER, set: false },
        { from: PER, to: 2 * PER, set: false },
        { from: 2 * PER, to: 3 * PER, set: true },
      ],
      settleLater: false,
    });
    deepStrictEqual(onScreen(typed), expected(after));
  });

  it('shows alike diagnostics in the right places when code like the code around is pasted among them', () => {
    // Forty alike diagnostics, one per ten lines; a hundred lines pasted at line 100 bring ten more,
    // on the very lines the ten below them were on, and push those down.
    const alike = () => 'unwrap';
    const before = diagnosticsOn(range(40).map((i) => i * 10), alike);
    const shown = setParts([], before, 'fresh');
    const after = diagnosticsOn(range(50).map((i) => i * 10), alike);
    const { shown: typed } = type(shown, [{ startLine: 100, endLine: 100, breaks: 100 }], after);
    deepStrictEqual(onScreen(typed), expected(after));
  });

  it('sets again a diagnostic that spans an edited line', () => {
    const before: DiagnosticShape[] = [
      { looks: 'a', line: 1, endLine: 1 },
      { looks: 'span', line: 3, endLine: 6 },
      { looks: 'b', line: 9, endLine: 9 },
    ];
    const shown = setParts([], before, 'fresh');
    textChanged(shown, [{ startLine: 5, endLine: 5, breaks: 0 }]);
    deepStrictEqual(shown[0].lines, [1, NaN, 9]);
    strictEqual(layoutParts(shown, before, 'typing').parts[0].set, true);
  });

  it('clears every part when the diagnostics are gone, and keeps a part shown before as an empty one in a fresh layout', () => {
    const before = diagnosticsOn(range(2 * PER));
    const shown = setParts([], before, 'fresh');
    deepStrictEqual(layoutParts(shown, [], 'typing').parts, [
      { from: 0, to: 0, set: true },
      { from: 0, to: 0, set: true },
    ]);
    deepStrictEqual(layoutParts(shown, before.slice(0, 10), 'fresh').parts, [
      { from: 0, to: 10, set: true },
      { from: 10, to: 10, set: true },
    ]);
  });

  it('wants a fresh layout once typing grows a part past twice its size', () => {
    const shown = setParts([], diagnosticsOn(range(PER)), 'fresh');
    strictEqual(layoutParts(shown, diagnosticsOn(range(2 * PER + 1)), 'typing').settleLater, true);
    strictEqual(layoutParts(shown, diagnosticsOn(range(2 * PER)), 'typing').settleLater, false);
  });
});

describe('shown parts of many files', () => {
  /** Lays the file out and records each part set, as the extension does once it has set them. */
  function show(shown: ShownParts, file: string, diagnostics: DiagnosticShape[], layout: 'fresh' | 'typing') {
    const result = shown.layout(file, diagnostics, layout);
    result.parts.forEach(({ from, to, set }, part) => set && shown.set(file, part, diagnostics.slice(from, to)));
    return result;
  }
  const setFlags = (result: { parts: { set: boolean }[] }) => result.parts.map((part) => part.set);

  it('sets nothing again that a file already shows', () => {
    const shown = new ShownParts();
    const diagnostics = diagnosticsOn(range(PER + 10));
    deepStrictEqual(setFlags(show(shown, 'a.rs', diagnostics, 'fresh')), [true, true]);
    deepStrictEqual(setFlags(shown.layout('a.rs', diagnostics, 'fresh')), [false, false]);
    deepStrictEqual(setFlags(shown.layout('b.rs', diagnostics, 'fresh')), [true, true]);
  });

  it('follows edits of a file as the editor moves what it shows, and of that file only', () => {
    const shown = new ShownParts();
    const before = diagnosticsOn(range(2 * PER));
    show(shown, 'a.rs', before, 'fresh');
    show(shown, 'b.rs', before, 'fresh');
    // A line break typed at the end of line 0: every diagnostic below moves down a line.
    shown.edited('a.rs', [{ startLine: 0, endLine: 0, breaks: 1 }]);
    const after = diagnosticsOn(range(2 * PER).map((line) => (line > 0 ? line + 1 : line)));
    deepStrictEqual(shown.layout('a.rs', after, 'typing'), {
      parts: [
        { from: 0, to: PER, set: true },
        { from: PER, to: 2 * PER, set: false },
      ],
      settleLater: true,
    });
    deepStrictEqual(setFlags(shown.layout('b.rs', after, 'typing')), [true, true]);
    deepStrictEqual(setFlags(shown.layout('b.rs', before, 'typing')), [false, false]);
  });

  it('forgets parts emptied at the end of a file, so a fresh layout does not clear them again', () => {
    const shown = new ShownParts();
    const diagnostics = diagnosticsOn(range(PER + 10));
    show(shown, 'a.rs', diagnostics, 'fresh');
    // Before the last part is emptied, a layout of fewer diagnostics must clear it.
    deepStrictEqual(setFlags(shown.layout('a.rs', diagnostics.slice(0, PER), 'fresh')), [false, true]);
    shown.set('a.rs', 1, []);
    deepStrictEqual(setFlags(shown.layout('a.rs', diagnostics.slice(0, PER), 'fresh')), [false]);
    shown.set('a.rs', 0, []);
    deepStrictEqual(shown.layout('a.rs', [], 'fresh'), { parts: [], settleLater: false });
  });
});

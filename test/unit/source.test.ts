import { deepStrictEqual, strictEqual } from 'node:assert';
import { codePointColumn, decodeSource, formatBytes, LineIndex } from '../../src/analysis/source';

describe('decodeSource', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('decodes UTF-8 text', () => {
    deepStrictEqual(decodeSource(bytes('fn main() { "héllo" }')), { ok: true, text: 'fn main() { "héllo" }' });
  });

  it('skips files over the size limit without decoding them', () => {
    const result = decodeSource(new Uint8Array(2048), 1024);
    deepStrictEqual(result, { ok: false, reason: 'too-large', detail: '2 KiB is over the 1 KiB limit' });
  });

  it('reports a NUL byte as binary before trying UTF-8', () => {
    strictEqual(decodeSource(Uint8Array.from([0x66, 0x00, 0xff])).ok === false && 'binary', 'binary');
    deepStrictEqual(decodeSource(Uint8Array.from([0x66, 0x00])), { ok: false, reason: 'binary', detail: 'contains NUL bytes, so it looks binary' });
  });

  it('reports invalid UTF-8', () => {
    deepStrictEqual(decodeSource(Uint8Array.from([0x66, 0x6e, 0xc3, 0x28])), { ok: false, reason: 'not-utf8', detail: 'is not valid UTF-8' });
  });

  it('drops a byte-order mark', () => {
    deepStrictEqual(decodeSource(Uint8Array.from([0xef, 0xbb, 0xbf, 0x66, 0x6e])), { ok: true, text: 'fn' });
  });

  it('formats sizes', () => {
    deepStrictEqual([formatBytes(10), formatBytes(1536), formatBytes(5 * 1024 * 1024)], ['10 B', '1.5 KiB', '5 MiB']);
  });
});

describe('LineIndex', () => {
  const index = new LineIndex('ab\r\ncd\n\nef');

  it('maps offsets to lines and characters', () => {
    deepStrictEqual(
      [0, 1, 4, 6, 7, 8, 9].map((o) => index.positionAt(o)),
      [
        { line: 0, character: 0 },
        { line: 0, character: 1 },
        { line: 1, character: 0 },
        { line: 1, character: 2 },
        { line: 2, character: 0 },
        { line: 3, character: 0 },
        { line: 3, character: 1 },
      ],
    );
  });

  it('returns line text without its line ending', () => {
    deepStrictEqual([0, 1, 2, 3].map((l) => index.lineText(l)), ['ab', 'cd', '', 'ef']);
    strictEqual(index.lineCount, 4);
  });
});

describe('codePointColumn', () => {
  it('counts an astral character as one column', () => {
    const line = 'let s = "🦀"; x.unwrap()';
    strictEqual(codePointColumn(line, line.indexOf('x')), 13);
    strictEqual(line.indexOf('x'), 14);
  });
});

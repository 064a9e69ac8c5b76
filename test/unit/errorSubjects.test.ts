import { deepStrictEqual } from 'node:assert';
import { analyze } from './support/analyzer';

/** Each error-handling finding that names a subject, as `rule subject`. */
async function subjects(source: string): Promise<string[]> {
  const { findings } = await analyze(source);
  return findings.filter((f) => f.subject !== undefined && f.category === 'error-handling').map((f) => `${f.rule} ${f.subject}`);
}

describe('error-handling subjects', () => {
  it('quote the receiver of an unwrap or expect on one line, and only its end when long', async () => {
    const source = [
      'fn f(args: Vec<String>, n: usize) {',
      '    let port = args',
      '        .get(1)',
      '        .unwrap();',
      '    let wide = u64::try_from(n).expect("usize fits in u64");',
      '    let longest = self.store.entries.iter().filter(|e| e.live).map(|e| e.len()).max().unwrap();',
      '}',
    ].join('\n');
    deepStrictEqual(await subjects(source), [
      'unwrap args .get(1)',
      'expect-invariant u64::try_from(n)',
      'unwrap …ter().filter(|e| e.live).map(|e| e.len()).max()',
    ]);
  });

  it('name the path a `let _ =` calls, so the crate pass can look up its return type', async () => {
    const source = 'fn f(store: &Store) { let _ = save(); let _ = Store::save(store); let _ = self.save(); let _ = out.flush(); let _ = writeln!(out); }';
    deepStrictEqual(await subjects(source), [
      'let-underscore-discard save',
      'let-underscore-discard Store::save',
      'let-underscore-discard self.save',
      'let-underscore-result out.flush',
      'let-underscore-discard writeln!',
    ]);
  });

  it('name the public function whose signature holds an opaque error type or anyhow', async () => {
    const source = [
      'pub fn load() -> Result<(), String> { Ok(()) }',
      'impl Store { pub fn save(&self) -> anyhow::Result<()> { Ok(()) } }',
      'fn private() -> anyhow::Result<()> { Ok(()) }',
    ].join('\n');
    deepStrictEqual(await subjects(source), ['opaque-error-type load', 'anyhow Store::save']);
  });

  it('name the receiver and method of a read or write whose byte count is dropped', async () => {
    deepStrictEqual(await subjects('fn f(w: &mut File) -> io::Result<()> { self.log.write(b"x")?; Ok(()) }'), ['unused-io-amount self.log.write']);
  });
});

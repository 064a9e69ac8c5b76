import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import type { AnalysisOutcome } from '../../src/analysis/engine';
import { packOutcome, unpackOutcome } from '../../src/worker/packedOutcome';
import { analyze } from './support/analyzer';

/** What the host receives of a scanned file's outcome: packed, cloned across the thread boundary with its buffer moved, and unpacked. */
function roundTrip(outcome: AnalysisOutcome): AnalysisOutcome {
  const { outcome: packed, transfer } = packOutcome(outcome);
  return unpackOutcome(structuredClone(packed, { transfer }));
}

const SOURCE = `
pub mod api;
mod store { pub struct Store; }

pub async fn serve(path: &str) -> std::io::Result<String> {
    let text = load(path);
    Store::open(path).unwrap();
    Ok(text)
}

fn load(path: &str) -> String { std::fs::read_to_string(path).expect("config") }

impl Store {
    fn open(path: &str) -> Result<Store, String> { Ok(Store) }
}

pub struct Borrowed<'a>(&'a str);
static SERVED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
`;

describe('packed scan outcomes', () => {
  it('unpack to the analysis the analyzer made, every field and optional field included', async () => {
    const analysis = await analyze(SOURCE, 'src/lib.rs');
    const { facts, findings } = analysis;
    // The source has each optional field both set and left out, so the round trip covers them all.
    ok(findings.some((f) => f.subject !== undefined) && findings.some((f) => f.subject === undefined));
    ok(findings.some((f) => f.concurrencyModel !== undefined));
    ok(facts.functions.some((f) => f.owner !== undefined) && facts.functions.some((f) => f.owner === undefined));
    ok(facts.functions.some((f) => f.returns !== undefined));
    ok(facts.calls.some((c) => c.range !== undefined) && facts.calls.some((c) => c.range === undefined));
    ok(facts.calls.some((c) => c.caller !== undefined));
    ok(facts.modules.length > 0 && facts.lifetimeTypes.length > 0);
    deepStrictEqual(roundTrip({ analysis }), { analysis });
  });

  it('moves one buffer for findings, functions and calls', async () => {
    const analysis = await analyze(SOURCE, 'src/lib.rs');
    const { outcome, transfer } = packOutcome({ analysis });
    strictEqual(transfer.length, 1);
    const packed = outcome.analysis;
    ok(packed);
    strictEqual(packed.findings.buffer, transfer[0]);
    strictEqual(packed.facts.functions.buffer, transfer[0]);
    strictEqual(packed.facts.calls.buffer, transfer[0]);
  });

  it('passes a skipped file through as it is', () => {
    const skipped: AnalysisOutcome = { skipped: { file: 'big.rs', reason: 'too-large', detail: '2 MiB is over the 1 MiB limit' } };
    deepStrictEqual(roundTrip(skipped), skipped);
  });
});

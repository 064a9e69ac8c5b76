import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import type { Finding } from '../../src/analysis/model';
import { signalById } from '../../src/analysis/signals';
import { countDrawn, statusSummary } from '../../src/presentation/drawnCounts';
import { explanationDocument, findingHoverMarkdown } from '../../src/presentation/explanations';
import { DEFAULT_HINT_POLICY, displayOf, isShown, type HintPolicy } from '../../src/presentation/hintPolicy';
import { inlineHintText, truncateAtWord } from '../../src/presentation/hintText';

function finding(overrides: Partial<Finding>): Finding {
  return {
    rule: 'unwrap',
    category: 'error-handling',
    polarity: 'concern',
    severity: 'information',
    message: 'm',
    file: 'src/lib.rs',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    startIndex: 0,
    endIndex: 1,
    context: 'code',
    ...overrides,
  };
}

describe('hint policy', () => {
  const policy = (overrides: Partial<HintPolicy>): HintPolicy => ({ ...DEFAULT_HINT_POLICY, ...overrides });

  it("shows concerns at their signal's severity, test concerns as hints, strengths and info as decorations", () => {
    deepStrictEqual(
      [finding({}), finding({ severity: 'warning' }), finding({ context: 'test' }), finding({ polarity: 'strength' }), finding({ polarity: 'info' })].map((f) =>
        displayOf(f, DEFAULT_HINT_POLICY),
      ),
      ['information', 'warning', 'hint', 'decoration', 'decoration'],
    );
    deepStrictEqual(displayOf(finding({ severity: 'warning' }), policy({ display: { ...DEFAULT_HINT_POLICY.display, concern: 'error' } })), 'error');
  });

  it('turns categories and signals off', () => {
    deepStrictEqual(isShown(finding({}), policy({ categories: { 'error-handling': false } })), false);
    deepStrictEqual(isShown(finding({}), policy({ signals: { unwrap: false } })), false);
    deepStrictEqual(isShown(finding({ rule: 'expect' }), policy({ signals: { unwrap: false } })), true);
  });

  it('hides test code unless it is a testing signal, when test code is not analysed', () => {
    const noTests = policy({ analyzeTests: false });
    deepStrictEqual(
      [finding({ context: 'test' }), finding({ context: 'test', category: 'testing', rule: 'test-fn', polarity: 'strength' }), finding({})].map((f) => isShown(f, noTests)),
      [false, true, true],
    );
  });

  it('hides a polarity set to off', () => {
    const quiet = policy({ display: { ...DEFAULT_HINT_POLICY.display, info: 'off' }, testConcernDisplay: 'off' });
    deepStrictEqual([finding({ polarity: 'info' }), finding({ context: 'test' }), finding({})].map((f) => isShown(f, quiet)), [false, false, true]);
  });
});

describe('inline hint text', () => {
  const unwrap = finding({ message: '`.unwrap()` panics on `None`/`Err` instead of handling it' });

  it('leaves text that fits whole, and cuts longer text at a word with an ellipsis', () => {
    strictEqual(truncateAtWord('takes a lock', 12), 'takes a lock');
    strictEqual(truncateAtWord('takes a lock', 11), 'takes a…');
    // A cut that falls just after a word keeps the word.
    strictEqual(truncateAtWord('takes a lock here', 13), 'takes a lock…');
    // No dangling punctuation before the ellipsis.
    strictEqual(truncateAtWord('a lock, held across an await', 10), 'a lock…');
    strictEqual(truncateAtWord('takes a lock', 0), 'takes a lock');
  });

  it('cuts inside a word only when the text has no space in the second half of what fits', () => {
    strictEqual(truncateAtWord('std::thread::sleep blocks', 12), 'std::thread…');
    strictEqual(truncateAtWord('abc', 1), '…');
    // Characters are code points: an emoji is never split in two.
    strictEqual(truncateAtWord('🦀🦀🦀🦀', 3), '🦀🦀…');
  });

  it('shows the most telling finding with its mark and category, shortened to the limit, and how many more', () => {
    strictEqual(inlineHintText(unwrap, 0, 0), '✗ Error handling: .unwrap() panics on None/Err instead of handling it');
    const short = inlineHintText(unwrap, 2, 60);
    strictEqual(short, '✗ Error handling: .unwrap() panics on None/Err…  (+2)');
    strictEqual(Array.from(short).length <= 60, true);
    strictEqual(inlineHintText(finding({ polarity: 'strength', message: 'a `?`' }), 0, 60), '✓ Error handling: a ?');
  });

  it('keeps a few words of the message however small the limit', () => {
    strictEqual(inlineHintText(unwrap, 0, 5), '✗ Error handling: .unwrap()…');
  });
});

describe('status bar counts', () => {
  const findings = [
    finding({ severity: 'warning' }),
    finding({}),
    finding({}),
    finding({ context: 'test' }),
    finding({ polarity: 'strength', rule: 'test-fn', category: 'testing', severity: 'hint' }),
    finding({ polarity: 'info', rule: 'lock', category: 'concurrency' }),
  ];

  it('counts the findings by how they are drawn: diagnostics by severity, strengths by their gutter mark', () => {
    deepStrictEqual(countDrawn(findings, DEFAULT_HINT_POLICY), { error: 0, warning: 1, information: 2, hint: 1, strength: 1 });
    // A strength drawn as a diagnostic is counted where the Problems panel lists it; what is off is not counted.
    const loud = { ...DEFAULT_HINT_POLICY, display: { concern: 'error', strength: 'information', info: 'off' }, testConcernDisplay: 'off' } as const;
    deepStrictEqual(countDrawn(findings, loud), { error: 3, warning: 0, information: 1, hint: 0, strength: 0 });
  });

  it('shows what the Problems panel lists and the strengths, and says in the tooltip what each number counts', () => {
    const { text, tooltip } = statusSummary({ error: 0, warning: 24, information: 62, hint: 16, strength: 1 });
    strictEqual(text, '$(checklist) $(warning) 24  $(info) 62  $(pass) 1');
    deepStrictEqual(tooltip.split('\n'), [
      'Rust Review, the hints drawn in the editor:',
      '24 warnings and 62 infos, listed in the Problems panel',
      '16 hints, drawn as dots under the code (the Problems panel does not list hints)',
      '1 strength, marked ✓ in the gutter',
      'Click to open the scorecard.',
    ]);
  });

  it('shows errors only when there are some, and leaves hints out of the tooltip when there are none', () => {
    const { text, tooltip } = statusSummary({ error: 1, warning: 1, information: 0, hint: 0, strength: 0 });
    strictEqual(text, '$(checklist) $(error) 1  $(warning) 1  $(info) 0  $(pass) 0');
    strictEqual(tooltip.split('\n')[1], '1 error, 1 warning and 0 infos, listed in the Problems panel');
    strictEqual(tooltip.includes('Problems panel does not list hints'), false);
  });
});

describe('signal explanations', () => {
  const unwrap = signalById('unwrap')!;

  it("explains a finding in its hover: category, polarity and signal, the message unless the diagnostic shows it, why it matters, what to ask, and where it is", () => {
    const hover = findingHoverMarkdown(finding({ message: '`.unwrap()` on the config', context: 'test' }), true);
    strictEqual(
      hover,
      `**Error handling** · concern · \`unwrap\`\n\n\`.unwrap()\` on the config\n\n${unwrap.explanation}\n\n**Ask the candidate:** ${unwrap.question}\n\n_In test code, where panics and prints are expected more often._\n`,
    );
    strictEqual(findingHoverMarkdown(finding({ message: '`.unwrap()` on the config' }), false), `**Error handling** · concern · \`unwrap\`\n\n${unwrap.explanation}\n\n**Ask the candidate:** ${unwrap.question}\n\n`);
  });

  it("writes a signal's page, and for an unknown id the signals there are", () => {
    strictEqual(explanationDocument('unwrap'), `# unwrap\n\nError handling · concern\n\n${unwrap.message}\n\n${unwrap.explanation}\n\n**Ask the candidate:** ${unwrap.question}\n`);
    const unknown = explanationDocument('no-such-signal');
    ok(unknown.startsWith('# Unknown signal `no-such-signal`\n\nKnown signals: '), unknown);
    ok(unknown.includes(' unwrap,') || unknown.includes(' unwrap\n'), unknown);
  });
});

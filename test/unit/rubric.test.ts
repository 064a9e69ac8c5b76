import { deepStrictEqual, strictEqual } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../src/analysis/model';
import { SIGNALS } from '../../src/analysis/signals';
import { DEFAULT_RUBRIC, PLACED_ELSEWHERE } from '../../src/rubric/defaultRubric';
import { permalink, reviewToJson, reviewToMarkdown, type ExportContext } from '../../src/rubric/export';
import { generateQuestions, QUESTION_PLACEHOLDERS } from '../../src/rubric/questions';
import { emptyReview, parseReview, pinEvidence, type Review } from '../../src/rubric/review';
import { MAX_EXPECTED_HOURS, parseRubric } from '../../src/rubric/rubricFile';
import { evidenceFor, evidenceForEach, MIN_CODE_LINES, suggestLevel, unassessed, weightedScore } from '../../src/rubric/scoring';

const KNOWN = new Set(SIGNALS.map((s) => s.id));
const NOW = new Date('2026-11-24T10:30:00Z');

function finding(rule: string, polarity: Finding['polarity'], file: string, line: number, character: number, overrides: Partial<Finding> = {}): Finding {
  return {
    rule,
    category: 'error-handling',
    polarity,
    severity: 'information',
    message: SIGNALS.find((s) => s.id === rule)?.message ?? rule,
    file,
    range: { start: { line, character }, end: { line, character: character + 8 } },
    startIndex: line * 100 + character,
    endIndex: line * 100 + character + 8,
    context: 'code',
    // As the analysis reports it: a site that starts threads says so.
    ...(SIGNALS.find((s) => s.id === rule)?.concurrencyModel === 'threads' ? { concurrencyModel: 'threads' as const } : {}),
    ...overrides,
  };
}

describe('the default rubric', () => {
  it('takes every signal as evidence for exactly one category', () => {
    const unplaced = SIGNALS.map((s) => ({ id: s.id, categories: DEFAULT_RUBRIC.categories.filter((c) => c.signals.includes(s.id)).map((c) => c.id) })).filter(
      (s) => s.categories.length !== 1,
    );
    deepStrictEqual(unplaced, []);
  });

  it('places a signal by its analysis category, or by an exception that names a signal', () => {
    const categoryOf = (signal: string) => DEFAULT_RUBRIC.categories.find((c) => c.signals.includes(signal))?.id;
    deepStrictEqual(['unwrap', 'unsafe-without-safety', 'print-output', 'long-function', 'dbg-macro'].map(categoryOf), ['error-handling', 'design', 'design', 'design', 'testing']);
    deepStrictEqual(Object.keys(PLACED_ELSEWHERE).filter((id) => !KNOWN.has(id)), []);
  });
});

describe('custom rubric files', () => {
  const category = {
    id: 'errors',
    title: 'Errors',
    weight: 2,
    signals: ['unwrap', 'try-operator'],
    descriptors: { 'strong-no': 'a', no: 'b', yes: 'c', 'strong-yes': 'd' },
    question: 'How?',
  };
  const good = { id: 'team-rubric', version: '2.1.0', title: 'Team rubric', categories: [category] };

  it('accepts a good file and the default rubric', () => {
    deepStrictEqual(parseRubric(JSON.stringify(good), KNOWN), { rubric: { ...good, checklist: [] } });
    deepStrictEqual(parseRubric(JSON.stringify(DEFAULT_RUBRIC), KNOWN), { rubric: DEFAULT_RUBRIC });
  });

  it('reads the time-box, when the file gives one', () => {
    deepStrictEqual(parseRubric(JSON.stringify({ ...good, expectedHours: 4.5 }), KNOWN), { rubric: { ...good, checklist: [], expectedHours: 4.5 } });
    strictEqual('expectedHours' in DEFAULT_RUBRIC, false, 'the interview guide gives no time-box, so the default rubric has none');
  });

  it('names the problem of a bad file', () => {
    const cases: [string, string][] = [
      ['{ "id": ', 'the file is not valid JSON'],
      [JSON.stringify([]), 'the rubric must be a JSON object'],
      [JSON.stringify({ ...good, colour: 'red' }), 'the rubric has an unknown field "colour"'],
      [JSON.stringify({ ...good, id: '' }), 'id must be a non-empty id'],
      [JSON.stringify({ ...good, version: 2 }), 'version must be a non-empty string'],
      [JSON.stringify({ ...good, categories: [] }), 'categories must be a non-empty list'],
      [JSON.stringify({ ...good, expectedHours: '4h' }), 'expectedHours must be a number of hours above 0 and at most 336'],
      [JSON.stringify({ ...good, expectedHours: 0 }), 'expectedHours must be a number of hours above 0'],
      [JSON.stringify({ ...good, expectedHours: 60 * 24 }), 'expectedHours must be a number of hours above 0'],
      [JSON.stringify({ ...good, categories: [{ ...category, weight: 0 }] }), 'category "errors": weight must be a number above 0'],
      [JSON.stringify({ ...good, categories: [{ ...category, signals: ['unwarp'] }] }), 'category "errors": unknown signal "unwarp"'],
      [JSON.stringify({ ...good, categories: [{ ...category, descriptors: { ...category.descriptors, yes: '' } }] }), 'category "errors": descriptors.yes is missing or empty'],
      [JSON.stringify({ ...good, categories: [category, category] }), 'category id "errors" is used twice'],
    ];
    for (const [text, start] of cases) {
      const result = parseRubric(text, KNOWN);
      strictEqual('error' in result && result.error.startsWith(start), true, `${start}: got ${JSON.stringify(result)}`);
    }
  });

  it('ships a JSON Schema that requires what the parser requires', () => {
    const schema = JSON.parse(readFileSync(path.resolve('src/rubric/rubric.schema.json'), 'utf8'));
    deepStrictEqual(schema.required, ['id', 'version', 'title', 'categories']);
    deepStrictEqual(schema.properties.categories.items.required, ['id', 'title', 'weight', 'signals', 'descriptors', 'question']);
    deepStrictEqual([schema.properties.expectedHours.exclusiveMinimum, schema.properties.expectedHours.maximum], [0, MAX_EXPECTED_HOURS]);
  });
});

describe('scoring', () => {
  const [errors] = DEFAULT_RUBRIC.categories.filter((c) => c.id === 'error-handling');
  const testing = DEFAULT_RUBRIC.categories.find((c) => c.id === 'testing')!;

  it('counts evidence by polarity, own code against tests, and ranks what lowers the level first', () => {
    const evidence = evidenceFor(errors, [
      finding('try-operator', 'strength', 'src/a.rs', 1, 0),
      finding('unwrap', 'concern', 'src/a.rs', 5, 0, { context: 'test' }),
      finding('unwrap', 'concern', 'src/b.rs', 2, 0),
      finding('clone', 'info', 'src/a.rs', 3, 0),
    ], 1000);
    deepStrictEqual(evidence.counts, { concern: { code: 1, test: 1 }, strength: { code: 1, test: 0 }, info: { code: 0, test: 0 } });
    // The crate's own concerns, then its strengths, then what tests, benches and examples show.
    deepStrictEqual(evidence.findings.map((f) => `${f.file}:${f.range.start.line}`), ['src/b.rs:2', 'src/a.rs:1', 'src/a.rs:5']);
  });

  it('ranks caps first, then the weightiest signal, no more than two of a signal before the others', () => {
    const concurrency = DEFAULT_RUBRIC.categories.find((c) => c.id === 'concurrency')!;
    const capsFirst = evidenceFor(concurrency, [finding('busy-wait', 'concern', 'src/a.rs', 1, 0), finding('static-mut', 'concern', 'src/z.rs', 30, 0)], 1000);
    deepStrictEqual(capsFirst.findings.map((f) => f.rule), ['static-mut', 'busy-wait']);
    const found = [
      ...[1, 2, 3, 4].map((line) => finding('unwrap', 'concern', 'src/a.rs', line, 0)),
      finding('try-operator', 'strength', 'src/a.rs', 0, 0),
      finding('expect', 'concern', 'src/a.rs', 7, 0),
      finding('panic', 'concern', 'src/a.rs', 9, 0),
      finding('todo', 'concern', 'src/z.rs', 20, 0),
    ];
    const ranked = evidenceFor(errors, found, 1000).findings.map((f) => `${f.rule}:${f.range.start.line}`);
    deepStrictEqual(ranked, ['todo:20', 'panic:9', 'unwrap:1', 'unwrap:2', 'expect:7', 'unwrap:3', 'unwrap:4', 'try-operator:0']);
  });

  it('gives every category, read in one pass, the evidence it gets alone', () => {
    // Findings of several categories and both contexts, two of them at one place.
    const found = [
      finding('unwrap', 'concern', 'src/a.rs', 1, 0),
      finding('clone', 'info', 'src/a.rs', 1, 0),
      finding('thread-spawn', 'info', 'src/a.rs', 2, 0),
      finding('busy-wait', 'concern', 'src/b.rs', 3, 0),
      finding('test-fn', 'strength', 'tests/t.rs', 4, 0, { context: 'test' }),
      finding('unwrap', 'concern', 'tests/t.rs', 5, 0, { context: 'test' }),
      finding('try-operator', 'strength', 'src/c.rs', 6, 0),
    ];
    deepStrictEqual(
      evidenceForEach(DEFAULT_RUBRIC.categories, found, 500),
      DEFAULT_RUBRIC.categories.map((category) => evidenceFor(category, found, 500)),
    );
  });

  it('suggests a level by the density of concerns and the breadth of strengths', () => {
    const suggest = (findings: Finding[], lines = 1000) => suggestLevel(errors, evidenceFor(errors, findings, lines));
    const unwraps = (n: number) => Array.from({ length: n }, (_, i) => finding('unwrap', 'concern', 'src/a.rs', i, 0));
    const tries = (n: number) => Array.from({ length: n }, (_, i) => finding('try-operator', 'strength', 'src/b.rs', i, 0));
    const kinds = [finding('result-fn', 'strength', 'src/c.rs', 1, 0), finding('custom-error-type', 'strength', 'src/c.rs', 2, 0)];
    deepStrictEqual(suggest([]), { reason: 'no suggestion: nothing found in this category' });
    deepStrictEqual(suggest([finding('clone', 'info', 'src/a.rs', 1, 0)]), { reason: 'no suggestion: nothing found in this category' });
    deepStrictEqual(suggest(unwraps(1)), {
      reason: "no suggestion, too little evidence: rare concerns (1.0 weighted per 1,000 lines of the crate's own code, mostly `unwrap`); no strengths",
    });
    deepStrictEqual(suggest(unwraps(20)), {
      level: 'strong-no',
      reason: "pervasive concerns (20 weighted per 1,000 lines of the crate's own code, mostly `unwrap`); no strengths",
    });
    deepStrictEqual(suggest([...unwraps(10), ...tries(3)]), {
      level: 'no',
      reason: "frequent concerns (10 weighted per 1,000 lines of the crate's own code, mostly `unwrap`); 1 kind of strength (`try-operator`)",
    });
    deepStrictEqual(suggest([...unwraps(10), ...tries(3), ...kinds]), {
      reason: 'mixed: read the code. Against: `unwrap` (frequent concerns, 10 per 1,000 lines); for: `try-operator` and `custom-error-type`',
    });
    deepStrictEqual(suggest([...unwraps(4), ...tries(3), kinds[0]]), {
      level: 'yes',
      reason: "occasional concerns (4.0 weighted per 1,000 lines of the crate's own code, mostly `unwrap`); 2 kinds of strength (`try-operator` and `result-fn`)",
    });
    // Many of one strength are one kind of strength: no more than breadth.
    deepStrictEqual(suggest(tries(30)), { level: 'yes', reason: 'no concerns; 1 kind of strength (`try-operator`)' });
    // Never an automatic strong-yes: the question that would decide it instead.
    deepStrictEqual(suggest([...tries(3), ...kinds]), {
      level: 'yes',
      reason: `no concerns; 3 kinds of strength (\`try-operator\`, \`custom-error-type\` and \`result-fn\`); candidate for strong-yes: ask about y${errors.question.slice(1)}`,
    });
  });

  it('weighs concerns per 1,000 lines, so size alone does not move the level', () => {
    const suggest = (findings: Finding[], lines: number) => suggestLevel(errors, evidenceFor(errors, findings, lines)).level;
    const unwraps = (n: number) => Array.from({ length: n }, (_, i) => finding('unwrap', 'concern', 'src/a.rs', i, 0));
    const strengths = [finding('try-operator', 'strength', 'src/b.rs', 1, 0), finding('result-fn', 'strength', 'src/b.rs', 2, 0)];
    deepStrictEqual([suggest([...unwraps(4), ...strengths], 1000), suggest([...unwraps(40), ...strengths], 10_000)], ['yes', 'yes']);
    deepStrictEqual([suggest([...unwraps(20), ...strengths], 1000), suggest([...unwraps(200), ...strengths], 10_000)], ['no', 'no']);
    // A small crate is weighed as if it had MIN_CODE_LINES lines: one unwrap in 40 lines is not 25 per 1,000.
    deepStrictEqual([suggest([...unwraps(1), ...strengths], 40), suggest([...unwraps(1), ...strengths], MIN_CODE_LINES)], ['yes', 'yes']);
  });

  it('caps a category only by high-confidence concerns: one kind at no, two at strong-no', () => {
    const concurrency = DEFAULT_RUBRIC.categories.find((c) => c.id === 'concurrency')!;
    const suggest = (findings: Finding[]) => suggestLevel(concurrency, evidenceFor(concurrency, findings, 5000));
    const strengths = ['bounded-channel', 'scoped-threads'].map((rule, i) => finding(rule, 'strength', 'src/a.rs', i, 0));
    strictEqual(suggest(strengths).level, 'yes');
    deepStrictEqual(suggest([...strengths, finding('static-mut', 'concern', 'src/a.rs', 10, 0)]), {
      level: 'no',
      reason: "rare concerns (0.6 weighted per 1,000 lines of the crate's own code, mostly `static-mut`); 2 kinds of strength (`bounded-channel` and `scoped-threads`); capped by `static-mut`",
    });
    strictEqual(suggest([...strengths, finding('static-mut', 'concern', 'src/a.rs', 10, 0), finding('guard-across-await', 'concern', 'src/b.rs', 3, 0)]).level, 'strong-no');
    // Nor in tests: a test's `static mut` is not the crate's.
    strictEqual(suggest([...strengths, finding('static-mut', 'concern', 'src/a.rs', 10, 0, { context: 'test' })]).level, 'yes');
    // A concern that is less sure does not cap: one busy wait among strengths leaves "yes".
    strictEqual(suggest([...strengths, finding('busy-wait', 'concern', 'src/a.rs', 10, 0)]).level, 'yes');
  });

  it('judges testing by what the tests cover, not by how many there are', () => {
    const tests = (n: number) => Array.from({ length: n }, (_, i) => finding('test-fn', 'strength', 'src/a.rs', i, 0, { context: 'test' }));
    const test = (rule: string, line: number) => finding(rule, rule === 'test-without-assert' ? 'concern' : 'strength', 'tests/t.rs', line, 0, { context: 'test' });
    const suggest = (findings: Finding[]) => suggestLevel(testing, evidenceFor(testing, findings, 1000));
    deepStrictEqual(suggest([]), { level: 'strong-no', reason: 'no tests found' });
    const happy = { level: 'no', reason: 'happy-path unit tests only; nothing tests error paths and the public interface; every test asserts something' };
    // Twenty happy-path tests say no more than two.
    deepStrictEqual([suggest(tests(2)), suggest(tests(20))], [happy, happy]);
    deepStrictEqual(suggest([...tests(4), test('test-error-path', 1)]), {
      reason: 'mixed: read the tests. For: they test error paths; against: the public interface untested (tests cover error paths; nothing tests the public interface; every test asserts something)',
    });
    deepStrictEqual(suggest([...tests(4), test('test-error-path', 1), test('doc-test', 2)]), {
      level: 'yes',
      reason: 'tests cover error paths and the public interface; every test asserts something',
    });
    deepStrictEqual(suggest([...tests(4), test('test-error-path', 1), test('integration-test-file', 0)]), {
      level: 'yes',
      reason: `tests cover error paths, the public interface and integration or property tests; every test asserts something; candidate for strong-yes: ask about t${testing.question.slice(1)}`,
    });
    deepStrictEqual(suggest([...tests(4), test('test-without-assert', 1), test('test-without-assert', 2), test('test-without-assert', 3)]), {
      level: 'strong-no',
      reason: 'most tests assert nothing: happy-path unit tests only; nothing tests error paths and the public interface; 25% of the tests assert something',
    });
  });

  it('knows a signal by its metadata, never by its id', () => {
    const ids = new RegExp(`'(${[...KNOWN].join('|')})'`);
    // The default rubric names the signals it places against their analysis category, as data.
    const naming = readdirSync('src/rubric')
      .filter((file) => file.endsWith('.ts') && file !== 'defaultRubric.ts')
      .filter((file) => ids.test(readFileSync(path.join('src/rubric', file), 'utf8')));
    deepStrictEqual(naming, []);
  });

  it('weighs the scored categories and lists the others', () => {
    const review = emptyReview({ name: 'kv' }, undefined, DEFAULT_RUBRIC, NOW);
    strictEqual(weightedScore(review, DEFAULT_RUBRIC), undefined);
    review.categories.ownership.level = 'strong-yes'; // weight 2
    review.categories.lifetimes.level = 'no'; // weight 1
    strictEqual(weightedScore(review, DEFAULT_RUBRIC), 3.33);
    deepStrictEqual(unassessed(review, DEFAULT_RUBRIC).map((c) => c.id), ['error-handling', 'concurrency', 'async', 'testing', 'design']);
  });
});

describe('follow-up questions', () => {
  it("asks about this candidate's own code, from each finding and its signal alone", () => {
    const findings = [
      finding('unwrap', 'concern', 'src/store.rs', 41, 33, { subject: 'File::open(&path)' }),
      finding('unwrap', 'concern', 'src/store.rs', 41, 50, { context: 'test', subject: 'other' }),
      finding('expect', 'concern', 'src/main.rs', 9, 36, { subject: 'args[1].parse()' }),
      finding('blocking-in-async', 'concern', 'src/server.rs', 20, 4, { message: '`std::thread::sleep` blocks the runtime thread; use `tokio::time::sleep`' }),
      finding('unwrap', 'concern', 'src/extra.rs', 1, 0),
    ];
    deepStrictEqual(
      generateQuestions(findings).map((q) => q.text),
      [
        '`src/store.rs:42` unwraps `File::open(&path)` — what should happen when the file is missing or unreadable?',
        '`src/main.rs:10` expects `args[1].parse()` — what should happen when the input is malformed?',
        '`src/server.rs:21`: `std::thread::sleep` blocks the runtime thread; use `tokio::time::sleep` — what happens to the other connections while this call blocks?',
      ],
    );
  });

  it('names what could fail by the words of the subject, not by parts of a word', () => {
    const failures = ['std::thread::Builder::new().spawn(work)', 'budget.checked_sub(cost)', 'reader.lines().next()', 'serde_json::from_str(&body)', 'std::fs::write(&path, data)'].map(
      (subject, line) => generateQuestions([finding('unwrap', 'concern', 'src/a.rs', line, 0, { subject })])[0].text.replace(/.* when /, ''),
    );
    deepStrictEqual(failures, ['it fails?', 'it fails?', 'the value is absent?', 'the input is malformed?', 'the file is missing or unreadable?']);
  });

  it("asks a finding without a subject its signal's own question", () => {
    deepStrictEqual(
      generateQuestions([finding('unwrap', 'concern', 'src/client.rs', 16, 9)]).map((q) => q.text),
      ['`src/client.rs:17`: `.unwrap()` panics on `None`/`Err` instead of handling it — what should happen here when this value is missing or the operation fails?'],
    );
  });

  it('fills only the placeholders it knows', () => {
    const unknown = SIGNALS.flatMap((s) => [...(s.questionTemplate ?? '').matchAll(/\{(\w+)\}/g)].filter((m) => !QUESTION_PLACEHOLDERS.includes(m[1])).map((m) => `${s.id}: ${m[0]}`));
    deepStrictEqual(unknown, []);
  });
});

describe('review export', () => {
  function goldenReview(): Review {
    let review = emptyReview({ name: 'kvstore', remote: 'git@github.com:candidate/kvstore.git' }, '0123456789abcdef0123456789abcdef01234567', DEFAULT_RUBRIC, NOW);
    review = pinEvidence(
      review,
      {
        id: 'e1',
        categoryId: 'error-handling',
        file: 'src/store.rs',
        range: { startLine: 41, startCharacter: 33, endLine: 41, endCharacter: 41 },
        commit: 'fedcba9876543210fedcba9876543210fedcba98',
        snippet: '    let file = File::open(&path).unwrap();',
        signal: 'unwrap',
        note: 'Crashes on a missing store file: ask about recovery.',
        createdAt: NOW.toISOString(),
      },
      NOW,
    );
    review.categories['error-handling'] = { level: 'no', notes: 'Unwraps on every I/O path.\nNo error type.', questions: ['`src/store.rs:42` unwraps `File::open(&path)` — what should happen when the file is missing or unreadable?'] };
    review.categories.ownership = { level: 'yes', notes: '', questions: [] };
    review.categories.concurrency = { level: 'strong-no', notes: 'A std `Mutex` guard is held across `.await`.', questions: [] };
    review.recommendation = 'no';
    review.summary = 'Works for the happy path; **error handling and async** need a long talk.';
    return review;
  }

  function context(review: Review): ExportContext {
    const errors = DEFAULT_RUBRIC.categories.find((c) => c.id === 'error-handling')!;
    const evidence = evidenceFor(errors, [
      finding('unwrap', 'concern', 'src/store.rs', 41, 33),
      finding('try-operator', 'strength', 'src/lib.rs', 7, 20),
      finding('unwrap', 'concern', 'src/<b>odd`name</b>.rs', 2, 4, { context: 'test' }),
    ], 1000);
    const at = (line: number, text: string) => [...Array<string>(line).fill(''), text];
    const sources: Record<string, string[]> = {
      'src/store.rs': at(41, '    let file = File::open(&path).unwrap();'),
      'src/lib.rs': at(7, '    let n = parse(input)?;'),
      'src/<b>odd`name</b>.rs': at(2, '        x.unwrap() // ```'),
    };
    return {
      review,
      rubric: DEFAULT_RUBRIC,
      reviewer: 'Ada Lovelace',
      date: NOW,
      evidence: new Map([['error-handling', evidence]]),
      source: (file, start, end) => sources[file]?.slice(start, end + 1).join('\n'),
    };
  }

  it('writes the exact Markdown of a golden review', () => {
    const markdown = reviewToMarkdown(context(goldenReview()));
    const golden = path.resolve('test/fixtures/review.golden.md');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, markdown);
    strictEqual(markdown, readFileSync(golden, 'utf8'));
  });

  it('permalinks to the commit on GitHub and GitLab only', () => {
    deepStrictEqual(
      [
        permalink('git@github.com:c/kv.git', 'abc', 'src/a b.rs', 4, 6),
        permalink('https://gitlab.com/g/kv.git', 'abc', 'src/a.rs', 4, 4),
        permalink('https://example.org/kv.git', 'abc', 'src/a.rs', 4, 4),
        permalink('git@github.com:c/kv.git', undefined, 'src/a.rs', 4, 4),
      ],
      ['https://github.com/c/kv/blob/abc/src/a%20b.rs#L5-L7', 'https://gitlab.com/g/kv/-/blob/abc/src/a.rs#L5', undefined, undefined],
    );
  });

  it('writes JSON that imports back as the same review', () => {
    const review = goldenReview();
    const exported = JSON.parse(reviewToJson(context(review)));
    deepStrictEqual([exported.reviewer, exported.weightedScore, exported.analysis['error-handling'].concern], ['Ada Lovelace', 2, { code: 1, test: 1 }]);
    const imported = parseReview(exported);
    deepStrictEqual('review' in imported && imported.review.categories, review.categories);
  });
});

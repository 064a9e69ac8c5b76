import { isOwnCode, type Finding, type SignalInfo, type TestCoverage } from '../analysis/model';
import { signalById } from '../analysis/signals';
import { LEVEL_SCORES, type EvidenceCounts, type Level, type Rubric, type RubricCategory } from './model';
import type { Review } from './review';
import { plural } from './text';

export interface CategoryEvidence {
  counts: EvidenceCounts;
  /** The category's findings ranked by what matters to the decision (see rankEvidence). */
  findings: Finding[];
  /** Lines of the crate's own code the findings were found in: concerns are weighed per 1,000 of them. */
  codeLines: number;
  /** The crate's own code starts threads or tasks, so a concern that caps only then does (see SignalInfo.caps). */
  startsThreads: boolean;
}

/**
 * What the evidence suggests for a category, for the reviewer to accept or not: it is never applied
 * by itself. Without a level it says why none is suggested (too little evidence, or mixed).
 */
export interface Suggestion {
  level?: Level;
  reason: string;
}

const signalOf = (id: string): SignalInfo | undefined => signalById(id);

/** How much one finding weighs: its signal's own weight, else one for a concern (a quarter for a mere hint). */
export function weightOf(rule: string): number {
  const signal = signalOf(rule);
  if (signal?.weight !== undefined) return signal.weight;
  if (signal?.polarity !== 'concern') return 1;
  return signal.severity === 'hint' ? 0.25 : signal.severity === 'information' ? 1 : 3;
}

/** Whether the crate's own code starts threads or tasks: a finding of the `threads` concurrency model outside tests. */
export function startsThreads(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.concurrencyModel === 'threads' && isOwnCode(f));
}

/** Which own-code concerns cap their category, in a crate that does or does not start threads. */
function capsWhere(threads: boolean): (f: Finding) => boolean {
  return (f) => {
    if (f.polarity !== 'concern' || !isOwnCode(f)) return false;
    const caps = signalOf(f.rule)?.caps;
    return caps === true || (caps === 'with-threads' && threads);
  };
}

/** How many findings of one signal may come before every other signal has had its turn. */
const PER_SIGNAL_TURN = 2;

/**
 * Findings in the order a reviewer should read them: what caps or lowers the level first, then the
 * most serious concern of each different signal, then strengths, one of each kind before more;
 * the crate's own code before tests, benches and examples, info last. A signal shows at most two
 * findings before the others have had their turn.
 */
export function rankEvidence(findings: readonly Finding[], threads: boolean): Finding[] {
  const caps = capsWhere(threads);
  const own = findings.filter(isOwnCode);
  const rest = findings.filter((f) => !isOwnCode(f));
  const ofPolarity = (list: Finding[], polarity: Finding['polarity']) => list.filter((f) => f.polarity === polarity);
  const ownConcerns = ofPolarity(own, 'concern');
  return [
    ...inTurns(ownConcerns.filter(caps)),
    ...inTurns(ownConcerns.filter((f) => !caps(f))),
    ...inTurns(ofPolarity(own, 'strength')),
    ...inTurns(ofPolarity(rest, 'concern')),
    ...inTurns(ofPolarity(rest, 'strength')),
    ...ofPolarity(own, 'info').sort(byPlace),
    ...ofPolarity(rest, 'info').sort(byPlace),
  ];
}

function byPlace(a: Finding, b: Finding): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.startIndex - b.startIndex;
}

const SEVERITY_RANK = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/**
 * The findings grouped by signal, the weightiest signal first, each signal's most serious finding
 * first; then taken in turns: up to two of each signal per round until all are taken.
 */
function inTurns(findings: readonly Finding[]): Finding[] {
  const bySignal = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = bySignal.get(f.rule);
    if (list) list.push(f);
    else bySignal.set(f.rule, [f]);
  }
  const groups = [...bySignal.values()]
    .map((list) => list.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || byPlace(a, b)))
    .sort((a, b) => weightOf(b[0].rule) - weightOf(a[0].rule) || b.length - a.length || (a[0].rule < b[0].rule ? -1 : 1));
  const ranked: Finding[] = [];
  // Each round visits only the signals with findings left: one signal's thousand unwraps would
  // otherwise make five hundred rounds over every signal.
  for (let from = 0, left = groups; left.length > 0; from += PER_SIGNAL_TURN) {
    const to = from + PER_SIGNAL_TURN;
    for (const group of left) for (let i = from; i < to && i < group.length; i++) ranked.push(group[i]);
    left = left.filter((group) => group.length > to);
  }
  return ranked;
}

export function evidenceFor(category: RubricCategory, findings: readonly Finding[], codeLines: number): CategoryEvidence {
  return evidenceForEach([category], findings, codeLines)[0];
}

/** Every category's evidence, as evidenceFor gives it, with the findings read once for all. */
export function evidenceForEach(categories: readonly RubricCategory[], findings: readonly Finding[], codeLines: number): CategoryEvidence[] {
  const mine = categories.map((): Finding[] => []);
  const listsOf = new Map<string, Finding[][]>();
  categories.forEach((category, i) => {
    for (const signal of new Set(category.signals)) listsOf.set(signal, [...(listsOf.get(signal) ?? []), mine[i]]);
  });
  for (const finding of findings) for (const list of listsOf.get(finding.rule) ?? []) list.push(finding);
  const threads = startsThreads(findings);
  return mine.map((list) => {
    const counts: EvidenceCounts = { concern: { code: 0, test: 0 }, strength: { code: 0, test: 0 }, info: { code: 0, test: 0 } };
    for (const finding of list) counts[finding.polarity][isOwnCode(finding) ? 'code' : 'test']++;
    return { counts, findings: rankEvidence(list, threads), codeLines, startsThreads: threads };
  });
}

const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const named = (rule: string) => `\`${rule}\``;

/**
 * Below this many lines of code, concerns are weighed as if there were this many: in a 40-line
 * take-home one slip is not 25 per 1,000 lines. Samples of the size a take-home has are above it,
 * so their density, and the level, do not depend on their size.
 */
export const MIN_CODE_LINES = 300;

/**
 * Weighted concerns per 1,000 lines of code, and the words a reviewer can repeat for them. Each
 * band's upper bound; a density above the last is pervasive.
 */
const DENSITY_BANDS = [
  { upTo: 0, words: 'no concerns' },
  { upTo: 2, words: 'rare concerns' },
  { upTo: 6, words: 'occasional concerns' },
  { upTo: 15, words: 'frequent concerns' },
  { upTo: Infinity, words: 'pervasive concerns' },
] as const;
type Band = 0 | 1 | 2 | 3 | 4;

function bandOf(density: number): Band {
  return DENSITY_BANDS.findIndex((b) => density <= b.upTo) as Band;
}

const lower = (a: Level, b: Level): Level => (LEVEL_SCORES[a] <= LEVEL_SCORES[b] ? a : b);

/** The deciding question for a category that may deserve more than "yes": its own interview question. */
function strongYesQuestion(category: RubricCategory): string {
  return `candidate for strong-yes: ask about ${category.question.charAt(0).toLowerCase()}${category.question.slice(1)}`;
}

/**
 * A level the evidence suggests, with a reason that names the density of concerns and the breadth
 * of strengths. Concerns are weighed per 1,000 lines of the crate's own code, each by its signal's
 * weight, so size alone does not move the level; strengths count once per kind. Only concerns sure
 * and serious enough to cap a category can hold it down whatever else is found (one kind at "no",
 * two at "strong-no"). The level goes up to "yes", with the question that would decide a strong yes;
 * evidence that points both ways says so, and too little evidence gives no level.
 */
export function suggestLevel(category: RubricCategory, evidence: CategoryEvidence): Suggestion {
  if (category.signals.some((s) => signalOf(s)?.countsOneTest)) return suggestTesting(category, evidence);
  const own = evidence.findings.filter(isOwnCode);
  const concerns = own.filter((f) => f.polarity === 'concern');
  const { counted: strengthKinds, outweighed } = weighStrengths(own);
  if (concerns.length === 0 && strengthKinds.length === 0) {
    const info = own.length + evidence.findings.filter((f) => !isOwnCode(f)).length;
    return { reason: info > 0 ? 'no suggestion: only facts to weigh (info findings), no concerns or strengths in the crate\'s own code' : 'no suggestion: nothing found in this category' };
  }
  const lines = Math.max(evidence.codeLines, MIN_CODE_LINES);
  const density = concerns.reduce((sum, f) => sum + weightOf(f.rule), 0) / (lines / 1000);
  const band = bandOf(density);
  const capKinds = distinct(concerns.filter(capsWhere(evidence.startsThreads)));
  const cap: Level | undefined = capKinds.length >= 2 ? 'strong-no' : capKinds.length === 1 ? 'no' : undefined;
  const breadth = strengthKinds.length;

  const densityWords = `${DENSITY_BANDS[band].words}${band > 0 ? ` (${formatDensity(density)} weighted per 1,000 lines of the crate's own code, mostly ${list(distinct(concerns).slice(0, 2).map(named))})` : ''}`;
  const outweighedWords = outweighed.map(({ strength, concern, found, against }) => `; ${named(strength)} not counted: ${found} against ${against} ${named(concern)}`).join('');
  const breadthWords = `${breadth === 0 ? 'no strengths' : `${plural(breadth, 'kind', 'kinds')} of strength (${list(strengthKinds.map(named))})`}${outweighedWords}`;
  const said = `${densityWords}; ${breadthWords}`;
  const capWords = capKinds.length > 0 ? `; capped by ${list(capKinds.map(named))}` : '';

  // Too little to go on: rare concerns or none, and nothing for the candidate either.
  if (band <= 1 && breadth === 0) return cap ? { level: cap, reason: `${said}${capWords}` } : { reason: `no suggestion, too little evidence: ${said}` };

  let level: Level | 'mixed';
  if (band === 4) level = breadth >= 2 ? 'no' : 'strong-no';
  else if (band === 3) level = breadth >= 2 ? 'mixed' : 'no';
  else if (band === 2) level = breadth >= 2 ? 'yes' : breadth === 1 ? 'mixed' : 'no';
  else level = 'yes';

  if (level === 'mixed') {
    if (cap) return { level: cap, reason: `${said}${capWords}` };
    const against = distinct(concerns).slice(0, 2).map(named);
    const forIt = strengthKinds.slice(0, 2).map(named);
    return { reason: `mixed: read the code. Against: ${list(against)} (${DENSITY_BANDS[band].words}, ${formatDensity(density)} per 1,000 lines); for: ${list(forIt)}${outweighedWords}` };
  }
  const capped = cap ? lower(level, cap) : level;
  const candidate = capped === 'yes' && band <= 1 && breadth >= 3 ? `; ${strongYesQuestion(category)}` : '';
  return { level: capped, reason: `${said}${capWords}${candidate}` };
}

interface Outweighed {
  strength: string;
  concern: string;
  found: number;
  against: number;
}

/**
 * The kinds of strength that count toward breadth, and those that do not because the concern that
 * counts the same kind of thing is found as often or more (see SignalInfo.opposedBy).
 */
function weighStrengths(own: readonly Finding[]): { counted: string[]; outweighed: Outweighed[] } {
  const found = (rule: string) => own.filter((f) => f.rule === rule).length;
  const counted: string[] = [];
  const outweighed: Outweighed[] = [];
  for (const strength of distinct(own.filter((f) => f.polarity === 'strength'))) {
    const concern = signalOf(strength)?.opposedBy;
    const against = concern ? found(concern) : 0;
    if (concern && against >= found(strength)) outweighed.push({ strength, concern, found: found(strength), against });
    else counted.push(strength);
  }
  return { counted, outweighed };
}

/** The distinct signals of findings, weightiest first, then most found. */
function distinct(findings: readonly Finding[]): string[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + weightOf(f.rule));
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([rule]) => rule);
}

function formatDensity(density: number): string {
  return density >= 10 ? density.toFixed(0) : density.toFixed(1);
}

const COVERAGE_WORDS: Record<TestCoverage, string> = {
  'error-paths': 'error paths',
  'public-interface': 'the public interface',
  'beyond-unit': 'integration or property tests',
};

/**
 * Testing is judged by what the tests cover, not how many there are: whether they assert, whether
 * they test error paths, whether any go through the public interface (integration or doc tests),
 * and whether any go beyond unit tests.
 */
function suggestTesting(category: RubricCategory, evidence: CategoryEvidence): Suggestion {
  const found = evidence.findings;
  const tests = found.filter((f) => signalOf(f.rule)?.countsOneTest).length;
  const covered = new Set(found.flatMap((f) => signalOf(f.rule)?.testCovers ?? []));
  if (tests === 0 && covered.size === 0) return { level: 'strong-no', reason: 'no tests found' };
  // The Testing analysis category's only concern is about a test itself: that it asserts nothing.
  const unasserted = found.filter((f) => f.polarity === 'concern' && signalOf(f.rule)?.category === 'testing').length;
  const assertingShare = tests === 0 ? 1 : 1 - unasserted / tests;
  const coverage = (['error-paths', 'public-interface', 'beyond-unit'] as const).filter((c) => covered.has(c));
  const missing = (['error-paths', 'public-interface'] as const).filter((c) => !covered.has(c));
  const coverWords = coverage.length > 0 ? `tests cover ${list(coverage.map((c) => COVERAGE_WORDS[c]))}` : 'happy-path unit tests only';
  const missingWords = missing.length > 0 ? `; nothing tests ${list(missing.map((c) => COVERAGE_WORDS[c]))}` : '';
  const asserting = tests === 0 ? '' : assertingShare < 1 ? `; ${Math.round(assertingShare * 100)}% of the tests assert something` : '; every test asserts something';
  const reason = `${coverWords}${missingWords}${asserting}`;
  if (tests > 0 && assertingShare < 0.5) return { level: 'strong-no', reason: `most tests assert nothing: ${reason}` };
  if (missing.length === 0) {
    const candidate = covered.has('beyond-unit') && assertingShare >= 0.9 ? `; ${strongYesQuestion(category)}` : '';
    return { level: 'yes', reason: `${reason}${candidate}` };
  }
  if (covered.has('error-paths')) return { reason: `mixed: read the tests. For: they test error paths; against: ${missing.map((c) => COVERAGE_WORDS[c]).join(', ')} untested (${reason})` };
  return { level: 'no', reason };
}

/** The weighted mean of the scored categories, 1 (Strong No) to 4 (Strong Yes); undefined when none is scored. */
export function weightedScore(review: Review, rubric: Rubric): number | undefined {
  let total = 0;
  let weights = 0;
  for (const category of rubric.categories) {
    const level = review.categories[category.id]?.level;
    if (!level) continue;
    total += LEVEL_SCORES[level] * category.weight;
    weights += category.weight;
  }
  return weights === 0 ? undefined : Math.round((total / weights) * 100) / 100;
}

/** The categories of the rubric that the review has not scored yet. */
export function unassessed(review: Review, rubric: Rubric): RubricCategory[] {
  return rubric.categories.filter((c) => !review.categories[c.id]?.level);
}

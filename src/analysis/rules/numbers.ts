import type { Node } from 'web-tree-sitter';
import { perMatch, rule, type Rule } from './rule';

/** Word parts that name money. */
const MONEY_WORDS = new Set(['amount', 'price', 'balance', 'money', 'payment', 'fee', 'subtotal']);
/** Word parts that name money as often as a measure: a path's cost, a total of seconds. */
const MONEY_OR_MEASURE_WORDS = new Set(['cost', 'total']);
/** Word parts that make a name a ratio or a measure, which a float suits: `fee_rate`, `total_secs`. */
const RATIO_OR_UNIT_WORDS = new Set(['rate', 'ratio', 'percent', 'percentage', 'pct', 'factor', 'sec', 'second', 'ms', 'milli', 'time', 'duration', 'weight', 'score', 'distance']);

/** A name's lower-case word parts, plurals made singular: `totalAmounts` is `total`, `amount`. */
function wordParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/_+/)
    .map((part) => part.replace(/(?<=[^s])s$/, ''));
}

/** Whether a type holds a float: `f64`, `Option<f64>`, `HashMap<String, f64>`. */
function holdsFloat(type: Node): boolean {
  return /\bf(32|64)\b/.test(type.text);
}

/**
 * A money word anywhere in the text, in any case. Names that hold one are few, so the rules read
 * the text for them and look at the syntax only there: a query of every named place matched each
 * (61,437 a pass over the standard library) for a text predicate to reject nearly all.
 */
const MONEY_WORD = new RegExp([...MONEY_WORDS, ...MONEY_OR_MEASURE_WORDS].join('|'), 'gi');

/** The places a name may declare (field, parameter, binding, constant, function), with the fields that hold their name and type. */
const NAMED_PLACES: ReadonlyMap<string, { name: string; type: string }> = new Map([
  ['field_declaration', { name: 'name', type: 'type' }],
  ['parameter', { name: 'pattern', type: 'type' }],
  ['let_declaration', { name: 'pattern', type: 'type' }],
  ['const_item', { name: 'name', type: 'type' }],
  ['static_item', { name: 'name', type: 'type' }],
  ['function_item', { name: 'name', type: 'return_type' }],
  ['function_signature_item', { name: 'name', type: 'return_type' }],
]);

/**
 * The named place a name declares, when it holds a float: by its type or, for a binding, by the
 * float literal it is bound to. Undefined for a name that declares no place (in a use, a path, an
 * expression or a comment) and for a place of another type.
 */
function floatPlace(name: Node): Node | undefined {
  if (name.type !== 'identifier' && name.type !== 'field_identifier') return undefined;
  const place = name.parent;
  const fields = place && NAMED_PLACES.get(place.type);
  if (!place || !fields || place.childForFieldName(fields.name)?.id !== name.id) return undefined;
  const type = place.childForFieldName(fields.type);
  if (type && holdsFloat(type)) return place;
  const value = place.type === 'let_declaration' ? place.childForFieldName('value') : null;
  return value?.type === 'float_literal' ? place : undefined;
}

const FUNCTION_TYPES = new Set(['function_item', 'function_signature_item']);

/**
 * How surely a name holds money: by a money word, by a word that may be money, or not at all (a
 * ratio, a measure, or no float). A function's float result may convert exact storage for display
 * (`cents as f64 / 100.0`), so it is never sure. Asked once per match for both money rules.
 */
const moneyFloat = perMatch(({ captures }): 'money' | 'maybe' | undefined => {
  const name = captures.site;
  const place = floatPlace(name);
  if (!place) return undefined;
  const parts = wordParts(name.text);
  if (parts.some((part) => RATIO_OR_UNIT_WORDS.has(part))) return undefined;
  if (parts.some((part) => MONEY_WORDS.has(part))) return FUNCTION_TYPES.has(place.type) ? 'maybe' : 'money';
  return parts.some((part) => MONEY_OR_MEASURE_WORDS.has(part)) ? 'maybe' : undefined;
});

const FLOAT_MONEY_FACTS =
  '`f32` and `f64` are binary floating point (IEEE 754): most decimal fractions, 0.10 among them, have no exact value, so sums of amounts drift by fractions of a cent and equal amounts can compare unequal. Money is usually held as an integer count of the smallest unit (cents in an `i64`) or in a decimal type.';

/** Integer types by width in bits; `usize` and `isize` as on the 64-bit targets a take-home runs on. */
const INTEGER_BITS: Record<string, number> = { u8: 8, i8: 8, u16: 16, i16: 16, u32: 32, i32: 32, u64: 64, i64: 64, usize: 64, isize: 64, u128: 128, i128: 128 };

/** Calls whose result type is known by name, with that type. `size_of::<T>()` is left out: a type's size is a small constant. */
const SIZED_RESULTS: Record<string, string> = {
  len: 'usize',
  count: 'usize',
  capacity: 'usize',
  size_of_val: 'usize',
  as_secs: 'u64',
  as_millis: 'u128',
  as_micros: 'u128',
  as_nanos: 'u128',
};

/**
 * The name a call goes by: `len` of `v.len()`, `size_of_val` of `mem::size_of_val::<T>(..)`, or
 * null for a callee of another shape (a closure, an index, a method with a turbofish).
 */
function calledName(callee: Node): Node | null {
  const fn = callee.type === 'generic_function' ? callee.childForFieldName('function') : callee;
  if (fn?.type === 'identifier') return fn;
  const name = fn?.type === 'scoped_identifier' ? fn.childForFieldName('name') : fn?.type === 'field_expression' && fn === callee ? fn.childForFieldName('field') : null;
  return name?.type === 'identifier' || name?.type === 'field_identifier' ? name : null;
}

export const numberRules: Rule[] = [
  rule({
    id: 'money-float',
    // A choice of data model: a wrong cent raises no error, and the rubric weighs it with the design.
    category: 'project',
    polarity: 'concern',
    severity: 'information',
    weight: 2,
    message: 'money held in a binary float',
    explanation: FLOAT_MONEY_FACTS,
    question: 'What does `0.1 + 0.2 == 0.3` give in this type? Why a float rather than integer cents or a decimal type?',
    match: { lines: MONEY_WORD },
    check: (match, ctx) => moneyFloat(match, ctx) === 'money' && { message: `\`${match.captures.site.text}\` holds money in a binary float` },
  }),
  rule({
    id: 'money-float-unsure',
    category: 'project',
    polarity: 'info',
    severity: 'hint',
    message: 'a total, a cost or a function\'s result in a binary float: money, or a measure?',
    explanation: `A float suits a measure (a path's cost, a total of seconds), and a function may return one to show an amount kept exactly elsewhere. If this is money that is added up or compared, though: ${FLOAT_MONEY_FACTS}`,
    question: 'Is this an amount of money? If so, how would rounding show up in it?',
    match: { lines: MONEY_WORD },
    check: (match, ctx) => moneyFloat(match, ctx) === 'maybe',
  }),
  rule({
    id: 'truncating-cast',
    category: 'error-handling',
    polarity: 'info',
    severity: 'hint',
    message: 'an `as` cast to a narrower integer type',
    explanation:
      'An `as` cast to a narrower integer keeps the low bits: a value past the target\'s range becomes a different number, silently. `u32::try_from(x)` returns an error instead, which the code can handle or `expect` with the invariant that rules it out. Clippy\'s `cast_possible_truncation` (pedantic) flags these casts.',
    question: 'Can this value ever exceed the target type\'s range? What should happen if it does?',
    // The called name is read in the check: spelled out in the query, its four shapes made the
    // combined query take 4 ms longer to compile, in every worker.
    match: { query: '(type_cast_expression value: (call_expression function: (_) @callee) type: (primitive_type) @target) @site' },
    check: ({ captures }, ctx) => {
      const name = calledName(captures.callee);
      const called = name ? ctx.text(name) : '';
      if (!Object.hasOwn(SIZED_RESULTS, called)) return false;
      const source = SIZED_RESULTS[called];
      const target = ctx.text(captures.target);
      if ((INTEGER_BITS[target] ?? Infinity) >= INTEGER_BITS[source]) return false;
      return { message: `\`${called}\` gives a \`${source}\`; \`as ${target}\` keeps its low ${INTEGER_BITS[target]} bits` };
    },
  }),
];

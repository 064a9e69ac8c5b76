import type { Node } from 'web-tree-sitter';
import { FUNCTION_QUERY, isComment } from '../syntax';
import { normalisePath, perMatch, rule, type Rule, type RuleContext, type RuleMatch, type Verdict } from './rule';

/** What each borrowed owned type should be borrowed as, and the Clippy lint that says so. */
const BETTER_PARAMETER: Record<string, { better: string; lint: string }> = {
  String: { better: '&str', lint: 'ptr_arg' },
  Vec: { better: '&[T]', lint: 'ptr_arg' },
  PathBuf: { better: '&Path', lint: 'ptr_arg' },
  Box: { better: '&T', lint: 'borrowed_box' },
};
/** Methods a shared borrow of the owned container has and its slice does not. */
const OWNED_ONLY_METHODS = new Set(['capacity']);

/** Calls whose value is a reference-counted handle, and the types that are one. */
const HANDLE_CALL = /(^|::)(Arc|Rc)::(new|clone)$/;
const HANDLE_TYPE = /^&?\s*(mut\s+)?((std::)?(sync|rc)::)?(Arc|Rc)\s*</;
/** What HANDLE_CALL, HANDLE_TYPE and CHANNEL_CALL cannot match without. */
const HANDLE_WORDS = /Arc|Rc|channel|bounded/;
/** Calls that return a `(sender, receiver)` pair; the sender is a handle. */
const CHANNEL_CALL = /(^|::)(channel|sync_channel|unbounded_channel|unbounded|bounded)$/;
/** Methods that only read their receiver: a clone made just to call one is never needed owned. */
const BORROWING_METHODS = new Set([
  'len', 'is_empty', 'iter', 'contains', 'contains_key', 'get', 'starts_with', 'ends_with', 'as_str', 'as_slice',
  'as_ref', 'first', 'last', 'keys', 'values', 'chars', 'bytes', 'lines', 'trim', 'split', 'to_string', 'to_owned',
]);
const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=']);
const LOOPS = new Set(['for_expression', 'while_expression', 'loop_expression']);
const SCOPE_ENDS = new Set(['function_item', 'closure_expression']);

/** Where a clone sits, which decides what can be said of it. */
type CloneKind = 'handle' | 'task' | 'exit' | 'once' | 'borrowed' | 'per-iteration';

const CLONE_MESSAGES: Partial<Record<CloneKind, string>> = {
  handle: '`.clone()` of a shared handle: a new handle to the same data, not a deep copy',
  task: '`.clone()` for a task this loop spawns',
  exit: '`.clone()` on a path that leaves the loop: runs once',
};

/**
 * The names a function binds to a handle: a parameter typed `Arc<..>` or `Rc<..>`, a `let` of
 * that type or of `Arc::new(..)`/`Rc::clone(..)`, or the sender of a `let (tx, rx) = channel()`.
 */
function handleNames(fn: Node): ReadonlySet<string> {
  const names = new Set<string>();
  // Every binding below is judged by one of these words in its type or call: without one, no walk.
  if (!HANDLE_WORDS.test(fn.text)) return names;
  // A parameter or binding without one of the words is judged by none of them: its text spares the look at its parts.
  for (const param of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!param || !HANDLE_WORDS.test(param.text)) continue;
    const type = param.childForFieldName('type');
    const pattern = param.childForFieldName('pattern');
    if (pattern && type && HANDLE_TYPE.test(type.text)) names.add(pattern.text);
  }
  for (const binding of fn.descendantsOfType('let_declaration')) {
    if (!binding || !HANDLE_WORDS.test(binding.text)) continue;
    const pattern = binding.childForFieldName('pattern');
    const value = binding.childForFieldName('value');
    const calls = value?.type === 'call_expression' ? normalisePath(value.childForFieldName('function')?.text ?? '') : '';
    const type = binding.childForFieldName('type');
    if (pattern && ((type && HANDLE_TYPE.test(type.text)) || HANDLE_CALL.test(calls))) names.add(pattern.text);
    else if (pattern?.type === 'tuple_pattern' && CHANNEL_CALL.test(calls)) {
      const sender = pattern.namedChildren[0]?.text;
      if (sender) names.add(sender);
    }
  }
  return names;
}

/** Per unit, each function's handle names by the function's start: found once for all the clones in its body. */
const handleNamesByFunction = new WeakMap<RuleContext, Map<number, ReadonlySet<string>>>();

/** Whether the function that holds `node` binds `name` to a handle (see {@link handleNames}). */
function isHandleName(name: string, node: Node, ctx: RuleContext): boolean {
  const start = ctx.enclosingFunction(node);
  if (start === undefined) return false;
  let byFunction = handleNamesByFunction.get(ctx);
  if (!byFunction) handleNamesByFunction.set(ctx, (byFunction = new Map<number, ReadonlySet<string>>()));
  let names = byFunction.get(start);
  if (!names) {
    // Walked up only for a function's first clone: each parent link is computed from the root.
    let fn = node.parent;
    while (fn && fn.type !== 'function_item') fn = fn.parent;
    names = fn ? handleNames(fn) : new Set<string>();
    byFunction.set(start, names);
  }
  return names.has(name);
}

function isHandle(receiver: Node, ctx: RuleContext): boolean {
  if (receiver.type === 'identifier') return isHandleName(receiver.text, receiver, ctx);
  return receiver.type === 'call_expression' && receiver.childForFieldName('function')?.childForFieldName('field')?.text === 'waker';
}

/** Whether the node runs on a path that leaves its loop: inside a `return` or `break`, or a block that ends in one. */
function isOnExitPath(node: Node): boolean {
  for (let p: Node | null = node; p && !LOOPS.has(p.type) && !SCOPE_ENDS.has(p.type); p = p.parent) {
    if (p.type === 'return_expression' || p.type === 'break_expression') return true;
    if (p.type === 'block') {
      const last = p.namedChildren.filter((c) => c && !isComment(c)).at(-1);
      const exit = last?.type === 'expression_statement' ? last.namedChildren[0] : last;
      if (exit?.type === 'return_expression' || exit?.type === 'break_expression') return true;
    }
  }
  return false;
}

/**
 * Whether the value of `call` is only borrowed within its statement (taken by `&`, compared, or
 * the receiver of a reading method) and the statement names the receiver's root nowhere else, so
 * the copy keeps no borrow apart (`self.f(&self.name.clone())` needs it). A `let x = &v.clone()`
 * keeps the copy alive past the statement, so it does not count.
 */
function isOnlyBorrowed(call: Node, receiver: Node): boolean {
  const parent = call.parent;
  if (!parent) return false;
  const borrowed =
    (parent.type === 'reference_expression' && parent.parent?.type !== 'let_declaration') ||
    (parent.type === 'binary_expression' && COMPARISONS.has(parent.childForFieldName('operator')?.text ?? '')) ||
    (parent.type === 'field_expression' && parent.parent?.type === 'call_expression' && BORROWING_METHODS.has(parent.childForFieldName('field')?.text ?? ''));
  if (!borrowed) return false;
  let statement = parent;
  for (let above = statement.parent; above && above.type !== 'block'; above = above.parent) statement = above;
  const root = /^\w+/.exec(receiver.text)?.[0];
  return statement.descendantsOfType(['identifier', 'self']).filter((n) => n?.text === root).length === 1;
}

const cloneKind = perMatch(({ captures }: RuleMatch, ctx: RuleContext): CloneKind => {
  const { receiver, call, site } = captures;
  if (!receiver) return 'handle'; // `Arc::clone(&x)` or `Rc::clone(&x)`: the call matcher lets no other through
  if (isHandle(receiver, ctx)) return 'handle';
  const loop = ctx.enclosingLoop(site);
  if (!loop) return 'once';
  if (loop.spawnsTasks) return 'task';
  if (isOnExitPath(call)) return 'exit';
  return isOnlyBorrowed(call, receiver) ? 'borrowed' : 'per-iteration';
});

/**
 * The check of a signal for one kind of loop clone. The subject is the receiver as written, for
 * the crate model to type: a field or a function's result may be a handle the file does not show.
 */
function cloneIn(kind: CloneKind) {
  return (match: RuleMatch, ctx: RuleContext): Verdict => cloneKind(match, ctx) === kind && { subject: match.captures.receiver.text };
}

const CLONE_MATCHERS = [{ methods: ['clone'] }, { calls: ['clone'] }] as const;

/** A method `.clone()`, or a path call `Arc::clone(..)`/`Rc::clone(..)`; not `Clone::clone(..)` or `T::clone(..)`. */
function isCloneToJudge({ captures }: RuleMatch): boolean {
  return !captures.callee || HANDLE_CALL.test(normalisePath(captures.callee.text));
}

/**
 * How the body of `for i in a..v.len()` uses `i`: only to index one collection that it uses
 * nowhere else (Clippy's `needless_range_loop`), to index and more, or never as a plain index.
 */
type IndexUse = { kind: 'only-indexes'; collection: string } | { kind: 'indexes-and-more' } | { kind: 'no-direct-index' };

/** A collection named by a variable or a field path: `v`, `self.items`. */
const PLACE_PATH = /^[A-Za-z_]\w*(\.\w+)*$/;

/** The collection `node` indexes when it is `i` in `v[i]`, written as an expression or inside a macro's tokens. */
function indexedCollection(node: Node): string | undefined {
  const parent = node.parent;
  if (parent?.type === 'index_expression' && parent.namedChildren[1]?.id === node.id) return parent.namedChildren[0]?.text;
  if (parent?.type === 'token_tree' && /^\[\s*\w+\s*\]$/.test(parent.text)) return parent.previousSibling?.text;
  return undefined;
}

function indexUse(forLoop: Node): IndexUse {
  const index = forLoop.childForFieldName('pattern');
  const body = forLoop.childForFieldName('body');
  if (index?.type !== 'identifier' || !body) return { kind: 'no-direct-index' };
  const indexed = new Map<string, number>();
  let otherUses = 0;
  for (const use of body.descendantsOfType('identifier')) {
    if (use?.text !== index.text) continue;
    const collection = indexedCollection(use);
    if (collection === undefined) otherUses++;
    else indexed.set(collection, (indexed.get(collection) ?? 0) + 1);
  }
  if (indexed.size === 0) return { kind: 'no-direct-index' };
  const [[collection, count]] = indexed;
  if (indexed.size > 1 || otherUses > 0) return { kind: 'indexes-and-more' };
  // Like Clippy, judge only a collection named by a path (`v`, `self.items`): iterating it borrows
  // the path's root for the whole loop, so the body must not use that root for anything else.
  if (!PLACE_PATH.test(collection)) return { kind: 'indexes-and-more' };
  const root = collection.split('.')[0];
  const mentions = body.descendantsOfType(['identifier', 'self']).filter((n) => n?.text === root);
  return mentions.length === count ? { kind: 'only-indexes', collection } : { kind: 'indexes-and-more' };
}

const INDEX_LOOP = `
(for_expression value: (range_expression (integer_literal)
  (call_expression function: (field_expression field: (field_identifier) @len (#eq? @len "len")))) @site)`;

function indexLoopUse({ captures }: RuleMatch): IndexUse {
  const forLoop = captures.site.parent;
  return forLoop ? indexUse(forLoop) : { kind: 'no-direct-index' };
}

/** A loop body that spawns a task or thread per iteration: its clones feed those tasks (the engine marks such loops). */
export const SPAWNING_CALL = /\bspawn(_local)?\s*\(/;

export const ownershipRules: Rule[] = [
  rule({
    id: 'clone',
    category: 'ownership',
    polarity: 'info',
    severity: 'hint',
    message: '`.clone()`: a deep copy, or a reference-count bump for a handle',
    explanation:
      'A clone makes an independent value: a deep copy for most types (a `String` or `Vec` allocates), or, for a handle such as `Arc`, `Rc`, a channel sender or a `Waker`, a new handle to the same data (for `Arc` and `Rc`, a reference-count bump); the Rust Book writes `Rc::clone(&a)` to tell the two apart. A clone is sometimes the simplest correct answer; clones that only silence the borrow checker hide an ownership design that was never settled. The guide looks for candidates who discuss the trade-off between cloning and borrowing.',
    question: 'What does this clone copy? Could this borrow instead, and what would that change for the caller?',
    match: CLONE_MATCHERS,
    check: (match, ctx) => {
      if (!isCloneToJudge(match)) return false;
      const kind = cloneKind(match, ctx);
      if (kind === 'borrowed' || kind === 'per-iteration') return false;
      const receiver = match.captures.receiver?.text;
      return { ...(CLONE_MESSAGES[kind] ? { message: CLONE_MESSAGES[kind] } : {}), ...(receiver ? { subject: receiver } : {}) };
    },
  }),
  rule({
    id: 'clone-in-loop',
    category: 'ownership',
    polarity: 'concern',
    severity: 'information',
    weight: 1,
    message: '`.clone()` in a loop, only to be borrowed',
    explanation:
      'This clone runs each time the loop reaches it, and its value is only borrowed within its statement (taken by `&`, compared, or read by a method that borrows), which names the original nowhere else. A borrow of the original would do the same without making a copy.',
    question: 'Why clone here rather than borrow the original?',
    match: { methods: ['clone'] },
    check: cloneIn('borrowed'),
  }),
  rule({
    id: 'clone-per-iteration',
    category: 'ownership',
    polarity: 'info',
    severity: 'hint',
    message: '`.clone()` in a loop: one clone per iteration',
    explanation:
      'This clone runs each time the loop reaches it. What that costs depends on the type, which the code here does not show: a deep copy of a `String`, `Vec` or struct allocates, a clone of an `Arc` or `Rc` bumps a count. Often the loop needs the value owned (a map key, an element pushed into a collection); sometimes a borrow, or a move out of the collection, would do.',
    question: 'What does this clone copy, and does the loop need it owned? Could it borrow or move instead?',
    match: { methods: ['clone'] },
    check: cloneIn('per-iteration'),
  }),
  rule({
    id: 'ref-owned-param',
    category: 'ownership',
    polarity: 'concern',
    severity: 'information',
    weight: 0.5,
    message: 'a parameter borrows an owned container',
    explanation:
      '`&String`, `&Vec<T>` and `&PathBuf` parameters force callers to own exactly that container, where `&str`, `&[T]` and `&Path` accept more callers at no cost (Clippy `ptr_arg`); `&Box<T>` adds an indirection `&T` does not have (Clippy `borrowed_box`). Neither applies to a trait implementation, whose signature the trait fixes, nor to a body that reads what only the owned type has, such as `capacity()`.',
    question: 'Why take a reference to the owned type here instead of a slice?',
    match: { query: `
(parameter pattern: (_) @name type: (reference_type type: [
  (type_identifier) @owned
  (generic_type type: (type_identifier) @owned)]) @site
 (#any-of? @owned "String" "Vec" "PathBuf" "Box"))` },
    check: ({ captures }, ctx) => {
      if (captures.site.namedChildren.some((c) => c?.type === 'mutable_specifier')) return false;
      const fn = captures.site.parent?.parent?.parent;
      if (fn && ctx.declaringBlock(fn)?.traitImpl) return false;
      if (readsOwnedOnlyApi(fn?.childForFieldName('body'), captures.name.text)) return false;
      const owned = ctx.text(captures.owned);
      const { better, lint } = BETTER_PARAMETER[owned];
      return { message: `\`&${owned}\` parameter: \`${better}\` accepts more callers (Clippy \`${lint}\`)` };
    },
  }),
  rule({
    id: 'borrowed-param',
    category: 'ownership',
    polarity: 'strength',
    severity: 'hint',
    weight: 1,
    message: 'takes a borrowed slice: `&str`, `&[T]` or `&Path`',
    explanation:
      'A parameter borrowed as a slice (`&str`, `&[T]`, `&Path`) accepts any owner of the data, a `String`, a `Vec`, an array or a literal, and leaves it with the caller: the borrow the API Guidelines and Clippy\'s `ptr_arg` ask for. One finding per function.',
    question: 'Who owns this data while the function runs, and why did it not need to take it?',
    match: { query: `
(function_item parameters: (parameters (parameter type: (reference_type type: [(primitive_type) (type_identifier) (array_type)]) @site)))` },
    check: ({ captures }, ctx) => {
      if (!isBorrowedSlice(captures.site, ctx)) return false;
      // One per function: its first borrowed slice.
      const params = captures.site.parent?.parent;
      const first = params?.namedChildren.find((p) => p?.type === 'parameter' && isBorrowedSlice(p.childForFieldName('type'), ctx));
      return first?.childForFieldName('type')?.id === captures.site.id;
    },
  }),
  rule({
    id: 'move-out',
    category: 'ownership',
    polarity: 'strength',
    severity: 'hint',
    weight: 1.5,
    message: 'moves a value out in place (`mem::take`/`mem::replace`/`mem::swap`) instead of cloning it',
    explanation:
      '`std::mem::take`, `replace` and `swap` move a value out of a place the code only borrows mutably, leaving a valid value behind: ownership moved without a copy, where a clone is the usual way around the borrow checker.',
    question: 'What would this code look like without `mem::take`, and what would it cost?',
    match: { calls: ['take', 'replace', 'swap'] },
    check: ({ captures }, ctx) => /^(std|core)::mem::(take|replace|swap)$/.test(ctx.resolvePath(normalisePath(ctx.text(captures.callee)))),
  }),
  rule({
    id: 'rc-refcell',
    category: 'ownership',
    polarity: 'info',
    severity: 'hint',
    message: '`Rc<RefCell<..>>`: shared ownership with run-time borrow checks',
    explanation:
      '`Rc<RefCell<T>>` moves borrow checking to run time, where a mistake is a panic. It is sometimes the right tool (graphs, callbacks), and sometimes a sign that ownership was fought rather than designed.',
    question: 'What would it take to give this data a single owner? Can any `borrow_mut` here panic?',
    match: { query: `
(generic_type type: (type_identifier) @rc (#eq? @rc "Rc")
  type_arguments: (type_arguments (generic_type type: (type_identifier) @cell (#eq? @cell "RefCell")))) @site` },
  }),
  rule({
    id: 'cow',
    category: 'ownership',
    polarity: 'info',
    severity: 'hint',
    message: '`Cow`: borrowed or owned, decided at run time',
    explanation:
      '`Cow<str>`/`Cow<[T]>` holds either a borrow or an owned value, so a function can return its input unchanged without allocating and allocate only when it must change it. A mention of the type alone does not show whether both cases happen.',
    question: 'In which cases does this `Cow` end up owned?',
    match: { query: `
(generic_type type: [(type_identifier) @t (scoped_type_identifier name: (type_identifier) @t)]
 (#eq? @t "Cow")) @site` },
  }),
  rule({
    id: 'cow-both-variants',
    category: 'ownership',
    polarity: 'strength',
    severity: 'hint',
    weight: 2,
    message: 'builds both `Cow::Borrowed` and `Cow::Owned`: borrows when it can, owns when it must',
    explanation:
      'This function returns its input borrowed on one path and allocates an owned value only on another: the clone-versus-borrow trade-off decided per call rather than once for all.',
    question: 'Which inputs take the owned path, and how common are they?',
    // The engine's own pattern for functions: the same text, so the combined query matches each function once.
    match: { query: FUNCTION_QUERY },
    check: ({ captures }, ctx) => {
      // Few functions name both variants: their text says so before the tree is walked.
      const text = ctx.text(captures.body);
      if (!text.includes('Borrowed') || !text.includes('Owned')) return false;
      const paths = new Set(captures.body.descendantsOfType('scoped_identifier').map((p) => (p ? normalisePath(p.text) : '')));
      const { name } = captures;
      return paths.has('Cow::Borrowed') && paths.has('Cow::Owned') && { start: name, end: name };
    },
  }),
  rule({
    id: 'index-loop',
    category: 'ownership',
    polarity: 'concern',
    severity: 'information',
    weight: 0.5,
    message: 'the loop index only indexes one collection; iterate it instead',
    explanation:
      'The index is used for nothing but indexing one collection, which the body uses nowhere else: the case of Clippy\'s `needless_range_loop`. Iterating that collection (`for x in &v`, with `.skip(n)` or `.take(n)` for other bounds) says the same with no index to get wrong.',
    question: 'Could this loop iterate the collection directly?',
    match: { query: INDEX_LOOP },
    check: (match) => {
      const use = indexLoopUse(match);
      return use.kind === 'only-indexes' && { message: `the index only indexes \`${use.collection}\`; iterate it instead` };
    },
  }),
  rule({
    id: 'index-loop-enumerate',
    category: 'ownership',
    polarity: 'info',
    severity: 'hint',
    message: 'index loop whose index also does other work',
    explanation:
      'The index indexes a collection and does more: it is used as a number, indexes a second collection, or the body uses the collection beside it. `iter().enumerate()` yields each index with its item and `zip` walks two collections in step, though for some loops the index is the clearer tool.',
    question: 'Would `enumerate()` or `zip()` read better here, or is the index clearer?',
    match: { query: INDEX_LOOP },
    check: (match) => indexLoopUse(match).kind === 'indexes-and-more',
  }),
];

/** Whether the body calls a method on `name` that only the owned container has. */
function readsOwnedOnlyApi(body: Node | null | undefined, name: string): boolean {
  return (body?.descendantsOfType('field_expression') ?? []).some(
    (f) => f?.childForFieldName('value')?.text === name && OWNED_ONLY_METHODS.has(f.childForFieldName('field')?.text ?? ''),
  );
}

/** `&str`, `&[T]`, `&Path`, `&OsStr` or `&CStr`, with any lifetime or `mut`: a borrowed slice. */
function isBorrowedSlice(type: Node | null, ctx: RuleContext): boolean {
  const referent = type?.type === 'reference_type' ? type.childForFieldName('type') : undefined;
  return referent?.type === 'array_type' || (!!referent && /^(str|Path|OsStr|CStr)$/.test(ctx.text(referent)));
}

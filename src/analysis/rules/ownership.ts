import { rule, type Rule } from './rule';

const BETTER_PARAMETER: Record<string, string> = { String: '&str', Vec: '&[T]', Box: '&T' };

export const ownershipRules: Rule[] = [
  rule({
    id: 'clone',
    category: 'ownership',
    polarity: 'info',
    severity: 'hint',
    message: '`.clone()` copies the value',
    explanation:
      'A clone is sometimes the simplest correct answer (and `Arc::clone` is cheap), but clones that only silence the borrow checker cost allocations and hide an ownership design that was never settled. The guide looks for candidates who discuss the trade-off between cloning and borrowing.',
    question: 'Could this borrow instead of cloning? What would that change for the caller?',
    match: { methods: ['clone'] },
    check: ({ captures }, ctx) => {
      const loop = ctx.enclosingLoop(captures.site);
      if (!loop) return true;
      return loop.spawnsTasks && { message: '`.clone()` for a task this loop spawns' };
    },
  }),
  rule({
    id: 'clone-in-loop',
    category: 'ownership',
    polarity: 'concern',
    severity: 'information',
    message: '`.clone()` inside a loop copies on every iteration',
    explanation:
      'A clone inside a loop runs once per iteration. On a hot path this is where allocation costs pile up, and it often means a borrow or a move out of the collection would do.',
    question: 'How many times does this clone run for a large input? Could you borrow or move instead?',
    match: { methods: ['clone'] },
    check: ({ captures }, ctx) => ctx.enclosingLoop(captures.site)?.spawnsTasks === false,
  }),
  rule({
    id: 'ref-owned-param',
    category: 'ownership',
    polarity: 'concern',
    severity: 'information',
    message: 'a parameter borrows an owned container',
    explanation:
      '`&String`, `&Vec<T>` and `&Box<T>` parameters force callers to own exactly that container. `&str`, `&[T]` and `&T` accept strictly more callers at no cost; Clippy flags this as `ptr_arg`.',
    question: 'Why take a reference to the owned type here instead of a slice?',
    match: { query: `
(parameter type: (reference_type type: [
  (type_identifier) @owned
  (generic_type type: (type_identifier) @owned)]) @site
 (#any-of? @owned "String" "Vec" "Box"))` },
    check: ({ captures }, ctx) => {
      if (captures.site.namedChildren.some((c) => c?.type === 'mutable_specifier')) return false;
      const owned = ctx.text(captures.owned);
      return { message: `\`&${owned}\` parameter: \`${BETTER_PARAMETER[owned]}\` accepts more callers` };
    },
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
    polarity: 'strength',
    severity: 'hint',
    message: '`Cow` borrows when it can and owns when it must',
    explanation:
      '`Cow<str>`/`Cow<[T]>` avoids allocating in the common case and clones only when a change is needed. Using it well shows a working grasp of the clone-versus-borrow trade-off.',
    question: 'In which cases does this `Cow` end up owned?',
    match: { query: `
(generic_type type: [(type_identifier) @t (scoped_type_identifier name: (type_identifier) @t)]
 (#eq? @t "Cow")) @site` },
  }),
  rule({
    id: 'index-loop',
    category: 'ownership',
    polarity: 'concern',
    severity: 'information',
    message: 'index loop over `0..len()`; iterate the collection instead',
    explanation:
      '`for i in 0..v.len()` with `v[i]` pays a bounds check per access and reads like C. Iterators (`for x in &v`, `.iter().enumerate()`) are idiomatic, safe against off-by-one errors and usually faster.',
    question: 'Could this loop iterate the collection directly? What does indexing cost here?',
    match: { query: `
(for_expression value: (range_expression (integer_literal)
  (call_expression function: (field_expression field: (field_identifier) @len (#eq? @len "len")))) @site)` },
  }),
];

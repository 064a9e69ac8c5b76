import type { Node } from 'web-tree-sitter';
import { rule, type Rule, type RuleContext } from './rule';

const FUNCTION_LIFETIMES = `
[(function_item type_parameters: (type_parameters (lifetime_parameter) @site)) @fn
 (function_signature_item type_parameters: (type_parameters (lifetime_parameter) @site)) @fn]`;

function verdictFor(fn: Node, param: Node, ctx: RuleContext) {
  return ctx.lifetimeVerdicts(fn).find((v) => v.node.startIndex === param.startIndex);
}

export const lifetimeRules: Rule[] = [
  rule({
    id: 'elidable-lifetime',
    category: 'lifetimes',
    polarity: 'concern',
    severity: 'hint',
    message: 'this lifetime can be elided',
    explanation:
      'Rust\'s elision rules fill in this lifetime by themselves, so naming it adds noise without meaning. The guide asks whether a candidate "understands when lifetimes can be elided versus explicitly annotated"; needless annotations suggest the rules are not yet understood.',
    question: 'What would change if you removed this lifetime annotation? Which elision rule applies?',
    match: { query: FUNCTION_LIFETIMES },
    check: ({ captures }, ctx) => {
      const verdict = verdictFor(captures.fn, captures.site, ctx);
      return verdict?.elidable === true && { message: `lifetime can be elided: ${verdict.reason}` };
    },
  }),
  rule({
    id: 'required-lifetime',
    category: 'lifetimes',
    polarity: 'strength',
    severity: 'hint',
    message: 'a lifetime that elision could not infer',
    explanation:
      'This annotation is needed: the elision rules cannot tell which input the output borrows from, or the lifetime ties several values together. Writing it correctly is exactly what the guide\'s "return the longer of two string slices" question tests.',
    question: 'Walk me through what this lifetime promises to the caller.',
    match: { query: FUNCTION_LIFETIMES },
    check: ({ captures }, ctx) => {
      const verdict = verdictFor(captures.fn, captures.site, ctx);
      return verdict?.elidable === false && { message: `lifetime needed: ${verdict.reason}` };
    },
  }),
  rule({
    id: 'explicit-lifetime',
    category: 'lifetimes',
    polarity: 'info',
    severity: 'hint',
    message: 'explicit lifetime parameter on a type or impl',
    explanation:
      'A lifetime parameter on a struct, enum, trait or impl means the type holds a borrow. That can be the right design (a zero-copy parser) or a complication an owned value would avoid.',
    question: 'Why does this type borrow instead of owning its data? What does that cost its users?',
    match: { query: `
[(impl_item type_parameters: (type_parameters (lifetime_parameter) @site))
 (struct_item type_parameters: (type_parameters (lifetime_parameter) @site))
 (enum_item type_parameters: (type_parameters (lifetime_parameter) @site))
 (trait_item type_parameters: (type_parameters (lifetime_parameter) @site))]` },
  }),
  rule({
    id: 'borrowing-struct',
    category: 'lifetimes',
    polarity: 'info',
    severity: 'hint',
    message: 'a struct that borrows data',
    explanation:
      'A struct with a lifetime parameter holds references into data owned elsewhere: cheap, and bound to that owner\'s scope. Candidates should be able to say why borrowing beats owning here.',
    question: 'Who owns the data this struct borrows, and how long must it live?',
    match: { query: `(struct_item name: (type_identifier) @site type_parameters: (type_parameters (lifetime_parameter)))` },
  }),
  rule({
    id: 'static-bound',
    category: 'lifetimes',
    polarity: 'info',
    severity: 'hint',
    message: "`'static` bound",
    explanation:
      "A `T: 'static` bound means the value owns all it holds (no borrows), as `thread::spawn` and `tokio::spawn` require. It is sometimes added just to silence the compiler; ask why it is needed.",
    question: "Why is the `'static` bound needed here?",
    match: { query: `
(trait_bounds (lifetime) @site (#eq? @site "'static"))
(bounded_type (lifetime) @site (#eq? @site "'static"))` },
  }),
  rule({
    id: 'static-ref',
    category: 'lifetimes',
    polarity: 'info',
    severity: 'hint',
    message: "`&'static` data",
    explanation:
      "`&'static` data lives for the whole program: string literals, constants, or leaked memory. Fine for constants; a red flag when used to dodge a borrow problem (`Box::leak`).",
    question: "Where does this `'static` data come from, and is it ever leaked?",
    match: { query: `(reference_type (lifetime) @site (#eq? @site "'static"))` },
  }),
];

import type { Node } from 'web-tree-sitter';
import type { Elision } from '../elision';
import { rule, type Rule, type RuleContext, type RuleMatch, type Verdict } from './rule';

const FUNCTION_LIFETIMES = `
[(function_item type_parameters: (type_parameters (lifetime_parameter) @site)) @fn
 (function_signature_item type_parameters: (type_parameters (lifetime_parameter) @site)) @fn]`;

function verdictFor(fn: Node, param: Node, ctx: RuleContext) {
  return ctx.lifetimeVerdicts(fn).find((v) => v.node.startIndex === param.startIndex);
}

/**
 * The check for a lifetime that elision could leave out (`removable`) or mark `'_` (`anonymous`),
 * outside trait implementations, whose signatures mirror the trait's. Its subject lists the bare
 * path types the verdict could not see into (see LifetimeVerdict).
 */
function elidableAs(elision: Elision, prefix: string) {
  return ({ captures }: RuleMatch, ctx: RuleContext): Verdict => {
    if (ctx.declaringBlock(captures.fn)?.traitImpl) return false;
    const verdict = verdictFor(captures.fn, captures.site, ctx);
    if (verdict?.elision !== elision) return false;
    return { message: `${prefix}: ${verdict.reason}`, subject: verdict.hiddenLifetimeCandidates.join(', ') };
  };
}

/** The lifetime of a `&'a mut T` or `&'a mut self`, if it names one. */
function mutBorrowLifetime(node: Node): string | undefined {
  const lifetime = node.namedChildren.find((c) => c?.type === 'lifetime');
  return lifetime && node.namedChildren.some((c) => c?.type === 'mutable_specifier') ? lifetime.text : undefined;
}

/** The lifetime `'a` of a `&'a mut T<..'a..>`: a mutable borrow as long as the data the type borrows. */
function ownLifetimeOfMutBorrow(reference: Node): string | undefined {
  const lifetime = mutBorrowLifetime(reference);
  const referent = reference.childForFieldName('type');
  const args = referent?.type === 'generic_type' ? (referent.childForFieldName('type_arguments')?.namedChildren ?? []) : [];
  return args.some((a) => a?.type === 'lifetime' && a.text === lifetime) ? lifetime : undefined;
}

/** `&'a mut self` in an `impl` whose type is written with `'a`. */
function isMutSelfOfImplLifetime(receiver: Node): boolean {
  const lifetime = mutBorrowLifetime(receiver);
  let impl = receiver.parent;
  while (impl && impl.type !== 'impl_item') impl = impl.parent;
  return lifetime !== undefined && (impl?.childForFieldName('type')?.descendantsOfType('lifetime') ?? []).some((l) => l?.text === lifetime);
}

export const lifetimeRules: Rule[] = [
  rule({
    id: 'elidable-lifetime',
    category: 'lifetimes',
    polarity: 'concern',
    severity: 'hint',
    weight: 0.5,
    message: 'this lifetime can be elided',
    explanation:
      'Rust\'s elision rules fill in this lifetime by themselves, so the signature means the same with it left out; Clippy\'s `needless_lifetimes` (warn by default) says the same. The guide asks whether a candidate "understands when lifetimes can be elided versus explicitly annotated"; a needless annotation is worth asking about.',
    question: 'What would change if you removed this lifetime annotation? Which elision rule applies?',
    match: { query: FUNCTION_LIFETIMES },
    check: elidableAs('removable', 'lifetime can be elided'),
  }),
  rule({
    id: 'elidable-lifetime-name',
    category: 'lifetimes',
    polarity: 'info',
    severity: 'hint',
    message: "this lifetime could be written `'_`",
    explanation:
      "Elision can supply this lifetime, but it must still be marked where it is used: as `'_` in a path (`Parser<'_>`) or an output's bound (`+ '_`). Naming it instead is a matter of style: Clippy's `elidable_lifetime_names` is pedantic (allowed by default), and a name can make a signature easier to read.",
    question: "Would `'_` read better here, or does the name tell the reader something?",
    match: { query: FUNCTION_LIFETIMES },
    check: elidableAs('anonymous', "lifetime could be written `'_`"),
  }),
  rule({
    id: 'required-lifetime',
    category: 'lifetimes',
    polarity: 'strength',
    severity: 'hint',
    weight: 1,
    message: 'a lifetime that elision could not infer',
    explanation:
      'This annotation is needed: the elision rules cannot tell which input the output borrows from, or the lifetime ties several values together or bounds a type. Writing it correctly is exactly what the guide\'s "return the longer of two string slices" question tests.',
    question: 'Walk me through what this lifetime promises to the caller.',
    match: { query: FUNCTION_LIFETIMES },
    check: ({ captures }, ctx) => {
      const verdict = verdictFor(captures.fn, captures.site, ctx);
      if (verdict?.elision !== 'required') return false;
      // `&'a mut T<'a>` ties the lifetimes too, but that tie is the concern `mut-borrow-own-lifetime`.
      const references = captures.fn.childForFieldName('parameters')?.descendantsOfType('reference_type') ?? [];
      if (references.some((r) => r && ownLifetimeOfMutBorrow(r) === verdict.name)) return false;
      return { message: `lifetime needed: ${verdict.reason}` };
    },
  }),
  rule({
    id: 'mut-borrow-own-lifetime',
    category: 'lifetimes',
    polarity: 'concern',
    severity: 'information',
    weight: 1.5,
    message: "`&'a mut` of a value whose type holds `'a`: borrowed for the rest of its life",
    explanation:
      "`&'a mut T<'a>` (or `&'a mut self` in `impl<'a> T<'a>`) asks for a mutable borrow that lasts as long as the data `T` borrows, and since `&mut T` is invariant in `T`, that lifetime cannot shrink to fit a shorter borrow. After one such call the value stays mutably borrowed for all of `'a`, so the caller cannot use it again (E0499, E0502). A lifetime of its own for the borrow (`&mut T<'a>`) is what such code usually means.",
    question: "What happens when the caller uses this value after the call? What if the borrow had its own lifetime?",
    match: { query: `
[(reference_type (lifetime) (mutable_specifier) type: (generic_type)) @site
 (self_parameter (lifetime) (mutable_specifier)) @site]` },
    check: ({ captures: { site } }) =>
      site.type === 'self_parameter' ? isMutSelfOfImplLifetime(site) : ownLifetimeOfMutBorrow(site) !== undefined,
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
      "A `T: 'static` bound means the type holds no non-static references, as `thread::spawn` and `tokio::spawn` require; the value may still be created at run time and dropped at any time. It is sometimes added just to silence the compiler; ask why it is needed.",
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

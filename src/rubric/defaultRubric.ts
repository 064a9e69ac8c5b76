import type { CategoryId } from '../analysis/model';
import { SIGNALS } from '../analysis/signals';
import type { Rubric } from './model';

type DefaultCategoryId = 'ownership' | 'lifetimes' | 'error-handling' | 'concurrency' | 'async' | 'testing' | 'design';

/** The default rubric's category for the signals of each analysis category. */
const CATEGORY_OF: Record<CategoryId, DefaultCategoryId> = {
  'error-handling': 'error-handling',
  lifetimes: 'lifetimes',
  ownership: 'ownership',
  concurrency: 'concurrency',
  async: 'async',
  testing: 'testing',
  // What the guide says distinguishes senior engineers: architecture, memory behaviour, observability, operations.
  unsafe: 'design',
  observability: 'design',
  project: 'design',
};

/** Signals whose findings are evidence for another category than their analysis category's. */
export const PLACED_ELSEWHERE: Partial<Record<string, DefaultCategoryId>> = {
  // A `dbg!` left in shows how the candidate debugs: the guide's Testing & Debuggability.
  'dbg-macro': 'testing',
  // `todo!` and `unimplemented!` panic when reached: a path that fails instead of returning an error.
  todo: 'error-handling',
};

/** The signals whose findings are a default category's evidence, so a new signal joins by its analysis category alone. */
function signalsOf(category: DefaultCategoryId): string[] {
  return SIGNALS.filter((s) => (PLACED_ELSEWHERE[s.id] ?? CATEGORY_OF[s.category]) === category).map((s) => s.id);
}

/**
 * The default rubric, drawn from a hiring guide for Rust interviews: its five core questions
 * (ownership, lifetimes, error handling, concurrency, async), its signs of a strong answer, and
 * what it says distinguishes senior engineers (architecture, memory behaviour, observability,
 * performance, trade-offs).
 */
export const DEFAULT_RUBRIC: Rubric = {
  id: 'rust-takehome-default',
  version: '1.0.0',
  title: 'Rust take-home (default)',
  categories: [
    {
      id: 'ownership',
      title: 'Ownership & Borrowing',
      weight: 2,
      signals: signalsOf('ownership'),
      descriptors: {
        'strong-no': 'Fights the borrow checker: clones everywhere, `Rc<RefCell>` to escape ownership, owned types where borrows belong.',
        no: 'Works, but clones to silence errors and takes `&String`/`&Vec` where slices would do.',
        yes: 'Borrows by default and clones deliberately; ownership of the main data is clear.',
        'strong-yes': 'Ownership is designed: borrows, moves and the odd `Cow` chosen for reasons the candidate can explain, with the cost of each clone in mind.',
      },
      question: 'Walk me through who owns the main data in this program. Where did you choose to clone instead of borrow, and why?',
    },
    {
      id: 'lifetimes',
      title: 'Lifetimes',
      weight: 1,
      signals: signalsOf('lifetimes'),
      descriptors: {
        'strong-no': "Lifetimes sprinkled until it compiles, or `'static`/leaks to dodge them.",
        no: 'Annotates lifetimes that elision already infers; unsure why any are needed.',
        yes: 'Annotates only where elision cannot infer, and correctly.',
        'strong-yes': 'Uses borrowing types (a zero-copy parser, a view struct) where they pay off and can explain each lifetime it writes and each it leaves out.',
      },
      question: 'Write a function that takes two string slices and returns the longer one. Why does it need a lifetime annotation when `fn first(s: &str) -> &str` does not?',
    },
    {
      id: 'error-handling',
      title: 'Error Handling',
      weight: 2,
      signals: signalsOf('error-handling'),
      descriptors: {
        'strong-no': 'Panics on ordinary failures: `unwrap()` on I/O, input and network results throughout.',
        no: 'Some `Result` and `?`, but unwraps on paths a user can reach and errors that lose their cause.',
        yes: 'Failures propagate with `?` to a place that handles them; panics only for true invariants.',
        'strong-yes': 'A deliberate error design: typed errors where callers must react, context on every propagation, and an explanation of the strategy.',
      },
      question: "You're reading a file that may not exist. How do you handle it, and what does the user see when it is missing?",
    },
    {
      id: 'concurrency',
      title: 'Concurrency (shared state vs message passing)',
      weight: 2,
      signals: signalsOf('concurrency'),
      descriptors: {
        'strong-no': 'Data races waiting to happen: `static mut`, `unsafe impl Send`, locks held across `.await`.',
        no: '`Arc<Mutex<..>>` by default for everything, including counters and flags.',
        yes: 'A sound model: shared state or channels, chosen per problem, with short critical sections.',
        'strong-yes': 'Compares message passing with shared state for this design, knows the costs of each, and picks atomics, channels or locks on purpose.',
      },
      question: 'How would you share this data across multiple threads? When would you use a channel instead of `Arc<Mutex<T>>`?',
    },
    {
      id: 'async',
      title: 'Async',
      weight: 1,
      signals: signalsOf('async'),
      descriptors: {
        'strong-no': 'Blocks the runtime: `std::thread::sleep`, std file or socket I/O inside async code.',
        no: 'Async used because the template did; tasks spawned and forgotten; no thought of cancellation.',
        yes: 'Async where it helps, no blocking calls inside it, tasks joined or supervised.',
        'strong-yes': 'Knows when async is worth its overhead and when sync is better; handles shutdown, timeouts and back-pressure.',
      },
      question: 'When would you use async rather than synchronous Rust here? What happens to the runtime if one task blocks?',
    },
    {
      id: 'testing',
      title: 'Testing & Debuggability',
      weight: 1,
      signals: signalsOf('testing'),
      descriptors: {
        'strong-no': 'No tests, or tests that cannot fail.',
        no: 'A few happy-path unit tests; error paths and concurrency untested.',
        yes: 'Unit tests of the core logic and its error paths, and at least one test through the public interface.',
        'strong-yes': 'A testing strategy: unit, integration and property or doc tests, and code built to be debugged (clear errors, logs).',
      },
      question: 'This fails in production with no stack trace. How do you find out why?',
    },
    {
      id: 'design',
      title: 'Design & Operations',
      weight: 2,
      signals: signalsOf('design'),
      descriptors: {
        'strong-no': 'One tangled module; unexplained `unsafe`; no thought for running it.',
        no: 'Works, but long functions, `println!` for logging and no documentation of the public API.',
        yes: 'Sensible modules, structured logging, documented public items, no needless `unsafe`.',
        'strong-yes': 'Explains architecture, memory behaviour, performance bottlenecks and operational trade-offs: why this design rather than another.',
      },
      question: 'Why did you choose this design over the alternatives? What would break first under ten times the load, and how would you see it?',
    },
  ],
  checklist: [
    'Judge the design and the trade-offs, not syntax trivia.',
    'Check how the candidate debugs: error messages, logs, tests that localise a failure.',
    'Do not assume C++ experience translates to Rust: look for Rust idioms, not only working code.',
    'Evaluate concurrency and async as well as ownership.',
    'Weigh systems concerns (I/O, memory, failure) over algorithm puzzles.',
  ],
};

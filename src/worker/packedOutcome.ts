import type { AnalysisOutcome } from '../analysis/engine';
import type { CallFact, FileFacts, FunctionFact } from '../analysis/facts/model';
import type { CategoryId, CodeContext, ConcurrencyModel, FileAnalysis, Finding, Polarity, Range, Severity, SkippedFile } from '../analysis/model';
import { stringTable } from './packedFindings';

/**
 * A scanned file's findings, functions and calls as they cross from the worker to the host:
 * numbers in one buffer, transferred rather than copied, and a table of the strings they refer
 * to. Copied as objects, each field name of each object is written and read again: tokio's
 * 10,000 findings and 11,000 facts took 51-68 ms of CPU time to copy, packed 27-38 ms with the
 * packing and unpacking. Modules and lifetime types are few and go as they are.
 */
export interface PackedFacts {
  modules: FileFacts['modules'];
  lifetimeTypes: string[];
  /** Per function, FUNCTION_FIELDS numbers: name, owner and return type as indices into the strings (-1 for none), flags, start, name start and end, and the name's line and character. */
  functions: Int32Array;
  /** Per call, CALL_FIELDS numbers: callee and the callee as written as indices into the strings, start, end, caller (-1 for none), flags, and the range. */
  calls: Int32Array;
}

export type PackedAnalysis = Omit<FileAnalysis, 'findings' | 'facts'> & {
  /** Per finding, FINDING_FIELDS numbers: start, end and range, then rule, category, polarity, severity, message, context, concurrency model and subject as indices into `strings` (-1 for none). */
  findings: Int32Array;
  facts: PackedFacts;
  strings: string[];
};
export type PackedOutcome = { analysis: PackedAnalysis; skipped?: undefined } | { analysis?: undefined; skipped: SkippedFile };

const FINDING_FIELDS = 14;
const FUNCTION_FIELDS = 9;
const CALL_FIELDS = 10;

/** Function flags. */
const TRAIT_IMPL = 1;
const PUBLIC = 2;
const ASYNC = 4;
const IN_TEST = 8;
/** A function's name has its line and character; a call has its range. */
const HAS_PLACE = 16;
/** Call flag; IN_TEST and HAS_PLACE as for functions. */
const IN_ASYNC = 1;

function writeRange(numbers: Int32Array, at: number, range: Range | undefined): void {
  if (!range) return;
  numbers[at] = range.start.line;
  numbers[at + 1] = range.start.character;
  numbers[at + 2] = range.end.line;
  numbers[at + 3] = range.end.character;
}

function readRange(numbers: Int32Array, at: number): Range {
  return { start: { line: numbers[at], character: numbers[at + 1] }, end: { line: numbers[at + 2], character: numbers[at + 3] } };
}

/** Packs an outcome's findings and facts; the buffer is to be transferred. */
export function packOutcome(outcome: AnalysisOutcome): { outcome: PackedOutcome; transfer: ArrayBuffer[] } {
  if (!outcome.analysis) return { outcome, transfer: [] };
  const { file, context, findings, stats, facts } = outcome.analysis;
  const { modules, functions, calls, lifetimeTypes } = facts;
  const sizes = [findings.length * FINDING_FIELDS, functions.length * FUNCTION_FIELDS, calls.length * CALL_FIELDS];
  // One buffer for the three, so that one allocation and one transfer serve them.
  const buffer = new ArrayBuffer((sizes[0] + sizes[1] + sizes[2]) * Int32Array.BYTES_PER_ELEMENT);
  const packedFindings = new Int32Array(buffer, 0, sizes[0]);
  const packed: PackedFacts = {
    modules,
    lifetimeTypes,
    functions: new Int32Array(buffer, packedFindings.byteLength, sizes[1]),
    calls: new Int32Array(buffer, packedFindings.byteLength + sizes[1] * Int32Array.BYTES_PER_ELEMENT, sizes[2]),
  };
  const { strings, ref } = stringTable();
  findings.forEach((finding, i) => {
    const at = i * FINDING_FIELDS;
    packedFindings[at] = finding.startIndex;
    packedFindings[at + 1] = finding.endIndex;
    writeRange(packedFindings, at + 2, finding.range);
    packedFindings[at + 6] = ref(finding.rule);
    packedFindings[at + 7] = ref(finding.category);
    packedFindings[at + 8] = ref(finding.polarity);
    packedFindings[at + 9] = ref(finding.severity);
    packedFindings[at + 10] = ref(finding.message);
    packedFindings[at + 11] = ref(finding.context);
    packedFindings[at + 12] = ref(finding.concurrencyModel);
    packedFindings[at + 13] = ref(finding.subject);
  });
  functions.forEach((fn, i) => {
    const at = i * FUNCTION_FIELDS;
    const flags = (fn.traitImpl ? TRAIT_IMPL : 0) | (fn.isPublic ? PUBLIC : 0) | (fn.isAsync ? ASYNC : 0) | (fn.inTest ? IN_TEST : 0) | (fn.nameLine !== undefined && fn.nameCharacter !== undefined ? HAS_PLACE : 0);
    const numbers = packed.functions;
    numbers[at] = ref(fn.name);
    numbers[at + 1] = ref(fn.owner);
    numbers[at + 2] = ref(fn.returns);
    numbers[at + 3] = flags;
    numbers[at + 4] = fn.at;
    numbers[at + 5] = fn.nameAt;
    numbers[at + 6] = fn.nameEnd;
    numbers[at + 7] = fn.nameLine ?? 0;
    numbers[at + 8] = fn.nameCharacter ?? 0;
  });
  calls.forEach((call, i) => {
    const at = i * CALL_FIELDS;
    const flags = (call.inAsync ? IN_ASYNC : 0) | (call.inTest ? IN_TEST : 0) | (call.range ? HAS_PLACE : 0);
    const numbers = packed.calls;
    numbers[at] = ref(call.callee);
    numbers[at + 1] = ref(call.written);
    numbers[at + 2] = call.at;
    numbers[at + 3] = call.end;
    numbers[at + 4] = call.caller ?? -1;
    numbers[at + 5] = flags;
    writeRange(packed.calls, at + 6, call.range);
  });
  return { outcome: { analysis: { file, context, findings: packedFindings, stats, facts: packed, strings } }, transfer: [buffer] };
}

/** The outcome as the analyzer made it: its findings and facts unpacked, each with its fields in the order the analyzer gives them. */
export function unpackOutcome(outcome: PackedOutcome): AnalysisOutcome {
  if (!outcome.analysis) return outcome;
  const { file, context, stats, findings, facts, strings } = outcome.analysis;
  const { modules, lifetimeTypes } = facts;
  return {
    analysis: {
      file,
      context,
      findings: unpackFindings(findings, strings, file),
      stats,
      facts: { modules, functions: unpackFunctions(facts.functions, strings), calls: unpackCalls(facts.calls, strings), lifetimeTypes },
    },
  };
}

// One function per kind of record: each is optimised on its own, and is a smaller unit for V8 to
// compile again when what it reads changes shape. Optional fields are set rather than spread in:
// spreading builds an object per field, and these run per finding and per fact.

function unpackFindings(numbers: Int32Array, strings: string[], file: string): Finding[] {
  const findings: Finding[] = [];
  for (let at = 0; at < numbers.length; at += FINDING_FIELDS) {
    const finding: Finding = {
      rule: strings[numbers[at + 6]],
      category: strings[numbers[at + 7]] as CategoryId,
      polarity: strings[numbers[at + 8]] as Polarity,
      severity: strings[numbers[at + 9]] as Severity,
      message: strings[numbers[at + 10]],
      file,
      range: readRange(numbers, at + 2),
      startIndex: numbers[at],
      endIndex: numbers[at + 1],
      context: strings[numbers[at + 11]] as CodeContext,
    };
    const concurrencyModel = numbers[at + 12];
    const subject = numbers[at + 13];
    if (concurrencyModel !== -1) finding.concurrencyModel = strings[concurrencyModel] as ConcurrencyModel;
    if (subject !== -1) finding.subject = strings[subject];
    findings.push(finding);
  }
  return findings;
}

function unpackFunctions(numbers: Int32Array, strings: string[]): FunctionFact[] {
  const functions: FunctionFact[] = [];
  for (let at = 0; at < numbers.length; at += FUNCTION_FIELDS) {
    const flags = numbers[at + 3];
    const fn: FunctionFact = {
      name: strings[numbers[at]],
      traitImpl: (flags & TRAIT_IMPL) !== 0,
      isPublic: (flags & PUBLIC) !== 0,
      isAsync: (flags & ASYNC) !== 0,
      inTest: (flags & IN_TEST) !== 0,
      at: numbers[at + 4],
      nameAt: numbers[at + 5],
      nameEnd: numbers[at + 6],
    };
    const owner = numbers[at + 1];
    const returns = numbers[at + 2];
    if (owner !== -1) fn.owner = strings[owner];
    if (returns !== -1) fn.returns = strings[returns];
    if (flags & HAS_PLACE) {
      fn.nameLine = numbers[at + 7];
      fn.nameCharacter = numbers[at + 8];
    }
    functions.push(fn);
  }
  return functions;
}

function unpackCalls(numbers: Int32Array, strings: string[]): CallFact[] {
  const calls: CallFact[] = [];
  for (let at = 0; at < numbers.length; at += CALL_FIELDS) {
    const flags = numbers[at + 5];
    const call: CallFact = {
      callee: strings[numbers[at]],
      written: strings[numbers[at + 1]],
      at: numbers[at + 2],
      end: numbers[at + 3],
      inAsync: (flags & IN_ASYNC) !== 0,
      inTest: (flags & IN_TEST) !== 0,
    };
    const caller = numbers[at + 4];
    if (caller !== -1) call.caller = caller;
    if (flags & HAS_PLACE) call.range = readRange(numbers, at + 6);
    calls.push(call);
  }
  return calls;
}

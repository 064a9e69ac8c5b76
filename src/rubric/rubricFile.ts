import { errorMessage } from '../analysis/errorMessage';
import { LEVELS, type Rubric, type RubricCategory } from './model';

/** The longest time-box a rubric may give: two weeks of hours, far beyond any take-home, to catch minutes or days given as hours. */
export const MAX_EXPECTED_HOURS = 336;

/** The ids the analysis can report, to catch a misspelt signal in a custom rubric. */
export type KnownSignals = ReadonlySet<string>;

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

type Result = { rubric: Rubric } | { error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[], where: string): string | undefined {
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  return extra === undefined ? undefined : `${where} has an unknown field "${extra}"`;
}

function checkCategory(value: unknown, index: number, known: KnownSignals): { category: RubricCategory } | { error: string } {
  const where = `categories[${index}]`;
  if (!isObject(value)) return { error: `${where} must be an object` };
  const extra = unknownKeys(value, ['id', 'title', 'weight', 'signals', 'descriptors', 'question'], where);
  if (extra) return { error: extra };
  if (typeof value.id !== 'string' || !ID.test(value.id)) return { error: `${where}.id must be a non-empty id of letters, digits, ".", "_" or "-"` };
  const at = `category "${value.id}"`;
  if (!nonEmpty(value.title)) return { error: `${at} needs a title` };
  if (typeof value.weight !== 'number' || !Number.isFinite(value.weight) || value.weight <= 0 || value.weight > 100) {
    return { error: `${at}: weight must be a number above 0 and at most 100` };
  }
  if (!Array.isArray(value.signals) || !value.signals.every((s) => typeof s === 'string')) return { error: `${at}: signals must be a list of signal ids` };
  const unknown = value.signals.find((s) => !known.has(s));
  if (unknown !== undefined) return { error: `${at}: unknown signal "${unknown}" (see the README for the signal ids)` };
  if (!isObject(value.descriptors)) return { error: `${at}: descriptors must give a text for each of ${LEVELS.join(', ')}` };
  const extraLevel = unknownKeys(value.descriptors, LEVELS, `${at}: descriptors`);
  if (extraLevel) return { error: extraLevel };
  const missing = LEVELS.find((level) => !nonEmpty((value.descriptors as Record<string, unknown>)[level]));
  if (missing) return { error: `${at}: descriptors.${missing} is missing or empty` };
  if (!nonEmpty(value.question)) return { error: `${at} needs a follow-up question` };
  return {
    category: {
      id: value.id,
      title: value.title,
      weight: value.weight,
      signals: value.signals,
      descriptors: value.descriptors as RubricCategory['descriptors'],
      question: value.question,
    },
  };
}

/**
 * Checks a custom rubric file, naming the first problem so the reviewer can fix it. The rules are
 * those of `rubric.schema.json`, which gives the same file completion and validation in the editor.
 */
export function parseRubric(text: string, known: KnownSignals): Result {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `the file is not valid JSON (${errorMessage(error)})` };
  }
  if (!isObject(value)) return { error: 'the rubric must be a JSON object' };
  const extra = unknownKeys(value, ['$schema', 'id', 'version', 'title', 'checklist', 'expectedHours', 'categories'], 'the rubric');
  if (extra) return { error: extra };
  if (typeof value.id !== 'string' || !ID.test(value.id)) return { error: 'id must be a non-empty id of letters, digits, ".", "_" or "-"' };
  if (!nonEmpty(value.version)) return { error: 'version must be a non-empty string, such as "1.0.0"' };
  if (!nonEmpty(value.title)) return { error: 'title must be a non-empty string' };
  if (value.checklist !== undefined && (!Array.isArray(value.checklist) || !value.checklist.every(nonEmpty))) {
    return { error: 'checklist must be a list of non-empty strings' };
  }
  const hours = value.expectedHours;
  if (hours !== undefined && (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > MAX_EXPECTED_HOURS)) {
    return { error: `expectedHours must be a number of hours above 0 and at most ${MAX_EXPECTED_HOURS}` };
  }
  if (!Array.isArray(value.categories) || value.categories.length === 0) return { error: 'categories must be a non-empty list' };
  const categories: RubricCategory[] = [];
  for (const [index, item] of value.categories.entries()) {
    const checked = checkCategory(item, index, known);
    if ('error' in checked) return checked;
    if (categories.some((c) => c.id === checked.category.id)) return { error: `category id "${checked.category.id}" is used twice` };
    categories.push(checked.category);
  }
  return {
    rubric: { id: value.id, version: value.version, title: value.title, categories, checklist: value.checklist ?? [], ...(hours === undefined ? {} : { expectedHours: hours }) },
  };
}

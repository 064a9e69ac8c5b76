import { asyncRules } from './async';
import { concurrencyRules } from './concurrency';
import { errorHandlingRules } from './errorHandling';
import { lifetimeRules } from './lifetimes';
import { numberRules } from './numbers';
import { observabilityRules } from './observability';
import { ownershipRules } from './ownership';
import { projectRules } from './project';
import type { Rule } from './rule';
import { testingRules } from './testing';
import { unsafeRules } from './unsafe';

export const RULES: readonly Rule[] = [
  ...errorHandlingRules,
  ...lifetimeRules,
  ...ownershipRules,
  ...concurrencyRules,
  ...asyncRules,
  ...testingRules,
  ...unsafeRules,
  ...observabilityRules,
  ...projectRules,
  ...numberRules,
];

import { callFacts } from './calls';
import type { FactCollector } from './collector';
import { functionFacts } from './functions';
import { lifetimeTypeFacts } from './lifetimeTypes';
import { moduleFacts } from './modules';

export const FACT_COLLECTORS: readonly FactCollector[] = [moduleFacts, functionFacts, callFacts, lifetimeTypeFacts];

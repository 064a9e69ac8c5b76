import type { FactCollector } from './collector';

const WITH_LIFETIME = '(type_parameters (lifetime_parameter))';

/** Types declared with a lifetime parameter: written bare (`Opts`), they still hide one, which lifetime elision counts. */
export const lifetimeTypeFacts: FactCollector = {
  fact: 'lifetimeTypes',
  match: {
    query: `[${['struct_item', 'enum_item', 'union_item', 'type_item'].map((item) => `(${item} name: (type_identifier) @site type_parameters: ${WITH_LIFETIME})`).join(' ')}]`,
  },
  collect: ({ captures }, ctx, sink) => {
    if (!ctx.isInMacroArguments(captures.site)) sink.facts.lifetimeTypes.push(captures.site.text);
  },
};

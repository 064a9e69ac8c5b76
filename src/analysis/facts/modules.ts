import type { Node } from 'web-tree-sitter';
import { isComment } from '../syntax';
import { inlineModulesAround, type FactCollector } from './collector';

const PATH_ATTRIBUTE = /^#\[\s*path\s*=\s*"((?:[^"\\]|\\.)*)"\s*\]$/;

/** The value of a `#[path = ".."]` attribute above an item. */
function pathAttribute(item: Node): string | undefined {
  for (let p = item.previousNamedSibling; p && (p.type === 'attribute_item' || isComment(p)); p = p.previousNamedSibling) {
    const path = PATH_ATTRIBUTE.exec(p.text)?.[1];
    if (path !== undefined) return path.replace(/\\(.)/g, '$1');
  }
  return undefined;
}

/** `mod` items: the edges of the module tree, from which the crate model learns which files each target reaches. */
export const moduleFacts: FactCollector = {
  fact: 'modules',
  match: { query: '(mod_item name: (identifier) @site) @module' },
  collect: ({ captures }, ctx, sink) => {
    const item = captures.module;
    if (ctx.isInMacroArguments(item)) return;
    const visibility = item.namedChildren.find((c) => c?.type === 'visibility_modifier');
    const path = pathAttribute(item);
    sink.facts.modules.push({
      name: captures.site.text,
      isPublic: visibility?.text === 'pub',
      inTest: ctx.contextOf(item) === 'test',
      inline: item.childForFieldName('body') !== null,
      ...(path === undefined ? {} : { path }),
      parents: inlineModulesAround(item),
    });
  },
};

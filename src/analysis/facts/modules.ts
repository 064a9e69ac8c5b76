import type { Node } from 'web-tree-sitter';
import { attributesBefore } from '../syntax';
import type { FactCollector } from './collector';

const PATH_ATTRIBUTE = /^#\[\s*path\s*=\s*"((?:[^"\\]|\\.)*)"\s*\]$/;

/** The value of a `#[path = ".."]` attribute above an item. */
function pathAttribute(item: Node): string | undefined {
  const path = attributesBefore(item)
    .map((attribute) => PATH_ATTRIBUTE.exec(attribute.text)?.[1])
    .find((value) => value !== undefined);
  return path?.replace(/\\(.)/g, '$1');
}

/** The names of the inline modules around a node, outermost first. */
function inlineModulesAround(node: Node): string[] {
  const modules: string[] = [];
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'mod_item') modules.unshift(p.childForFieldName('name')?.text ?? '');
  }
  return modules;
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

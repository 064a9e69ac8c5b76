import type { Node } from 'web-tree-sitter';
import { normalisePath } from './rules/rule';

/** One name a `use` declaration brings into scope, and the full path it stands for. */
export type ImportBinding = readonly [local: string, path: string];

/**
 * The names one `use` declaration binds, in order. It is syntax only: no crate graph, no glob
 * expansion, which is enough to tell `std::fs` from `tokio::fs`.
 */
export function importBindings(useDeclaration: Node): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  const bind = (local: string, path: string): void => {
    if (local && local !== '_') bindings.push([local, path]);
  };
  const collect = (node: Node, prefix: string): void => {
    const join = (path: string): string => (prefix ? `${prefix}::${path}` : path);
    switch (node.type) {
      case 'identifier':
      case 'scoped_identifier': {
        const path = join(normalisePath(node.text));
        const local = path.slice(path.lastIndexOf(':') + 1);
        if (local === 'self') bind(prefix.slice(prefix.lastIndexOf(':') + 1), prefix);
        else bind(local, path);
        return;
      }
      case 'self':
        bind(prefix.slice(prefix.lastIndexOf(':') + 1), prefix);
        return;
      case 'use_as_clause': {
        const path = node.childForFieldName('path');
        const alias = node.childForFieldName('alias');
        if (path && alias) bind(alias.text, join(normalisePath(path.text)));
        return;
      }
      case 'scoped_use_list': {
        const path = node.childForFieldName('path');
        const list = node.childForFieldName('list');
        if (list) collect(list, path ? join(normalisePath(path.text)) : prefix);
        return;
      }
      case 'use_list':
        for (const child of node.namedChildren) if (child) collect(child, prefix);
        return;
      default:
        return; // globs and anything unexpected bring no names we can know
    }
  };
  const argument = useDeclaration.childForFieldName('argument');
  if (argument) collect(argument, '');
  return bindings;
}

/**
 * What the `use` declarations of one file bring into scope, so that `fs::read_to_string` after
 * `use std::fs;` is recognised as `std::fs::read_to_string`. A later binding of a name wins.
 */
export class ImportTable {
  private readonly names = new Map<string, string>();

  add(bindings: readonly ImportBinding[]): void {
    for (const [local, path] of bindings) this.names.set(local, path);
  }

  /** The full path of a written path, resolved through its first segment. */
  resolve(path: string): string {
    const separator = path.indexOf('::');
    const head = separator === -1 ? path : path.slice(0, separator);
    const bound = this.names.get(head);
    if (!bound) return path;
    return separator === -1 ? bound : bound + path.slice(separator);
  }
}

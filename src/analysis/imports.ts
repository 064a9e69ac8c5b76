import type { Node } from 'web-tree-sitter';
import { normalisePath } from './rules/rule';

/**
 * What the `use` declarations of one file bring into scope, so that `fs::read_to_string` after
 * `use std::fs;` is recognised as `std::fs::read_to_string`. It is syntax only: no crate graph,
 * no glob expansion, which is enough to tell `std::fs` from `tokio::fs`.
 */
export class ImportTable {
  private readonly names = new Map<string, string>();

  add(useDeclaration: Node): void {
    const argument = useDeclaration.childForFieldName('argument');
    if (argument) this.collect(argument, '');
  }

  private collect(node: Node, prefix: string): void {
    const join = (path: string): string => (prefix ? `${prefix}::${path}` : path);
    switch (node.type) {
      case 'identifier':
      case 'scoped_identifier': {
        const path = join(normalisePath(node.text));
        const local = path.slice(path.lastIndexOf(':') + 1);
        if (local === 'self') this.bind(prefix.slice(prefix.lastIndexOf(':') + 1), prefix);
        else this.bind(local, path);
        return;
      }
      case 'self':
        this.bind(prefix.slice(prefix.lastIndexOf(':') + 1), prefix);
        return;
      case 'use_as_clause': {
        const path = node.childForFieldName('path');
        const alias = node.childForFieldName('alias');
        if (path && alias) this.bind(alias.text, join(normalisePath(path.text)));
        return;
      }
      case 'scoped_use_list': {
        const path = node.childForFieldName('path');
        const list = node.childForFieldName('list');
        if (list) this.collect(list, path ? join(normalisePath(path.text)) : prefix);
        return;
      }
      case 'use_list':
        for (const child of node.namedChildren) if (child) this.collect(child, prefix);
        return;
      default:
        return; // globs and anything unexpected bring no names we can know
    }
  }

  private bind(local: string, path: string): void {
    if (local && local !== '_') this.names.set(local, path);
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

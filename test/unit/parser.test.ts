import { deepStrictEqual, strictEqual } from 'node:assert';
import { Parser, Query } from 'web-tree-sitter';
import { language } from './support/analyzer';

describe('the bundled web-tree-sitter', () => {
  // esbuild.config.mjs has the bundles keep a node's handle into the parser's memory in a named
  // field rather than as the element `[0]`, which V8 stores slowly: every node found must still
  // lead back into the tree.
  it('keeps a node\'s handle in a named field, and each node found by a query or a walk still reads the tree', async () => {
    const rust = await language();
    const parser = new Parser();
    parser.setLanguage(rust);
    const tree = parser.parse('fn main() {\n    let v = load().unwrap();\n}\n');
    const query = new Query(rust, '(call_expression function: (field_expression field: (field_identifier) @method)) @call');
    try {
      const [match] = query.matches(tree!.rootNode);
      const method = match.captures.find((c) => c.name === 'method')!.node;
      strictEqual(Object.hasOwn(method, '0'), false);
      strictEqual(method.text, 'unwrap');
      strictEqual(method.parent?.type, 'field_expression');
      strictEqual(method.parent?.childForFieldName('value')?.text, 'load()');
      const call = match.captures.find((c) => c.name === 'call')!.node;
      deepStrictEqual(
        call.namedChildren.map((child) => child?.type),
        ['field_expression', 'arguments'],
      );
      strictEqual(call.endPosition.row, 1);
      deepStrictEqual(
        tree!.rootNode.descendantsOfType('identifier').map((node) => node?.text),
        ['main', 'v', 'load'],
      );
    } finally {
      query.delete();
      tree?.delete();
      parser.delete();
    }
  });
});

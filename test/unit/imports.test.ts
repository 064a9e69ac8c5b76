import { deepStrictEqual } from 'node:assert';
import { Parser } from 'web-tree-sitter';
import { importBindings, ImportTable } from '../../src/analysis/imports';
import { language } from './support/analyzer';

describe('importBindings and ImportTable', () => {
  it('resolves paths through use declarations, lists, aliases and self', async () => {
    const rust = await language();
    const parser = new Parser();
    parser.setLanguage(rust);
    const tree = parser.parse(`
use std::fs;
use std::sync::{Arc, Mutex as StdMutex, mpsc::{self, channel}};
use tokio::time::sleep;
use crate::store::*;
`)!;
    const imports = new ImportTable();
    for (const node of tree.rootNode.namedChildren) if (node) imports.add(importBindings(node));
    deepStrictEqual(
      ['fs::read_to_string', 'Arc::new', 'StdMutex::new', 'mpsc::sync_channel', 'channel', 'sleep', 'thread::sleep', 'Store::open'].map((p) => imports.resolve(p)),
      [
        'std::fs::read_to_string',
        'std::sync::Arc::new',
        'std::sync::Mutex::new',
        'std::sync::mpsc::sync_channel',
        'std::sync::mpsc::channel',
        'tokio::time::sleep',
        'thread::sleep',
        'Store::open',
      ],
    );
    tree.delete();
    parser.delete();
  });
});

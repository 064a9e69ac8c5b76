import type { Node } from 'web-tree-sitter';
import type { Checker, PendingMatch } from './evaluate';
import type { FileScope } from './fileScope';
import { importBindings, type ImportBinding } from './imports';
import type { ItemGroup } from './itemGroups';
import type { Layer, PendingMacro, Unit } from './macroLayers';
import type { CombinedQuery, PatternRole } from './query';
import { lastSegment, normalisePath } from './rules/rule';
import { attributeParts } from './syntax';
import { markTestMacro, type FactSite } from './syntaxFacts';

/** What the matches of one layer other than a rule's go to: the tables of rules by name, and where facts, macros and imports are kept. */
export interface LayerShapes {
  tables: Pick<CombinedQuery, 'byMethod' | 'byCall' | 'byMacro' | 'byAttribute' | 'byInnerAttribute' | 'attributeWords' | 'innerAttributeWords'>;
  layer: Layer;
  scope: FileScope;
  groupAt: (offset: number) => ItemGroup | undefined;
  ruleMatches: PendingMatch[];
  /** The bindings of `use` declarations in macro arguments. */
  macroImports: ImportBinding[];
  /** The arguments of the layer's macro calls, to parse as the next layer. */
  pending: PendingMacro[];
}

/**
 * Takes a match of a syntax fact or of a shape matched by name: the fact is recorded, and the
 * rules that name the method, path, macro or attribute get the match. The loop over a layer's
 * matches hands a rule's match on by itself and calls this for the rest. Kept out of that loop,
 * which runs for every match, so that the optimising compiler does not inline all of this into
 * it: it made the loop slow to compile, and it was compiled again whenever one of these paths
 * first ran (CONTRIBUTING's Benchmark section has the figures).
 */
export function takeShape(shapes: LayerShapes, role: Exclude<PatternRole, { kind: 'rule' }>, captures: Record<string, Node>, unit: Unit, first: Node): void {
  const { tables, ruleMatches } = shapes;
  switch (role.kind) {
    case 'fact':
      role.fact.record(captures, factSite(shapes, unit, first));
      break;
    case 'method': {
      const rules = tables.byMethod.get(captures.site.text);
      if (rules) dispatch(ruleMatches, unit, rules, { site: captures.site, 'site.end': captures.args, receiver: captures.receiver, call: captures.call }, captures.args);
      break;
    }
    case 'call': {
      const rules = tables.byCall.get(lastSegment(normalisePath(captures.callee.text)));
      if (!rules) break;
      const call = captures.callee.parent;
      const args = call?.childForFieldName('arguments');
      if (!call || args?.type !== 'arguments') break;
      dispatch(ruleMatches, unit, rules, { site: captures.callee, callee: captures.callee, args, call }, undefined);
      break;
    }
    case 'macro': {
      const name = lastName(captures['macro.name']);
      markTestMacro(name, captures.macro, factSite(shapes, unit, first));
      const rules = tables.byMacro.get(name);
      if (rules) dispatch(ruleMatches, unit, rules, { site: captures['macro.name'], 'site.end': captures['macro.bang'], macro: captures.macro }, captures['macro.bang']);
      shapes.pending.push({ unit, args: captures['macro.args'] });
      break;
    }
    case 'attribute':
    case 'innerAttribute': {
      const { attribute } = captures;
      // Two conditionals, not a destructured pair: this runs for every attribute (see fileFacts in engine.ts).
      const outer = role.kind === 'attribute';
      const table = outer ? tables.byAttribute : tables.byInnerAttribute;
      const words = outer ? tables.attributeWords : tables.innerAttributeWords;
      // A name the table holds is a word of the attribute's text. Reading the text once spares
      // most attributes the walk down to their name, which asks the tree six or seven times.
      const parts = words?.test(attribute.text) ? attributeParts(attribute) : null;
      const rules = parts ? table.get(parts.name.text) : undefined;
      if (!parts || !rules) break;
      const given: Record<string, Node> = { site: parts.name, path: parts.path, attribute, meta: parts.meta };
      const args = parts.meta.childForFieldName('arguments');
      if (args) given.args = args;
      dispatch(ruleMatches, unit, rules, given, undefined);
      break;
    }
    case 'use': {
      // A `use` in macro arguments reaches every item, so any edit re-analyses the whole file.
      const group = factSite(shapes, unit, first).group();
      if (shapes.layer.serial === 0) group?.imports.push(...importBindings(captures.use));
      else {
        shapes.macroImports.push(...importBindings(captures.use));
        if (group) group.fileWide = true;
      }
      break;
    }
  }
}

/** Hands one match to each of the rules that asked for it by name (or, from the engine, by a line pattern). */
export function dispatch(ruleMatches: PendingMatch[], unit: Unit, checkers: Checker[], captures: Record<string, Node>, siteEnd: Node | undefined): void {
  for (const checker of checkers) ruleMatches.push({ unit, checker, captures, site: captures.site, siteEnd });
}

function lastName(macro: Node): string {
  const text = macro.text;
  return text.slice(text.lastIndexOf(':') + 1);
}

/**
 * Where a match's facts go. Counts and file-wide marks go to the group the match is in (where its
 * first capture starts); a match in a group not being analysed is a neighbour's.
 */
function factSite({ scope, layer, groupAt }: LayerShapes, unit: Unit, first: Node): FactSite {
  return {
    scope,
    layer,
    at: (node) => unit.absolute(node.startIndex),
    end: (node) => unit.absolute(node.endIndex),
    group: () => groupAt(unit.absolute(first.startIndex)),
  };
}

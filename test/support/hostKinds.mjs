// The extension hosts an integration run can use, as `--kind` names them (test/integration/run.mjs
// and runTests.mjs).

/** The hosts `kind` names, in the order they run: node, web, or both; undefined for anything else. */
export function hostKinds(kind) {
  return { node: ['node'], web: ['web'], both: ['node', 'web'] }[kind];
}

export const HOST_KINDS_USAGE = '--kind must be node, web or both';

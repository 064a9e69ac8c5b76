import path from 'node:path';

/** Runs a workspace generator as `node <script> <empty folder>`, as test/integration/run.mjs --workspace-generator does. */
export function generateFromCommandLine(script: string, generate: (root: string) => void): void {
  const [root] = process.argv.slice(2);
  if (!root) {
    console.error(`usage: node ${script} <empty folder>`);
    process.exit(2);
  }
  generate(path.resolve(root));
}

import type { CrateManifest, FileAnalysis } from '../model';
import { blockingOperation } from '../rules/calls';
import { judgeFile } from './judge';
import { CrateModel } from './model';

export { CrateModel } from './model';
export { judgeFile, judgeFileFindings } from './judge';

/** A model of the crate with every file and manifest set, for a whole scan at once. */
export function crateModelOf(analyses: readonly FileAnalysis[], manifests: readonly CrateManifest[]): CrateModel {
  const model = new CrateModel(blockingOperation);
  model.setManifests(manifests);
  for (const analysis of analyses) model.setFile(analysis);
  return model;
}

/** Every file's analysis with its findings judged by the crate model (see judgeFile). */
export function judgeCrate(analyses: readonly FileAnalysis[], manifests: readonly CrateManifest[]): FileAnalysis[] {
  const model = crateModelOf(analyses, manifests);
  return analyses.map((analysis) => {
    const findings = judgeFile(model, analysis);
    return findings === analysis.findings ? analysis : { ...analysis, findings };
  });
}

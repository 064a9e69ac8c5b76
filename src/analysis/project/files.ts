/**
 * Which files around the code the project analysis reads, by path alone, so the CLI's walk and the
 * extension's file search hand it the same ones. Paths are relative to the root, with `/`.
 */
export type ProjectFileKind = 'readme' | 'ci' | 'lint-config' | 'lockfile' | 'deployment' | 'config';

/** A file around the code, with its text when it was read (a lockfile's text is never needed). */
export interface ProjectFile {
  file: string;
  kind: ProjectFileKind;
  text?: string;
}

const README = /^readme(\.(md|markdown|txt|rst|adoc))?$/i;
const LINT_CONFIG = new Set(['rustfmt.toml', '.rustfmt.toml', 'clippy.toml', '.clippy.toml']);
/** CI systems whose configuration sits at a fixed place (GitHub's and Woodpecker's in a folder of workflows). */
const CI_FILES = new Set(['.gitlab-ci.yml', '.travis.yml', 'azure-pipelines.yml', 'Jenkinsfile', 'bitbucket-pipelines.yml', '.circleci/config.yml', '.buildkite/pipeline.yml', '.drone.yml']);
const CI_FOLDERS = /^(\.github\/workflows|\.woodpecker|\.forgejo\/workflows|\.gitea\/workflows)\/[^/]+\.ya?ml$/;
const DEPLOYMENT = /^(Dockerfile(\.[\w-]+)?|[\w-]+\.Dockerfile|Containerfile|(docker-)?compose(\.[\w-]+)?\.ya?ml|fly\.toml|Procfile|render\.yaml|app\.yaml|railway\.(json|toml)|shuttle\.toml)$/;
const DEPLOYMENT_FOLDERS = /^(k8s|kubernetes|deploy|deployment|helm|charts)$/;
const CONFIG = /^(config|settings|app)(\.(example|sample|default|dev|local))?\.(toml|ya?ml|json|ron|ini)$|^\.env\.(example|sample|template)$/;

/**
 * The kind of a file the project analysis reads, or undefined. READMEs, lockfiles, lint and config
 * files count at any depth (a workspace's packages have their own); CI files at the fixed places
 * their systems read them from, at the root of a repository; deployment files by name, or as YAML
 * in a folder named for deployment.
 */
export function projectFileKind(path: string): ProjectFileKind | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (README.test(name)) return 'readme';
  if (name === 'Cargo.lock') return 'lockfile';
  if (LINT_CONFIG.has(name)) return 'lint-config';
  if (CI_FILES.has(path) || CI_FOLDERS.test(path)) return 'ci';
  if (DEPLOYMENT.test(name)) return 'deployment';
  const folders = path.split('/').slice(0, -1);
  if (folders.some((folder) => DEPLOYMENT_FOLDERS.test(folder)) && /\.ya?ml$/.test(name)) return 'deployment';
  if (CONFIG.test(name)) return 'config';
  return undefined;
}

/** Whether the analysis needs the file's text: a lockfile counts by being there. */
export function needsText(kind: ProjectFileKind): boolean {
  return kind !== 'lockfile';
}

/**
 * Globs of every such file under a folder, for the extension's search and watcher, without braces
 * of their own so they can be joined into one `{a,b}`. They may match more than `projectFileKind`
 * accepts (any YAML in a deploy folder); what they find is checked with it.
 */
export const PROJECT_FILE_GLOBS: readonly string[] = [
  '**/[Rr][Ee][Aa][Dd][Mm][Ee]*',
  '**/Cargo.lock',
  '**/rustfmt.toml',
  '**/.rustfmt.toml',
  '**/clippy.toml',
  '**/.clippy.toml',
  '**/.github/workflows/*.y*ml',
  '**/.forgejo/workflows/*.y*ml',
  '**/.gitea/workflows/*.y*ml',
  '**/.woodpecker/*.y*ml',
  ...[...CI_FILES].map((file) => `**/${file}`),
  '**/*Dockerfile*',
  '**/Containerfile',
  '**/*compose*.y*ml',
  '**/fly.toml',
  '**/Procfile',
  '**/render.yaml',
  '**/app.yaml',
  '**/railway.*',
  '**/shuttle.toml',
  ...['k8s', 'kubernetes', 'deploy', 'deployment', 'helm', 'charts'].map((folder) => `**/${folder}/**/*.y*ml`),
  '**/config*.*',
  '**/settings*.*',
  '**/app.*',
  '**/.env.*',
];

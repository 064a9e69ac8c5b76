import { promises } from 'node:fs';
import type { ReadableGitFs } from '../history/gitFs';

/** Node's file system, as the git reader takes it. */
export const NODE_GIT_FS: ReadableGitFs = { promises };

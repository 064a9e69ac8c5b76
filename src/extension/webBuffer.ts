// Injected into the web extension host's bundle (esbuild.config.mjs): isomorphic-git, which reads
// the candidate's history, uses Node's `Buffer` global, and the web host has none.
export { Buffer } from 'buffer';

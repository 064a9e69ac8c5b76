// The web worker has no `process`; mocha's browser build reads a few of its fields. esbuild's
// `inject` makes every free `process` in the web test bundle refer to this object.
export const process = {
  env: {},
  nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
};

/**
 * pako, as isomorphic-git sees it in every bundle (esbuild.config.mjs points isomorphic-git's
 * `pako` here), with an inflate that stops at a limit: a git object of a few kilobytes can inflate
 * to gigabytes, and isomorphic-git inflates whole objects before it checks their length.
 */
import pako from 'pako';

/** The most a single git object may inflate to. Take-home sources are far smaller. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export class InflateLimitError extends Error {
  constructor() {
    super(`a git object inflates to more than ${MAX_INFLATED_BYTES / (1024 * 1024)} MiB, over the reader's limit`);
  }
}

export function inflate(input: Uint8Array): Uint8Array {
  const inflator = new pako.Inflate({ chunkSize: 64 * 1024 });
  const chunks: Uint8Array[] = [];
  let total = 0;
  inflator.onData = (chunk) => {
    const bytes = chunk as Uint8Array;
    total += bytes.length;
    // Throwing out of onData stops pako before it allocates the next chunk.
    if (total > MAX_INFLATED_BYTES) throw new InflateLimitError();
    chunks.push(bytes);
  };
  inflator.push(input, true);
  // pako's onEnd records a corrupt stream's status.
  if (inflator.err) throw new Error(`a git object is corrupt: ${inflator.msg || 'its deflate stream does not end'}`);
  const result = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}

export const { Inflate, Deflate, deflate, inflateRaw, deflateRaw, gzip, ungzip } = pako;
export default { ...pako, inflate };

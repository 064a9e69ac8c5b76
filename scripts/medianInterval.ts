// The median of a few timed rounds, and how far it can be trusted. A bench on a noisy machine has
// a handful of rounds; a distribution-free interval needs no assumption about the noise's shape.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The chance that at most `k` of `n` fair coin flips come up heads. */
function binomialAtMost(k: number, n: number): number {
  let term = 0.5 ** n;
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= (n - i + 1) / i;
    sum += term;
  }
  return sum;
}

/**
 * The narrowest interval between two of the sorted values that holds the true median with at
 * least the given confidence, and the confidence it has: the median lies below the k-th smallest
 * of n values with the chance that fewer than k of them fall below it, a binomial count. Few
 * rounds give a wide interval (with 7, the smallest to the largest, 98.4%); undefined when there
 * are too few for the confidence at all (fewer than 6 rounds for 95%).
 */
export function medianInterval(values: readonly number[], confidence = 0.95): { low: number; high: number; coverage: number } | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let best: { low: number; high: number; coverage: number } | undefined;
  // k is the 1-based rank of the interval's low end; the high end is the k-th largest.
  for (let k = 1; 2 * k <= n; k++) {
    const coverage = 1 - 2 * binomialAtMost(k - 1, n);
    if (coverage < confidence) break;
    best = { low: sorted[k - 1], high: sorted[n - k], coverage };
  }
  return best;
}

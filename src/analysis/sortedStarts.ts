/**
 * The index of the last item starting at or before `offset`, in items sorted by start (of equal
 * starts, the last), or -1 when every item starts after it. Line starts, item groups, macro
 * segments and nested scopes are all looked up by offset this way.
 */
export function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(items[mid]) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The start of an item that has one: a span, a segment, a scope. */
export const startField = (item: { readonly start: number }): number => item.start;

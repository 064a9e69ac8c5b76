/**
 * What went wrong, in words: a thrown `Error`'s message, or anything else thrown as text. Every
 * layer reports errors this way, so it lives in the pure core that all of them may import.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import type { BlindRecord, Review } from './review';

/** Whether the candidate's names are hidden now: the review is blind and not revealed yet. */
export const isBlind = (review: Review): boolean => review.blind !== undefined && review.blind.revealedAt === undefined;

/**
 * Starts a blind review. A review revealed already stays as it is: its reviewer has seen who the
 * candidate is, and the export must not claim otherwise.
 */
export function startBlind(review: Review, now: Date): Review {
  if (review.blind) return review;
  return { ...review, blind: { startedAt: now.toISOString() }, updatedAt: now.toISOString() };
}

/** Reveals the candidate of a blind review, recording when; any other review stays as it is. */
export function revealCandidate(review: Review, now: Date): Review {
  if (!review.blind || review.blind.revealedAt) return review;
  return { ...review, blind: { ...review.blind, revealedAt: now.toISOString() }, updatedAt: now.toISOString() };
}

const minute = (iso: string) => iso.replace('T', ' ').slice(0, 16);

/** The blind record in words, for the export's header: "blind from 2026-12-06 21:04 UTC, revealed 2026-12-06 22:40 UTC". */
export function blindRecordWords(record: BlindRecord): string {
  const started = `blind from ${minute(record.startedAt)} UTC`;
  return record.revealedAt ? `${started}, revealed ${minute(record.revealedAt)} UTC` : `${started}, not revealed at the export`;
}

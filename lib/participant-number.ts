/**
 * "Deltaker N": the number a participant has in one session, 1-based in the order they
 * joined (ties by id, so every server gives the same number). Facilitators use it to speak
 * of a participant (a help request, deleting someone's contributions) without a name, and a
 * number never changes while the session runs.
 */
export interface Joined {
  id: string;
  joinedAt: Date;
}

export function participantNumbers(joined: readonly Joined[]): Map<string, number> {
  const ordered = [...joined].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Map(ordered.map((p, i) => [p.id, i + 1]));
}

/** The participant with number `n`, or null. */
export function participantWithNumber(joined: readonly Joined[], n: number): string | null {
  for (const [id, number] of participantNumbers(joined)) if (number === n) return id;
  return null;
}

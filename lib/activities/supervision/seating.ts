import { anonymousMemberName, memberOf, seatMember, type SupervisionRuntime } from '../../supervision/engine';

/** Someone in the room who can be seated in a kollegaveiledning. */
export interface Seatable {
  id: string;
  displayName?: string | null;
}

/**
 * Seats someone in a kollegaveiledning that runs inside a workshop. The turn order needs a
 * label for everyone, but an anonymous workshop (allowNames false) keeps names out of the
 * room, so members without a name to show get a neutral "Deltaker n" (n = their seat, in the
 * order they were seated). Returns null when nothing changes.
 */
export function seatInWorkshop(rt: SupervisionRuntime, person: Seatable, allowNames: boolean): SupervisionRuntime | null {
  const own = allowNames && person.displayName ? person.displayName : null;
  const known = memberOf(rt, person.id);
  if (known) return own && known.name !== own ? seatMember(rt, person.id, own) : null;
  return seatMember(rt, person.id, own ?? { number: neutralNumber(rt) });
}

/** The number for the next anonymous seat, skipping one someone already goes by. */
export function neutralNumber(rt: SupervisionRuntime): number {
  let n = rt.members.length + 1;
  while (rt.members.some((m) => m.number === n || m.name === anonymousMemberName(n))) n++;
  return n;
}

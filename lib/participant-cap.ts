/** Participants one session admits unless its facilitator says otherwise. */
export const DEFAULT_PARTICIPANT_CAP = 300;
/** The most a facilitator may allow: beyond this a room is an attack, not a workshop. */
export const MAX_PARTICIPANT_CAP = 5000;

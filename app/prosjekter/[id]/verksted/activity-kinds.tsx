/** yyyy-mm-dd as a calendar day; read in UTC so server and browser print the same day. */
export const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

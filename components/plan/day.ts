/** A calendar day (yyyy-mm-dd) as a Date at noon UTC, so formatting in Europe never shifts it. */
export const day = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`);

/** What reading one cell gives: a value, or a French message saying what is wrong with it */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const refused = <T = never>(message: string): Parsed<T> => ({ ok: false, message });

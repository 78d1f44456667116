import { ValidateBy } from 'class-validator';

/**
 * Instants and dates the API accepts: from 2020 (the programme did not exist before) to 2100. A café dated
 * year 1000 or 9999 is a typo, and one such event would make every series from its date unbounded.
 */
export const EARLIEST_DAY = '2020-01-01';
export const LATEST_DAY = '2100-12-31';
const EARLIEST_MS = Date.parse(`${EARLIEST_DAY}T00:00:00Z`);
const LATEST_MS = Date.parse(`${LATEST_DAY}T23:59:59.999Z`);

export const isInstantInRange = (value: string): boolean => {
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && ms >= EARLIEST_MS && ms <= LATEST_MS;
};

/** class-validator rule for DTO fields: the instant or date lies between 2020 and 2100 */
export function WithinProgrammeYears(): PropertyDecorator {
  return ValidateBy(
    {
      name: 'withinProgrammeYears',
      validator: {
        // the year as written (as the document's pattern reads it), whatever the offset
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-/.test(value)) return true; // the type rules report it
          const year = Number(value.slice(0, 4));
          return year >= 2020 && year <= 2100;
        },
        defaultMessage: () => `$property must lie between ${EARLIEST_DAY} and ${LATEST_DAY}`,
      },
    },
    {},
  );
}

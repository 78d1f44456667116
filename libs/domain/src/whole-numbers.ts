/** counts and targets are whole numbers of people or cafés */
export const isNonNegativeInteger = (value: number): boolean => Number.isInteger(value) && value >= 0;

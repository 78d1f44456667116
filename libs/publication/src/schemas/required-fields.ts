/** The required fields a row leaves empty: a national validator would refuse the row for them. */
export const missingRequired = <Row extends Record<string, string>>(row: Row, required: readonly (keyof Row)[]): (keyof Row)[] =>
  required.filter((field) => row[field] === '');

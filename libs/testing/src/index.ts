/** Support for the test suites only (never imported by production code: the layers spec checks it). */
export { waitFor } from './wait-for';

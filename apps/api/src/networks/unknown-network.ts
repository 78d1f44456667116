import { notFoundProblem } from '../http/problem';

/** the 404 of every route naming a network that was never created, in the path or as a filter */
export const unknownNetwork = (id: string) => notFoundProblem(`No network has the id ${id}.`, 'unknown_network');

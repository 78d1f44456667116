/** the import jobs' store (in the API's database) */
export const IMPORT_JOBS = Symbol('IMPORT_JOBS');

export * from './json-log';

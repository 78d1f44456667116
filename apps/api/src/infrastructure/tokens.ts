/** Injection tokens of the ports the API depends on. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CLOCK = Symbol('CLOCK');
export const TERRITORIES = Symbol('TERRITORIES');
export const VAULT = Symbol('VAULT');
export const READ_MODELS = Symbol('READ_MODELS');
export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
export const API_DB = Symbol('API_DB');
export const SESSION_STORE = Symbol('SESSION_STORE');

/**
 * The port the audit needs from the read side: which cafés belong to which structures
 * (`CafeDirectory` of @cafeia/audit). Provided globally by whoever wires the app, not by AuditModule.
 */
export const CAFE_DIRECTORY = Symbol('CAFE_DIRECTORY');

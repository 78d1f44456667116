/** Structured logs for a service without NestJS: one JSON object per line on stdout (warnings on stderr). */
export interface JsonLog {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function jsonLog(service: string, write: (line: string, level: string) => void = defaultWrite): JsonLog {
  const emit = (level: string) => (msg: string, fields: Record<string, unknown> = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, service, pid: process.pid, msg, ...fields }), level);
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

function defaultWrite(line: string, level: string): void {
  (level === 'info' ? process.stdout : process.stderr).write(line + '\n');
}

export const describeError = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

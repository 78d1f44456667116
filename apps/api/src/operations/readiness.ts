import { Injectable } from '@nestjs/common';

export type Check = () => Promise<unknown>;
export interface CheckResult {
  status: 'up' | 'down';
  ms: number;
  /** why it is down: logged and kept for operators, never shown to anonymous callers */
  error?: string;
}

/** Named checks of each backing service; each gets 2 s. */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, Check>();

  register(name: string, check: Check): void {
    this.checks.set(name, check);
  }

  async run(): Promise<Record<string, CheckResult>> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, CheckResult]> => {
        const started = performance.now();
        try {
          await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000).unref())]);
          return [name, { status: 'up', ms: Math.round(performance.now() - started) }];
        } catch (error) {
          return [name, { status: 'down', ms: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) }];
        }
      }),
    );
    return Object.fromEntries(entries);
  }
}

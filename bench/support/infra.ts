import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');

/**
 * The local PostgreSQL and Kafka of scripts/infra (private cluster / broker on loopback). `start` prints
 * the URL or brokers; we remember whether we started it, so that we stop only what we started.
 */
export class Infra {
  private startedHere = false;

  constructor(private readonly name: 'postgres' | 'kafka') {}

  private script(): string {
    return join(REPO, 'scripts', 'infra', `${this.name}.sh`);
  }

  start(): string {
    let running = false;
    try {
      execFileSync('bash', [this.script(), 'status'], { stdio: 'ignore' });
      running = true;
    } catch {
      running = false;
    }
    const out = execFileSync('bash', [this.script(), 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 300_000 });
    this.startedHere = !running;
    const lines = out.trim().split('\n');
    return lines[lines.length - 1].trim();
  }

  stop(): void {
    if (!this.startedHere) return;
    execFileSync('bash', [this.script(), 'stop'], { stdio: 'inherit', timeout: 120_000 });
    this.startedHere = false;
  }
}

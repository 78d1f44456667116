/** A one-line progress bar with a rate, redrawn at most every 200 ms (plain lines when not a terminal). */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private lastLine = 0;
  private lastDone = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = 'events',
  ) {}

  update(done: number): void {
    const now = Date.now();
    const tty = process.stderr.isTTY;
    if (now - this.lastDraw < (tty ? 200 : 10_000) && done < this.total) return;
    this.lastDraw = now;
    this.lastDone = done;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const share = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const width = 30;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    const eta = rate > 0 ? Math.max(0, Math.round((this.total - done) / rate)) : 0;
    const line = `${this.label} ${bar} ${(share * 100).toFixed(1).padStart(5)}%  ${fmt(done)}/${fmt(this.total)} ${this.unit}  ${fmt(rate)}/s  ${seconds.toFixed(0)}s elapsed, ~${eta}s left`;
    if (tty) {
      process.stderr.write(`\r${line.padEnd(this.lastLine)}`);
      this.lastLine = line.length;
    } else {
      process.stderr.write(line + '\n');
    }
  }

  done(done: number): void {
    this.lastDraw = 0;
    if (done !== this.lastDone) this.update(done);
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

import { readFileSync } from 'node:fs';

/** Peak resident memory of this process: the kernel's high-water mark, and samples as a cross-check. */
export class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = 250) {
    this.timer = setInterval(() => (this.peak = Math.max(this.peak, process.memoryUsage.rss())), everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  peakMb(): number {
    const maxRssKb = process.resourceUsage().maxRSS;
    return Math.round(Math.max(this.peak, maxRssKb * 1024) / 1048576);
  }
}

/** Peak resident memory (VmHWM) of another process, in MB; null when it is gone. */
export function processPeakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

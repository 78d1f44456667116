/**
 * SVG path data made only of straight lines (M, L, H, V, Z, absolute or relative), read as closed
 * rings of absolute points and written back compactly. The map's sources use nothing else; a curve
 * is refused rather than approximated so a change of source cannot go unnoticed.
 */
export type Point = readonly [x: number, y: number];
/** A closed polygon ring: the last point joins the first. */
export type Ring = readonly Point[];

const TOKEN = /[MmLlHhVvZz]|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[^\s,]/g;

export function parsePathRings(d: string): Ring[] {
  const tokens = d.match(TOKEN) ?? [];
  const rings: Point[][] = [];
  let ring: Point[] | undefined;
  let command = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let i = 0;
  const number = (): number => {
    const token = tokens[i++];
    const value = Number(token);
    if (token === undefined || !Number.isFinite(value)) throw new Error(`Path data: number expected, got ${token ?? 'the end'}`);
    return value;
  };
  const lineTo = (nx: number, ny: number): void => {
    // A drawing command straight after Z starts a new ring at the closed ring's first point.
    if (!ring) {
      ring = [[x, y]];
      rings.push(ring);
    }
    x = nx;
    y = ny;
    ring.push([x, y]);
  };
  while (i < tokens.length) {
    const token = tokens[i];
    if (/^[A-Za-z]$/.test(token)) {
      i++;
      if (!/^[MmLlHhVvZz]$/.test(token)) throw new Error(`Path data: only straight lines are read, got "${token}"`);
      command = token;
      if (command === 'Z' || command === 'z') {
        x = startX;
        y = startY;
        ring = undefined;
        continue;
      }
      if (command === 'M' || command === 'm') {
        const nx = number();
        const ny = number();
        x = command === 'm' ? x + nx : nx;
        y = command === 'm' ? y + ny : ny;
        startX = x;
        startY = y;
        ring = [[x, y]];
        rings.push(ring);
        // Pairs after a moveto are implicit linetos of the same kind.
        command = command === 'm' ? 'l' : 'L';
      }
      continue;
    }
    if (!/^[+\-.\d]/.test(token)) throw new Error(`Path data: unexpected "${token}"`);
    switch (command) {
      case 'L': lineTo(number(), number()); break;
      case 'l': { const dx = number(); const dy = number(); lineTo(x + dx, y + dy); break; }
      case 'H': lineTo(number(), y); break;
      case 'h': lineTo(x + number(), y); break;
      case 'V': lineTo(x, number()); break;
      case 'v': lineTo(x, y + number()); break;
      default: throw new Error(`Path data: a number without a command`);
    }
  }
  return rings.map(closeRing).filter((r) => r.length >= 3);
}

/** Drops a repeated last point (an explicit return to the start) and consecutive duplicates. */
function closeRing(ring: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const point of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out;
}

/**
 * Rings as compact relative path data: `m`, then `l` deltas (`h`/`v` where a delta is flat), `z`;
 * a repeated command letter is left out, as SVG allows. Points are rounded to `decimals` and the
 * deltas taken between rounded points, so no rounding error piles up along a ring and a border
 * shared by two shapes is written from the same points in both.
 */
export function formatPathRings(rings: readonly Ring[], decimals = 1): string {
  const scale = 10 ** decimals;
  const units = (value: number): number => Math.round(value * scale);
  const text = new PathText(scale);
  // After z, a relative moveto counts from the closed ring's first point.
  let startX = 0;
  let startY = 0;
  for (const ring of rings) {
    const fx = units(ring[0][0]);
    const fy = units(ring[0][1]);
    text.command('m', fx - startX, fy - startY);
    let px = fx;
    let py = fy;
    for (const point of ring.slice(1)) {
      const qx = units(point[0]);
      const qy = units(point[1]);
      if (qx === px && qy === py) continue;
      if (qy === py) text.command('h', qx - px);
      else if (qx === px) text.command('v', qy - py);
      else text.command('l', qx - px, qy - py);
      px = qx;
      py = qy;
    }
    text.close();
    startX = fx;
    startY = fy;
  }
  return text.toString();
}

/** Writes path commands with the fewest characters a parser still reads unambiguously. */
class PathText {
  private out = '';
  private lastCommand = '';
  private lastNumber = '';

  constructor(private readonly scale: number) {}

  command(letter: 'm' | 'l' | 'h' | 'v', ...deltas: number[]): void {
    // After "m", implicit pairs are linetos: an "l" straight after "m" may be left out too.
    const implied = letter === this.lastCommand || (letter === 'l' && this.lastCommand === 'm');
    if (!implied) {
      this.out += letter;
      this.lastNumber = '';
    }
    this.lastCommand = letter;
    for (const delta of deltas) this.number(delta);
  }

  close(): void {
    this.out += 'z';
    this.lastCommand = 'z';
    this.lastNumber = '';
  }

  toString(): string {
    return this.out;
  }

  private number(units: number): void {
    const text = String(units / this.scale).replace(/^(-?)0\./, '$1.');
    // A separator is needed only where the two numbers would otherwise read as one.
    const glued = this.lastNumber === '' || text.startsWith('-') || (text.startsWith('.') && this.lastNumber.includes('.'));
    this.out += glued ? text : ` ${text}`;
    this.lastNumber = text;
  }
}

/** The point on the grid of `1 / 10^decimals` nearest to `point`. */
export function snap(point: Point, decimals = 1): Point {
  const scale = 10 ** decimals;
  return [Math.round(point[0] * scale) / scale, Math.round(point[1] * scale) / scale];
}

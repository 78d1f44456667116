/** `--events 200000 --out dir --quick`: flags with or without a value. */
export function parseArgs(argv: string[]): Map<string, string | true> {
  const args = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const [name, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) args.set(name, inline);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) args.set(name, argv[++i]);
    else args.set(name, true);
  }
  return args;
}

/** `10M`, `200k`, `1_000_000`, `2e6` → a whole number */
export function parseCount(value: string | true | undefined, fallback: number): number {
  if (value === undefined || value === true) return fallback;
  const match = /^([\d_.e]+)\s*([kKmM]?)$/.exec(value.trim());
  if (!match) throw new Error(`not a count: ${value}`);
  const base = Number(match[1].replace(/_/g, ''));
  const scale = match[2].toLowerCase() === 'k' ? 1e3 : match[2].toLowerCase() === 'm' ? 1e6 : 1;
  const n = Math.round(base * scale);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`not a positive count: ${value}`);
  return n;
}

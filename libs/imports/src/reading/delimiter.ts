export type Delimiter = ';' | ',' | '\t';

const CANDIDATES: readonly Delimiter[] = [';', ',', '\t'];

/**
 * The separator of a CSV, from its first lines: the candidate that appears most often outside
 * quotes. French Excel writes `;`, most other tools `,`; Excel's "Unicode text" uses tabs.
 * A single-column file has none: `,` then (it cannot hold a kind's columns anyway).
 */
export function detectDelimiter(start: string, maxLines = 20): Delimiter {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  let lines = 0;
  for (const char of start) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (char === '\n' && ++lines >= maxLines) break;
    } else if (!quoted && counts.has(char as Delimiter)) counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const candidate of CANDIDATES) if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  return best;
}

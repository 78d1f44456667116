/**
 * Figures written as in France: `12 345` (narrow no-break space between thousands), `4,2 %`.
 * `Intl` does it (Node ships full ICU), so no separator is written by hand.
 */
const COUNT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const PERCENT_1 = new Intl.NumberFormat('fr-FR', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PERCENT_0 = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

/** A no-break space, as French typography puts before a colon. */
export const NBSP = '\u00a0';

export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** A ratio as a percentage: 0.042 → `4,2 %`; `decimals` 0 gives `25 %`. */
export function formatPercent(ratio: number, decimals: 0 | 1 = 1): string {
  return (decimals === 0 ? PERCENT_0 : PERCENT_1).format(ratio);
}

/**
 * The figure a territory's shape reads out: `12 345 personnes touchées, 4,2 % de l'objectif`.
 * French puts 0 and 1 in the singular; without a target the share is left out.
 */
export function reachLabel(people: number, target?: number | null): string {
  const count = `${formatCount(people)} ${Math.abs(people) < 2 ? 'personne touchée' : 'personnes touchées'}`;
  if (!target || target <= 0) return count;
  return `${count}, ${formatPercent(people / target)} de l'objectif`;
}

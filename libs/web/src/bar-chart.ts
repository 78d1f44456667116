import { formatInteger } from './format';
import { html, Html } from './html';

export interface Bar {
  label: string;
  value: number;
}

/**
 * Horizontal bars drawn on the server as SVG (no script, no inline style): a picture of the table printed beside
 * it, so it is hidden from assistive technologies, which read the table.
 */
export function barChart(bars: readonly Bar[], { width = 640, barHeight = 22, labelWidth = 270 }: { width?: number; barHeight?: number; labelWidth?: number } = {}): Html {
  if (bars.length === 0) return html``;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const room = width - labelWidth - 70;
  const height = bars.length * (barHeight + 8);
  return html`<svg class="cafeia-bars" role="presentation" aria-hidden="true" focusable="false" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">
${bars.map((b, i) => {
  const y = i * (barHeight + 8);
  const w = Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * room));
  return html`<g><text x="${labelWidth - 8}" y="${y + barHeight * 0.72}" text-anchor="end" font-size="14" fill="#161616">${b.label.length > 30 ? b.label.slice(0, 29) + '…' : b.label}</text><rect x="${labelWidth}" y="${y}" width="${w}" height="${barHeight}" fill="#000091"></rect><text x="${labelWidth + w + 6}" y="${y + barHeight * 0.72}" font-size="14" fill="#161616">${formatInteger(b.value)}</text></g>`;
})}
</svg>`;
}

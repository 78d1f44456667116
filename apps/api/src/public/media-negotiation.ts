/**
 * Which of the offered media types the `Accept` header prefers (RFC 9110 §12.5.1: the highest `q`, then the
 * most specific range, then the order offered); the first offered when the header is absent or names none.
 */
export function preferredMediaType(accept: string | undefined, offered: readonly string[]): string {
  if (!accept) return offered[0];
  const ranges = accept.split(',').map((part) => {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    return { range: range.trim(), q: Number.isFinite(quality) ? quality : 0 };
  });
  const score = (type: string) => {
    const [main] = type.split('/');
    let best: { q: number; specificity: number } | null = null;
    for (const { range, q } of ranges) {
      const specificity = range === type ? 3 : range === `${main}/*` ? 2 : range === '*/*' ? 1 : 0;
      if (specificity > 0 && (!best || specificity > best.specificity)) best = { q, specificity };
    }
    return best ?? { q: 0, specificity: 0 };
  };
  let chosen = offered[0];
  let chosenScore = { q: -1, specificity: -1 };
  for (const type of offered) {
    const s = score(type);
    if (s.q > chosenScore.q || (s.q === chosenScore.q && s.specificity > chosenScore.specificity)) {
      chosen = type;
      chosenScore = s;
    }
  }
  return chosenScore.q > 0 ? chosen : offered[0];
}

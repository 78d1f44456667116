const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an SVG/HTML element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * A link target safe to put in `href`: a path on the site, a fragment, or http(s). Anything else
 * (`javascript:`, `data:`…) is refused outright rather than escaped, since escaping does not
 * defuse a scheme.
 */
export function safeHref(href: string): string {
  const trimmed = href.trim();
  if (!/^(\/(?!\/)|#|\?|https?:\/\/)/i.test(trimmed)) throw new Error(`Map link refused: ${JSON.stringify(href)}`);
  return escapeXml(trimmed);
}

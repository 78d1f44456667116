/**
 * HTML built by tagged templates: every interpolated value is escaped unless it is already `Html` (built the same
 * way), so a name typed by an organizer can never become markup. Arrays are joined; null, undefined and false
 * render as nothing (for conditional fragments).
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

export type Renderable = Html | string | number | boolean | null | undefined | readonly Renderable[];

const render = (value: Renderable): string => {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
};

export function html(strings: TemplateStringsArray, ...values: Renderable[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** markup the code itself wrote (an SVG from the map library, a JSON-LD block already escaped) */
export const trusted = (markup: string): Html => new Html(markup);

/** a value for an attribute that is a URL: only http(s), mailto or a path of this site */
export const safeHref = (href: string): string => (/^(https?:\/\/|mailto:|\/(?!\/)|#|\?)/i.test(href) ? href : '#');

/** JSON inside <script type="application/json|ld+json">: `<` escaped so no `</script>` can close it */
export const scriptJson = (value: unknown): Html => new Html(JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));

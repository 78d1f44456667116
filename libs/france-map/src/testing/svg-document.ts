/**
 * A tiny reader of the SVG the map writes, for tests: it checks the markup is well formed
 * (tags balanced, attributes quoted, no stray `<` or `&` in text) and gives its elements with
 * their attributes and text. Not a general XML parser: no comments, CDATA or doctype.
 */
export type SvgElement = {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: SvgElement[];
  /** The element's own text, entities decoded. */
  text: string;
  readonly parent?: SvgElement;
};

const ENTITY = /&(amp|lt|gt|quot|#39|#x[0-9a-f]+|#\d+);/gi;

export function readSvg(markup: string): SvgElement {
  const root: SvgElement = { name: '#document', attributes: {}, children: [], text: '' };
  let current = root;
  let position = 0;
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  while (position < markup.length) {
    const next = markup.indexOf('<', position);
    const text = markup.slice(position, next < 0 ? markup.length : next);
    if (/&(?!(amp|lt|gt|quot|#39|#x[0-9a-f]+|#\d+);)/i.test(text)) throw new Error(`Unescaped text: ${text.slice(0, 60)}`);
    current.text += decode(text);
    if (next < 0) break;
    if (markup.startsWith('<?xml', next)) {
      position = markup.indexOf('?>', next) + 2;
      continue;
    }
    tag.lastIndex = next;
    const match = tag.exec(markup);
    if (!match) throw new Error(`Malformed tag at ${next}: ${markup.slice(next, next + 80)}`);
    const [whole, closing, name, attributeText, selfClosing] = match;
    if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      current = current.parent!;
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of attributeText.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (key in attributes) throw new Error(`Attribute ${key} twice on <${name}>`);
        attributes[key] = decode(value);
      }
      const element: SvgElement = { name, attributes, children: [], text: '', parent: current };
      current.children.push(element);
      if (!selfClosing) current = element;
    }
    position = next + whole.length;
  }
  if (current !== root) throw new Error(`<${current.name}> is never closed`);
  if (root.children.length !== 1) throw new Error('One root element expected');
  return root.children[0];
}

export function descendants(element: SvgElement, name?: string): SvgElement[] {
  const out: SvgElement[] = [];
  const visit = (e: SvgElement): void => {
    for (const child of e.children) {
      if (name === undefined || child.name === name) out.push(child);
      visit(child);
    }
  };
  visit(element);
  return out;
}

export function childNamed(element: SvgElement, name: string): SvgElement | undefined {
  return element.children.find((c) => c.name === name);
}

function decode(text: string): string {
  return text.replace(ENTITY, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
    if (entity.toLowerCase() in named) return named[entity.toLowerCase()];
    return String.fromCodePoint(entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });
}

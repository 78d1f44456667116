/**
 * The few facts the import needs from a workbook's small XML parts (which part is the first
 * worksheet, where the shared strings and styles are), read with a tolerant attribute scanner:
 * these parts are a few kilobytes, and the cells themselves are parsed by exceljs.
 */
export interface Relationship {
  id: string;
  type: string;
  /** resolved to a path inside the zip */
  target: string;
}

export interface SheetListing {
  name: string;
  relationshipId: string;
  hidden: boolean;
}

const decodeEntities = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (whole, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (entity[0] !== '#') return named[entity.toLowerCase()] ?? whole;
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });

export function attributesOf(tagBody: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tagBody.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes.set(match[1], decodeEntities(match[2] ?? match[3] ?? ''));
  return attributes;
}

/** `xl/worksheets/sheet1.xml` from base `xl/` and target `worksheets/sheet1.xml`, `/xl/…` or `../…` */
export function resolvePartPath(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${baseDir}${target}`).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

export function parseRelationships(xml: string, baseDir: string): Relationship[] {
  const relationships: Relationship[] = [];
  for (const match of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const attributes = attributesOf(match[1]);
    const id = attributes.get('Id');
    const type = attributes.get('Type') ?? '';
    const target = attributes.get('Target');
    if (id && target && attributes.get('TargetMode') !== 'External') relationships.push({ id, type, target: resolvePartPath(baseDir, target) });
  }
  return relationships;
}

export function parseSheetListing(workbookXml: string): SheetListing[] {
  const sheets: SheetListing[] = [];
  for (const match of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const attributes = attributesOf(match[1]);
    const relationshipId = [...attributes.entries()].find(([name]) => /(^|:)id$/.test(name))?.[1];
    if (!relationshipId) continue;
    const state = attributes.get('state') ?? 'visible';
    sheets.push({ name: attributes.get('name') ?? '', relationshipId, hidden: state !== 'visible' });
  }
  return sheets;
}

/** `xl/_rels/workbook.xml.rels` for `xl/workbook.xml` */
export const relationshipsPathOf = (partPath: string): string => {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
};

export const directoryOf = (partPath: string): string => partPath.slice(0, partPath.lastIndexOf('/') + 1);

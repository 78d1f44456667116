import type { RowError } from '../errors';
import type { RawRow } from '../reading/open-table';
import { parseCommuneCode, parseUuid } from '../values/cells';
import type { Parsed } from '../values/parsed';
import type { CheckContext } from './check-context';

/**
 * Reads a raw row's cells one field at a time, collecting every problem of the row (so a person
 * fixes a row once, not once per error). A cell the reader already flagged is not judged again.
 */
export class RowReader {
  readonly errors: RowError[] = [];
  private readonly flagged = new Set<string>();

  constructor(
    readonly raw: RawRow,
    readonly context: CheckContext,
  ) {
    for (const issue of raw.issues) {
      this.flagged.add(issue.field);
      this.errors.push({ line: raw.line, field: issue.field, message: issue.message });
    }
  }

  get line(): number {
    return this.raw.line;
  }

  has(field: string): boolean {
    return (this.raw.cells[field] ?? '') !== '';
  }

  fail(field: string, message: string): undefined {
    this.errors.push({ line: this.raw.line, field, message });
    return undefined;
  }

  /** the parsed value, or undefined (with an error) when missing or invalid */
  required<T>(field: string, parse: (text: string) => Parsed<T>, missing: string): T | undefined {
    if (this.flagged.has(field)) return undefined;
    if (!this.has(field)) return this.fail(field, missing);
    return this.parse(field, parse);
  }

  /** null when empty, the parsed value, or undefined (with an error) when invalid */
  optional<T>(field: string, parse: (text: string) => Parsed<T>): T | null | undefined {
    if (this.flagged.has(field)) return undefined;
    if (!this.has(field)) return null;
    return this.parse(field, parse);
  }

  private parse<T>(field: string, parse: (text: string) => Parsed<T>): T | undefined {
    const result = parse(this.raw.cells[field]);
    return result.ok ? result.value : this.fail(field, result.message);
  }

  /** a commune code, checked against the reference when the integrator gave one */
  commune(field: string, required: boolean): string | null | undefined {
    const code = required
      ? this.required(field, parseCommuneCode, 'Le code commune INSEE est obligatoire (5 caractères, ex. 69123).')
      : this.optional(field, parseCommuneCode);
    if (typeof code === 'string' && this.context.isKnownCommune && !this.context.isKnownCommune(code)) {
      return this.fail(field, `« ${code} » n’est ni une commune actuelle ni un arrondissement municipal (code officiel géographique).`);
    }
    return code;
  }

  /** what the row refers to: `<x>_ref` (resolved by the caller) or `<x>_id` (a UUID), exactly one */
  reference(refField: string, idField: string, what: string, required: boolean): { ref: string } | { id: string } | null | undefined {
    const hasRef = this.has(refField) && !this.flagged.has(refField);
    const hasId = this.has(idField) && !this.flagged.has(idField);
    if (hasRef && hasId) return this.fail(idField, `Donnez soit la référence soit l’identifiant ${what}, pas les deux.`);
    if (hasRef) return { ref: this.raw.cells[refField].normalize('NFC') };
    if (hasId) {
      const id = this.optional(idField, parseUuid);
      return id ? { id } : undefined;
    }
    if (this.flagged.has(refField) || this.flagged.has(idField)) return undefined;
    if (!required) return null;
    return this.fail(refField, `Indiquez ${what} : sa référence (${refField}) ou son identifiant (${idField}).`);
  }
}

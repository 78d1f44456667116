import type { RowOutcome } from '@cafeia/imports';
import { ATTENDEES_PER_REQUEST, type ContactRow, type SendOutcome } from './import-requests';

export type WindowResult = { line: number; outcome: SendOutcome | 'skipped' };

export interface RowSender {
  row(outcome: Extract<RowOutcome, { status: 'valid' }>): Promise<SendOutcome>;
  attendance(cafeId: string, rows: readonly ContactRow[]): Promise<SendOutcome[]>;
}

/**
 * The rows read since the last commit. Each is sent as it comes, except the people who attended a café: they wait
 * for the window to close and go as one attendance request per café (up to the API's 1,000 attendees), however the
 * file orders them — rows of one attendance file depend on none of their neighbours. `drain` hands every row's
 * outcome back in file order, once all of them were sent: only then are they counted.
 */
export class RowWindow {
  private results: WindowResult[] = [];
  private readonly groups = new Map<string, ContactRow[]>();
  size = 0;

  constructor(private readonly send: RowSender) {}

  async add(outcome: RowOutcome): Promise<void> {
    this.size++;
    const contact = contactRowOf(outcome);
    if (contact) {
      const rows = this.groups.get(contact.cafeId) ?? [];
      rows.push(contact.row);
      this.groups.set(contact.cafeId, rows);
      if (rows.length >= ATTENDEES_PER_REQUEST) await this.sendGroup(contact.cafeId);
      return;
    }
    if (outcome.status === 'skipped') this.results.push({ line: outcome.line, outcome: 'skipped' });
    else if (outcome.status === 'invalid') this.results.push({ line: outcome.line, outcome: { ok: false, errors: outcome.errors } });
    else this.results.push({ line: outcome.line, outcome: await this.send.row(outcome) });
  }

  async drain(): Promise<WindowResult[]> {
    for (const cafeId of [...this.groups.keys()]) await this.sendGroup(cafeId);
    const results = this.results.sort((a, b) => a.line - b.line);
    this.results = [];
    this.size = 0;
    return results;
  }

  private async sendGroup(cafeId: string): Promise<void> {
    const rows = this.groups.get(cafeId) ?? [];
    this.groups.delete(cafeId);
    const outcomes = await this.send.attendance(cafeId, rows);
    rows.forEach((row, i) => this.results.push({ line: row.line, outcome: outcomes[i] }));
  }
}

/** an attendance row naming a person (not a headcount) */
function contactRowOf(outcome: RowOutcome): { cafeId: string; row: ContactRow } | null {
  if (outcome.status !== 'valid' || outcome.row.kind !== 'attendance' || outcome.row.attendee === null) return null;
  return { cafeId: outcome.row.cafeId, row: { line: outcome.line, attendee: outcome.row.attendee } };
}

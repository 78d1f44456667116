import { Injectable } from '@nestjs/common';
import { anonymousCountOf, type CafeState } from '@cafeia/domain';
import type { SheetPerson } from '@cafeia/web';
import { CafeAccess } from '../../cafes/cafe-access';
import { mapWithConcurrency } from '../../infrastructure/concurrency';
import type { RequestContext } from '../../infrastructure/request-context';
import { ParticipantDirectory } from '../../participants/participant-directory';

/** people opened side by side, a bounded number at a time */
const OPENED_IN_FLIGHT = 16;

/** who the sheet lists: the active enrolments in the order they came, then anyone who attended since unenrolled */
function sheetEntries(state: CafeState): { participantId: string; enrolmentId: string | null; attended: boolean }[] {
  if (state.status === 'unscheduled') return [];
  const entries: { participantId: string; enrolmentId: string | null; attended: boolean }[] = [...state.enrolments.values()]
    .filter((e) => e.status === 'active' && state.activeEnrolments.get(e.participantId) === e.enrolmentId)
    .map((e) => ({ participantId: e.participantId, enrolmentId: e.enrolmentId, attended: state.attended.has(e.participantId) }));
  const listed = new Set(entries.map((e) => e.participantId));
  for (const participantId of state.attended.keys()) if (!listed.has(participantId)) entries.push({ participantId, enrolmentId: null, attended: true });
  return entries;
}

/**
 * A café's attendance sheet, with each person's name and contact opened server-side, for a caller who may act on
 * the café only: the café is loaded the way its commands load it (403 outside the caller's structures, a
 * coordinator included), before any personal data is opened.
 */
@Injectable()
export class AttendanceSheets {
  constructor(private readonly cafes: CafeAccess, private readonly people: ParticipantDirectory) {}

  async open(cafeId: string, ctx: RequestContext): Promise<{ people: SheetPerson[]; anonymousCount: number }> {
    const state = await this.cafes.load(cafeId, ctx, 'Opening the attendance sheet');
    const people = await mapWithConcurrency(sheetEntries(state), OPENED_IN_FLIGHT, async (entry): Promise<SheetPerson> => {
      const person = await this.people.reveal(entry.participantId);
      if (person.status !== 'known') return { ...entry, name: null, contact: null, erased: person.status === 'erased' };
      return { ...entry, name: person.name, contact: person.email ?? person.phone, erased: false };
    });
    return { people, anonymousCount: anonymousCountOf(state) };
  }
}

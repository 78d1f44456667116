import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { activeEnrolmentOf, anonymousCountOf, attendedParticipants, cafeDecider, participantDecider, streams } from '@cafeia/domain';
import { badRequest, ProblemException } from '../http/problem';
import { RequestContext } from '../infrastructure/request-context';
import { WriteSide } from '../infrastructure/write-side';
import { IdentifiedPerson, ParticipantDirectory } from '../participants/participant-directory';
import { mapWithConcurrency } from '../infrastructure/concurrency';
import { CafeAccess } from './cafe-access';

/** participants loaded or registered at once by one attendance request */
const PEOPLE_IN_FLIGHT = 16;
import { EnrolDto, RecordAttendanceDto } from './cafes.dto';

export class EnrolParticipantCommand extends Command<{ id: string; enrolmentId: string; participantId: string; position: string }> {
  constructor(readonly cafeId: string, readonly input: EnrolDto, readonly ctx: RequestContext) {
    super();
  }
}
export class CancelEnrolmentCommand extends Command<{ id: string; position: string }> {
  constructor(readonly cafeId: string, readonly enrolmentId: string, readonly ctx: RequestContext) {
    super();
  }
}
export class RecordAttendanceCommand extends Command<{ id: string; position: string; participantIds: string[]; attendedNamed: number; anonymous: number }> {
  constructor(readonly cafeId: string, readonly input: RecordAttendanceDto, readonly ctx: RequestContext) {
    super();
  }
}

@CommandHandler(EnrolParticipantCommand)
export class EnrolParticipantHandler implements ICommandHandler<EnrolParticipantCommand> {
  constructor(private readonly writes: WriteSide, private readonly cafes: CafeAccess, private readonly people: ParticipantDirectory) {}

  async execute({ cafeId, input, ctx }: EnrolParticipantCommand) {
    await this.cafes.load(cafeId, ctx, 'Enrolling a participant');
    const person = await this.people.identify(input.participant, 'participant');
    const { state, position } = await this.writes.execute(
      streams.cafe(cafeId),
      cafeDecider,
      { type: 'EnrolParticipant', cafeId, enrolmentId: randomUUID(), participantId: person.participantId, now: this.writes.now() },
      ctx,
      () => this.people.ensureRegistered(person, ctx),
    );
    const enrolment = activeEnrolmentOf(state, person.participantId);
    if (!enrolment) throw new Error('an accepted enrolment must be active');
    return { id: enrolment.enrolmentId, enrolmentId: enrolment.enrolmentId, participantId: person.participantId, position: position ?? '0' };
  }
}

@CommandHandler(CancelEnrolmentCommand)
export class CancelEnrolmentHandler implements ICommandHandler<CancelEnrolmentCommand> {
  constructor(private readonly writes: WriteSide, private readonly cafes: CafeAccess) {}

  async execute({ cafeId, enrolmentId, ctx }: CancelEnrolmentCommand) {
    await this.cafes.load(cafeId, ctx, 'Cancelling an enrolment');
    const { position } = await this.writes.execute(
      streams.cafe(cafeId),
      cafeDecider,
      { type: 'CancelEnrolment', cafeId, enrolmentId, now: this.writes.now() },
      ctx,
    );
    return { id: enrolmentId, position: position ?? '0' };
  }
}

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand> {
  constructor(private readonly writes: WriteSide, private readonly cafes: CafeAccess, private readonly people: ParticipantDirectory) {}

  async execute({ cafeId, input, ctx }: RecordAttendanceCommand) {
    await this.cafes.load(cafeId, ctx, 'Recording attendance');
    const attendees = input.attendees ?? [];
    if (attendees.length === 0 && input.anonymousCount === undefined) {
      throw badRequest('Give attendees, anonymousCount, or both.', [{ field: 'attendees', message: 'attendees or anonymousCount is required' }]);
    }
    // people are recognised (and, after the decision, registered) side by side, a bounded number at a time
    const resolved = await mapWithConcurrency(attendees, PEOPLE_IN_FLIGHT, async (attendee, i): Promise<{ participantId: string; identified: IdentifiedPerson | null }> => {
      const field = `attendees[${i}]`;
      if (attendee.participantId) {
        if (attendee.email || attendee.phone) {
          throw badRequest(`${field}: give a participantId, or an email/phone, not both`, [{ field, message: 'give participantId, or email/phone, not both' }]);
        }
        const known = await this.writes.load(streams.participant(attendee.participantId), participantDecider);
        if (!known.exists) {
          throw new ProblemException(422, `${field}.participantId: no participant has the id ${attendee.participantId}.`, {
            code: 'unknown_participant',
            errors: [{ field: `${field}.participantId`, message: 'no participant has this id' }],
          });
        }
        return { participantId: attendee.participantId, identified: null };
      }
      const person = await this.people.identify(attendee, field);
      return { participantId: person.participantId, identified: person };
    });
    const participantIds = resolved.map((r) => r.participantId);
    // a person listed twice is registered once
    const identified = [...new Map(resolved.flatMap((r) => (r.identified ? [[r.participantId, r.identified] as const] : []))).values()];
    const { state, position } = await this.writes.execute(
      streams.cafe(cafeId),
      cafeDecider,
      {
        type: 'RecordAttendance',
        cafeId,
        attendees: participantIds.map((participantId) => ({ participantId, enrolmentId: randomUUID() })),
        anonymousCount: input.anonymousCount ?? null,
        now: this.writes.now(),
      },
      ctx,
      async () => {
        await mapWithConcurrency(identified, PEOPLE_IN_FLIGHT, (person) => this.people.ensureRegistered(person, ctx));
      },
    );
    return { id: cafeId, position: position ?? '0', participantIds, attendedNamed: attendedParticipants(state).length, anonymous: anonymousCountOf(state) };
  }
}

import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { activeEnrolmentOf, anonymousCountOf, attendedParticipants, cafeDecider, streams } from '@cafeia/domain';
import { RequestContext } from '../infrastructure/request-context';
import { WriteSide } from '../infrastructure/write-side';
import { ParticipantDirectory } from '../participants/participant-directory';
import { CafeAccess } from './cafe-access';

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
    const { participantIds, unregistered } = await this.people.resolveAttendees(input.attendees ?? []);
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
      () => this.people.registerAll(unregistered, ctx),
    );
    return { id: cafeId, position: position ?? '0', participantIds, attendedNamed: attendedParticipants(state).length, anonymous: anonymousCountOf(state) };
  }
}

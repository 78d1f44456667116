import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { cafeDecider, streams, structureDecider, unknownReference } from '@cafeia/domain';
import type { Territories } from '@cafeia/territories';
import { Access } from '../auth/access';
import { ProblemException } from '../http/problem';
import { toIsoInstant } from '../http/dto-validators';
import { writeResult } from '../http/write-result';
import { assertKnownCommune } from '../infrastructure/commune';
import { newResourceId, RequestContext } from '../infrastructure/request-context';
import { TERRITORIES } from '../infrastructure/tokens';
import { WriteSide } from '../infrastructure/write-side';
import { CafeAccess } from './cafe-access';
import { CancelCafeDto, RescheduleCafeDto, ScheduleCafeDto } from './cafes.dto';

type Written = { id: string; position: string };

export class ScheduleCafeCommand extends Command<Written> {
  constructor(readonly input: ScheduleCafeDto, readonly ctx: RequestContext) {
    super();
  }
}
export class RescheduleCafeCommand extends Command<Written> {
  constructor(readonly cafeId: string, readonly input: RescheduleCafeDto, readonly ctx: RequestContext) {
    super();
  }
}
export class CancelCafeCommand extends Command<Written> {
  constructor(readonly cafeId: string, readonly input: CancelCafeDto, readonly ctx: RequestContext) {
    super();
  }
}

@CommandHandler(ScheduleCafeCommand)
export class ScheduleCafeHandler implements ICommandHandler<ScheduleCafeCommand> {
  constructor(private readonly writes: WriteSide, private readonly access: Access, @Inject(TERRITORIES) private readonly territories: Territories) {}

  async execute({ input, ctx }: ScheduleCafeCommand) {
    this.access.assertStructureInScope(ctx.principal, input.structureId, 'Scheduling a café');
    const { state: structure } = await this.writes.load(streams.structure(input.structureId), structureDecider);
    if (structure.status !== 'registered') {
      throw unknownReference('structure', 'structureId', input.structureId);
    }
    if (input.communeCode) assertKnownCommune(this.territories, input.communeCode);
    const cafeId = newResourceId(ctx, 'cafe', input.id);
    const { position } = await this.writes.execute(
      streams.cafe(cafeId),
      cafeDecider,
      {
        type: 'ScheduleCafe',
        cafeId,
        structureId: input.structureId,
        title: input.title.trim(),
        format: input.format.trim(),
        startsAt: toIsoInstant(input.startsAt),
        endsAt: input.endsAt ? toIsoInstant(input.endsAt) : null,
        communeCode: input.communeCode ?? structure.structure.communeCode,
        capacity: input.capacity ?? null,
        audience: input.audience?.trim() || null,
        online: input.online ?? false,
        animatorIds: [...new Set(input.animatorIds ?? [])],
        now: this.writes.now(),
      },
      ctx,
    );
    return writeResult(cafeId, position);
  }
}

@CommandHandler(RescheduleCafeCommand)
export class RescheduleCafeHandler implements ICommandHandler<RescheduleCafeCommand> {
  constructor(private readonly writes: WriteSide, private readonly cafes: CafeAccess) {}

  async execute({ cafeId, input, ctx }: RescheduleCafeCommand) {
    await this.cafes.load(cafeId, ctx, 'Rescheduling a café');
    const { position } = await this.writes.execute(
      streams.cafe(cafeId),
      cafeDecider,
      { type: 'RescheduleCafe', cafeId, startsAt: toIsoInstant(input.startsAt), endsAt: input.endsAt ? toIsoInstant(input.endsAt) : null, now: this.writes.now() },
      ctx,
    );
    return writeResult(cafeId, position);
  }
}

@CommandHandler(CancelCafeCommand)
export class CancelCafeHandler implements ICommandHandler<CancelCafeCommand> {
  constructor(private readonly writes: WriteSide, private readonly cafes: CafeAccess) {}

  async execute({ cafeId, input, ctx }: CancelCafeCommand) {
    await this.cafes.load(cafeId, ctx, 'Cancelling a café');
    const { position } = await this.writes.execute(
      streams.cafe(cafeId),
      cafeDecider,
      { type: 'CancelCafe', cafeId, reason: input.reason.trim(), now: this.writes.now() },
      ctx,
    );
    return writeResult(cafeId, position);
  }
}

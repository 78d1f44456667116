import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { funderDecider, fundingDecider, streams, structureDecider, unknownReference } from '@cafeia/domain';
import { notFoundProblem } from '../http/problem';
import { writeResult } from '../http/write-result';
import { newResourceId, RequestContext } from '../infrastructure/request-context';
import { WriteSide } from '../infrastructure/write-side';
import { AddFundingStructureDto, GrantFundingDto, RegisterFunderDto } from './fundings.dto';

type Written = { id: string; position: string };

export class RegisterFunderCommand extends Command<Written> {
  constructor(readonly input: RegisterFunderDto, readonly ctx: RequestContext) {
    super();
  }
}
export class GrantFundingCommand extends Command<Written> {
  constructor(readonly input: GrantFundingDto, readonly ctx: RequestContext) {
    super();
  }
}
export class AddFundingStructureCommand extends Command<Written> {
  constructor(readonly fundingId: string, readonly input: AddFundingStructureDto, readonly ctx: RequestContext) {
    super();
  }
}


@CommandHandler(RegisterFunderCommand)
export class RegisterFunderHandler implements ICommandHandler<RegisterFunderCommand> {
  constructor(private readonly writes: WriteSide) {}

  async execute({ input, ctx }: RegisterFunderCommand) {
    const funderId = newResourceId(ctx, 'funder', input.id);
    const { position } = await this.writes.execute(
      streams.funder(funderId),
      funderDecider,
      { type: 'RegisterFunder', funderId, name: input.name.trim(), kind: input.kind },
      ctx,
    );
    return writeResult(funderId, position);
  }
}

@CommandHandler(GrantFundingCommand)
export class GrantFundingHandler implements ICommandHandler<GrantFundingCommand> {
  constructor(private readonly writes: WriteSide) {}

  async execute({ input, ctx }: GrantFundingCommand) {
    if (!(await this.writes.load(streams.funder(input.funderId), funderDecider)).exists) throw unknownReference('funder', 'funderId', input.funderId);
    for (const [i, structureId] of input.structureIds.entries()) {
      if (!(await this.writes.load(streams.structure(structureId), structureDecider)).exists) {
        throw unknownReference('structure', `structureIds[${i}]`, structureId);
      }
    }
    const fundingId = newResourceId(ctx, 'funding', input.id);
    const { position } = await this.writes.execute(
      streams.funding(fundingId),
      fundingDecider,
      {
        type: 'GrantFunding',
        fundingId,
        funderId: input.funderId,
        structureIds: input.structureIds,
        from: input.from,
        to: input.to,
        amountEuros: input.amountEuros ?? null,
        targets: { people: input.targets?.people ?? null, cafes: input.targets?.cafes ?? null },
      },
      ctx,
    );
    return writeResult(fundingId, position);
  }
}

@CommandHandler(AddFundingStructureCommand)
export class AddFundingStructureHandler implements ICommandHandler<AddFundingStructureCommand> {
  constructor(private readonly writes: WriteSide) {}

  async execute({ fundingId, input, ctx }: AddFundingStructureCommand) {
    if (!(await this.writes.load(streams.funding(fundingId), fundingDecider)).exists) throw notFoundProblem(`No funding has the id ${fundingId}.`, 'unknown_funding');
    if (!(await this.writes.load(streams.structure(input.structureId), structureDecider)).exists) {
      throw unknownReference('structure', 'structureId', input.structureId);
    }
    const { position } = await this.writes.execute(
      streams.funding(fundingId),
      fundingDecider,
      { type: 'AddFundingStructure', fundingId, structureId: input.structureId },
      ctx,
    );
    return writeResult(fundingId, position);
  }
}

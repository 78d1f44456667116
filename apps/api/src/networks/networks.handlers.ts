import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { networkDecider, streams, structureDecider, unknownReference } from '@cafeia/domain';
import { notFoundProblem } from '../http/problem';
import { writeResult } from '../http/write-result';
import { newResourceId, RequestContext } from '../infrastructure/request-context';
import { WriteSide } from '../infrastructure/write-side';
import { AddNetworkStructureDto, CreateNetworkDto } from './networks.dto';
import { unknownNetwork } from './unknown-network';

type Written = { id: string; position: string };

export class CreateNetworkCommand extends Command<Written> {
  constructor(readonly input: CreateNetworkDto, readonly ctx: RequestContext) {
    super();
  }
}
export class AddNetworkStructureCommand extends Command<Written> {
  constructor(readonly networkId: string, readonly input: AddNetworkStructureDto, readonly ctx: RequestContext) {
    super();
  }
}
export class RemoveNetworkStructureCommand extends Command<Written> {
  constructor(readonly networkId: string, readonly structureId: string, readonly ctx: RequestContext) {
    super();
  }
}

/** the network named in the URL must exist: 404 otherwise (the decider would say so too, after a read) */
async function assertNetwork(writes: WriteSide, networkId: string): Promise<void> {
  if (!(await writes.load(streams.network(networkId), networkDecider)).exists) throw unknownNetwork(networkId);
}

@CommandHandler(CreateNetworkCommand)
export class CreateNetworkHandler implements ICommandHandler<CreateNetworkCommand> {
  constructor(private readonly writes: WriteSide) {}

  async execute({ input, ctx }: CreateNetworkCommand) {
    const networkId = newResourceId(ctx, 'network', input.id);
    const { position } = await this.writes.execute(streams.network(networkId), networkDecider, { type: 'CreateNetwork', networkId, name: input.name.trim(), kind: input.kind }, ctx);
    return writeResult(networkId, position);
  }
}

@CommandHandler(AddNetworkStructureCommand)
export class AddNetworkStructureHandler implements ICommandHandler<AddNetworkStructureCommand> {
  constructor(private readonly writes: WriteSide) {}

  async execute({ networkId, input, ctx }: AddNetworkStructureCommand) {
    await assertNetwork(this.writes, networkId);
    if (!(await this.writes.load(streams.structure(input.structureId), structureDecider)).exists) throw unknownReference('structure', 'structureId', input.structureId);
    const { position } = await this.writes.execute(
      streams.network(networkId),
      networkDecider,
      { type: 'AddNetworkStructure', networkId, structureId: input.structureId, now: this.writes.now() },
      ctx,
    );
    return writeResult(networkId, position);
  }
}

@CommandHandler(RemoveNetworkStructureCommand)
export class RemoveNetworkStructureHandler implements ICommandHandler<RemoveNetworkStructureCommand> {
  constructor(private readonly writes: WriteSide) {}

  async execute({ networkId, structureId, ctx }: RemoveNetworkStructureCommand) {
    await assertNetwork(this.writes, networkId);
    if (!(await this.writes.load(streams.structure(structureId), structureDecider)).exists) throw notFoundProblem(`No structure has the id ${structureId}.`, 'unknown_structure');
    const { position } = await this.writes.execute(
      streams.network(networkId),
      networkDecider,
      { type: 'RemoveNetworkStructure', networkId, structureId, now: this.writes.now() },
      ctx,
    );
    return writeResult(networkId, position);
  }
}

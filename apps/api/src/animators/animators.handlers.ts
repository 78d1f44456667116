import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { animatorDecider, streams, structureDecider, unknownReference } from '@cafeia/domain';
import type { Territories } from '@cafeia/territories';
import { Access } from '../auth/access';
import { assertKnownCommune } from '../infrastructure/commune';
import { newResourceId, RequestContext } from '../infrastructure/request-context';
import { TERRITORIES } from '../infrastructure/tokens';
import { WriteSide } from '../infrastructure/write-side';
import { notFoundProblem, ProblemException } from '../http/problem';
import { writeResult } from '../http/write-result';
import { RecordTrainingStepDto, RegisterAnimatorDto } from './animators.dto';

type Written = { id: string; position: string };

export class RegisterAnimatorCommand extends Command<Written> {
  constructor(readonly input: RegisterAnimatorDto, readonly ctx: RequestContext) {
    super();
  }
}

export class RecordTrainingStepCommand extends Command<Written> {
  constructor(readonly animatorId: string, readonly input: RecordTrainingStepDto, readonly ctx: RequestContext) {
    super();
  }
}

@CommandHandler(RegisterAnimatorCommand)
export class RegisterAnimatorHandler implements ICommandHandler<RegisterAnimatorCommand> {
  constructor(private readonly writes: WriteSide, private readonly access: Access, @Inject(TERRITORIES) private readonly territories: Territories) {}

  async execute({ input, ctx }: RegisterAnimatorCommand) {
    assertKnownCommune(this.territories, input.communeCode);
    this.access.assertCommuneInScope(ctx.principal, input.communeCode, 'Registering an animator');
    if (input.structureId) {
      const structure = await this.writes.load(streams.structure(input.structureId), structureDecider);
      if (structure.state.status !== 'registered') {
        throw unknownReference('structure', 'structureId', input.structureId);
      }
      // an animator attached to a structure outside the caller's territory would let a coordinator act there
      this.access.assertCommuneInScope(ctx.principal, structure.state.structure.communeCode, 'Attaching an animator to this structure');
    }
    const animatorId = newResourceId(ctx, 'animator', input.id);
    const { position } = await this.writes.execute(
      streams.animator(animatorId),
      animatorDecider,
      { type: 'RegisterAnimator', animatorId, displayName: input.displayName.trim(), communeCode: input.communeCode, structureId: input.structureId ?? null, listed: input.listed ?? false },
      ctx,
    );
    return writeResult(animatorId, position);
  }
}

@CommandHandler(RecordTrainingStepCommand)
export class RecordTrainingStepHandler implements ICommandHandler<RecordTrainingStepCommand> {
  constructor(private readonly writes: WriteSide, private readonly access: Access) {}

  async execute({ animatorId, input, ctx }: RecordTrainingStepCommand) {
    const { state } = await this.writes.load(streams.animator(animatorId), animatorDecider);
    if (state.status === 'unregistered') {
      // outside the council, an unknown id answers like an animator outside the territory: no existence oracle
      if (ctx.principal.role !== 'council') throw this.access.outsideScope('Recording a training step of this animator');
      throw notFoundProblem(`No animator has the id ${animatorId}.`, 'unknown_animator');
    }
    this.access.assertCommuneInScope(ctx.principal, state.profile.communeCode, 'Recording a training step of an animator');
    const { position } = await this.writes.execute(
      streams.animator(animatorId),
      animatorDecider,
      { type: 'RecordTrainingStep', animatorId, status: input.status, capable: input.capable ?? null, now: this.writes.now() },
      ctx,
    );
    return writeResult(animatorId, position);
  }
}

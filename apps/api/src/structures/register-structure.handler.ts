import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { streams, structureDecider } from '@cafeia/domain';
import type { Territories } from '@cafeia/territories';
import { Access } from '../auth/access';
import { assertKnownCommune } from '../infrastructure/commune';
import { newResourceId, RequestContext } from '../infrastructure/request-context';
import { TERRITORIES } from '../infrastructure/tokens';
import { WriteSide } from '../infrastructure/write-side';
import { ProblemException } from '../http/problem';
import { writeResult } from '../http/write-result';
import { RegisterStructureDto } from './register-structure.dto';

export class RegisterStructureCommand extends Command<{ id: string; position: string }> {
  constructor(readonly input: RegisterStructureDto, readonly ctx: RequestContext) {
    super();
  }
}

@CommandHandler(RegisterStructureCommand)
export class RegisterStructureHandler implements ICommandHandler<RegisterStructureCommand> {
  constructor(
    private readonly writes: WriteSide,
    private readonly access: Access,
    @Inject(TERRITORIES) private readonly territories: Territories,
  ) {}

  async execute({ input, ctx }: RegisterStructureCommand) {
    assertKnownCommune(this.territories, input.communeCode);
    if (input.postalCode !== undefined && !this.territories.postcodesOf(input.communeCode).includes(input.postalCode)) {
      // a well-formed postcode that the official list does not give this commune: refused like any other
      // reference the request contradicts (422, naming the field), not as a malformed request
      const message = `${input.postalCode} is not a postcode of commune ${input.communeCode}`;
      throw new ProblemException(422, `postalCode: ${message}`, { code: 'postcode_mismatch', errors: [{ field: 'postalCode', message }] });
    }
    this.access.assertCommuneInScope(ctx.principal, input.communeCode, 'Registering a structure');
    const structureId = newResourceId(ctx, 'structure', input.id);
    const { position } = await this.writes.execute(
      streams.structure(structureId),
      structureDecider,
      {
        type: 'RegisterStructure',
        structureId,
        name: input.name.trim(),
        kind: input.kind,
        communeCode: input.communeCode,
        siret: input.siret ?? null,
        address: input.address?.trim() || null,
        postalCode: input.postalCode ?? null,
      },
      ctx,
    );
    return writeResult(structureId, position);
  }
}

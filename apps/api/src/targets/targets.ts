import { Body, Controller, HttpCode, Inject, Put } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { streams, territoryTargetDecider, TerritoryLevel } from '@cafeia/domain';
import { TERRITORY_LEVELS, type Territories } from '@cafeia/territories';
import { Roles } from '../auth/principal';
import { EnumParam, TextParam } from '../http/params';
import { notFoundProblem } from '../http/problem';
import { writeResult } from '../http/write-result';
import { Ctx, RequestContext } from '../infrastructure/request-context';
import { TERRITORIES } from '../infrastructure/tokens';
import { WriteSide } from '../infrastructure/write-side';
import { SetTerritoryTargetDto } from './target.dto';

/** a target is written under its territory key, not a UUID */
export class TerritoryTargetWritten {
  @ApiProperty({ description: 'the territory, as level:code', example: 'region:84' })
  id: string;

  @ApiProperty({ description: 'opaque global position; pass it as ?minPosition= to read your own write' })
  position: string;
}

export class SetTerritoryTargetCommand extends Command<{ id: string; position: string }> {
  constructor(readonly level: string, readonly code: string, readonly input: SetTerritoryTargetDto, readonly ctx: RequestContext) {
    super();
  }
}

@CommandHandler(SetTerritoryTargetCommand)
export class SetTerritoryTargetHandler implements ICommandHandler<SetTerritoryTargetCommand> {
  constructor(private readonly writes: WriteSide, @Inject(TERRITORIES) private readonly territories: Territories) {}

  async execute({ level, code, input, ctx }: SetTerritoryTargetCommand) {
    const territory = this.territories.parseTerritory(`${level}:${code}`);
    if (!territory) throw notFoundProblem(`No ${level} has the code ${code} in the official geographic code.`, 'unknown_territory');
    const { position } = await this.writes.execute(
      streams.territoryTarget(territory.level as TerritoryLevel, territory.code),
      territoryTargetDecider,
      { type: 'SetTerritoryTarget', level: territory.level as TerritoryLevel, code: territory.code, people: input.people, now: this.writes.now() },
      ctx,
    );
    return writeResult(`${territory.level}:${territory.code}`, position);
  }
}

@ApiTags('territories')
@ApiBearerAuth()
@Controller('v1/territories')
export class TerritoryTargetController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':level/:code/target')
  @HttpCode(200)
  @Roles('council')
  @ApiOperation({ summary: 'Override the apportioned target of a territory (council only)' })
  @ApiResponse({ status: 200, type: TerritoryTargetWritten })
  setTarget(@EnumParam('level', TERRITORY_LEVELS) level: string, @TextParam('code', 'INSEE code of the territory', '84') code: string, @Body() body: SetTerritoryTargetDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new SetTerritoryTargetCommand(level, code, body, ctx));
  }
}

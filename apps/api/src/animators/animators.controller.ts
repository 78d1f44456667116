import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/principal';
import { Ctx, RequestContext } from '../infrastructure/request-context';
import { UuidParam } from '../http/params';
import { WriteResult } from '../http/write-result';
import { RecordTrainingStepDto, RegisterAnimatorDto } from './animators.dto';
import { RecordTrainingStepCommand, RegisterAnimatorCommand } from './animators.handlers';

@ApiTags('animators')
@ApiBearerAuth()
@Controller('v1/animators')
export class AnimatorsWriteController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('council', 'coordinator')
  @ApiOperation({ summary: 'Register an animator or digital mediator' })
  @ApiResponse({ status: 201, type: WriteResult })
  register(@Body() body: RegisterAnimatorDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new RegisterAnimatorCommand(body, ctx));
  }

  @Post(':id/training')
  @HttpCode(200)
  @Roles('council', 'coordinator')
  @ApiOperation({ summary: 'Record a training step: enrolled, completed (with capable) or dropped' })
  @ApiResponse({ status: 200, type: WriteResult })
  training(@UuidParam('id') id: string, @Body() body: RecordTrainingStepDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new RecordTrainingStepCommand(id, body, ctx));
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/principal';
import { Ctx, RequestContext } from '../infrastructure/request-context';
import { WriteResult } from '../http/write-result';
import { RegisterStructureDto } from './register-structure.dto';
import { RegisterStructureCommand } from './register-structure.handler';

@ApiTags('structures')
@ApiBearerAuth()
@Controller('v1/structures')
export class StructuresWriteController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('council', 'coordinator')
  @ApiOperation({ summary: 'Register a host structure (school, library, town hall, …)' })
  @ApiResponse({ status: 201, type: WriteResult })
  register(@Body() body: RegisterStructureDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new RegisterStructureCommand(body, ctx));
  }
}

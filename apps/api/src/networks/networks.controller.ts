import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/principal';
import { UuidParam } from '../http/params';
import { WriteResult } from '../http/write-result';
import { Ctx, RequestContext } from '../infrastructure/request-context';
import { AddNetworkStructureDto, CreateNetworkDto } from './networks.dto';
import { AddNetworkStructureCommand, CreateNetworkCommand, RemoveNetworkStructureCommand } from './networks.handlers';

@ApiTags('networks')
@ApiBearerAuth()
@Controller('v1/networks')
export class NetworksWriteController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('council')
  @ApiOperation({ summary: 'Create a partner network (tête de réseau); resending the same body with the same id creates nothing new' })
  @ApiResponse({ status: 201, type: WriteResult })
  create(@Body() body: CreateNetworkDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new CreateNetworkCommand(body, ctx));
  }

  @Post(':id/structures')
  @HttpCode(200)
  @Roles('council')
  @ApiOperation({ summary: 'Add a member structure (404: unknown network, 422: unknown structure; adding it twice changes nothing)' })
  @ApiResponse({ status: 200, type: WriteResult })
  addStructure(@UuidParam('id') id: string, @Body() body: AddNetworkStructureDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new AddNetworkStructureCommand(id, body, ctx));
  }

  @Delete(':id/structures/:structureId')
  @HttpCode(200)
  @Roles('council')
  @ApiOperation({ summary: 'Remove a member structure: its whole history leaves the network’s figures (404: unknown network or structure)' })
  @ApiResponse({ status: 200, type: WriteResult })
  removeStructure(@UuidParam('id') id: string, @UuidParam('structureId') structureId: string, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new RemoveNetworkStructureCommand(id, structureId, ctx));
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/principal';
import { UuidParam } from '../http/params';
import { WriteResult } from '../http/write-result';
import { Ctx, RequestContext } from '../infrastructure/request-context';
import { AddFundingStructureDto, GrantFundingDto, RegisterFunderDto } from './fundings.dto';
import { AddFundingStructureCommand, GrantFundingCommand, RegisterFunderCommand } from './fundings.handlers';

@ApiTags('fundings')
@ApiBearerAuth()
@Controller('v1')
export class FundingsWriteController {
  constructor(private readonly commands: CommandBus) {}

  @Post('funders')
  @HttpCode(201)
  @Roles('council')
  @ApiOperation({ summary: 'Register a funder (public, private, CSR)' })
  @ApiResponse({ status: 201, type: WriteResult })
  registerFunder(@Body() body: RegisterFunderDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new RegisterFunderCommand(body, ctx));
  }

  @Post('fundings')
  @HttpCode(201)
  @Roles('council')
  @ApiOperation({ summary: 'Record a funding agreement for structures over [from, to]' })
  @ApiResponse({ status: 201, type: WriteResult })
  grant(@Body() body: GrantFundingDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new GrantFundingCommand(body, ctx));
  }

  @Post('fundings/:id/structures')
  @HttpCode(200)
  @Roles('council')
  @ApiOperation({ summary: 'Add a supported structure to a funding' })
  @ApiResponse({ status: 200, type: WriteResult })
  addStructure(@UuidParam('id') id: string, @Body() body: AddFundingStructureDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new AddFundingStructureCommand(id, body, ctx));
  }
}

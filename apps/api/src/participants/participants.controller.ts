import { Controller, Delete, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/principal';
import { UuidParam } from '../http/params';
import { WriteResult, writeResult } from '../http/write-result';
import { Ctx, RequestContext } from '../infrastructure/request-context';
import { ParticipantDirectory } from './participant-directory';

@ApiTags('participants')
@ApiBearerAuth()
@Controller('v1/participants')
export class ParticipantsController {
  constructor(private readonly people: ParticipantDirectory) {}

  @Delete(':id')
  @HttpCode(200)
  @Roles('council')
  @ApiOperation({ summary: 'Erase a person’s personal data (right to erasure); every count stays as it was' })
  @ApiResponse({ status: 200, type: WriteResult })
  async erase(@UuidParam('id') id: string, @Ctx() ctx: RequestContext) {
    const { position } = await this.people.erase(id, ctx);
    return writeResult(id, position);
  }
}

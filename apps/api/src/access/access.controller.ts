import { Body, Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { accessDecider, streams } from '@cafeia/domain';
import { Roles } from '../auth/principal';
import { WriteResult, writeResult } from '../http/write-result';
import { Ctx, RequestContext } from '../infrastructure/request-context';
import { WriteSide } from '../infrastructure/write-side';
import { AccessDirectory } from './access-directory';
import { GrantAccessDto } from './access.dto';

/**
 * Who may sign in to the web app with OpenID Connect, and as what (council only). Grants are events: who had access
 * when stays auditable; the email itself is never in the log in clear.
 */
/** what the server checks of the path's email (`normaliseEmail`): the document says it, so that a fuzzer does not send `0` */
const EMAIL_PARAM = { type: 'string', format: 'email', maxLength: 254 } as const;

@ApiTags('access')
@ApiBearerAuth()
@Controller('v1/access')
export class AccessController {
  constructor(private readonly writes: WriteSide, private readonly emails: AccessDirectory) {}

  @Put(':email')
  @HttpCode(200)
  @Roles('council')
  @ApiParam({ name: 'email', description: 'the email the person signs in with (OpenID Connect); 400 when it does not look like an email', schema: EMAIL_PARAM, example: 'camille.dupont@example.gouv.fr' })
  @ApiOperation({ summary: 'Grant (or change) the web access of an email' })
  @ApiResponse({ status: 200, type: WriteResult })
  async grant(@Param('email') raw: string, @Body() body: GrantAccessDto, @Ctx() ctx: RequestContext) {
    const email = this.emails.normalise(raw);
    const grantId = await this.emails.grantIdOf(email);
    const emailSealed = await this.emails.seal(grantId, email);
    const scope = {
      role: body.role,
      territory: body.territory ?? null,
      funderId: body.funderId ?? null,
      structureIds: body.structureIds ?? null,
      networkId: body.networkId ?? null,
    };
    const { position } = await this.writes.execute(streams.access(grantId), accessDecider, { type: 'GrantAccess', grantId, emailSealed, scope, now: this.writes.now() }, ctx);
    return writeResult(grantId, position);
  }

  @Delete(':email')
  @HttpCode(200)
  @Roles('council')
  @ApiParam({ name: 'email', description: 'the email whose access ends; 400 when it does not look like an email', schema: EMAIL_PARAM, example: 'camille.dupont@example.gouv.fr' })
  @ApiOperation({ summary: 'Revoke the web access of an email (its sessions end at their next page)' })
  @ApiResponse({ status: 200, type: WriteResult })
  async revoke(@Param('email') raw: string, @Ctx() ctx: RequestContext) {
    const grantId = await this.emails.grantIdOf(this.emails.normalise(raw));
    const { position } = await this.writes.execute(streams.access(grantId), accessDecider, { type: 'RevokeAccess', grantId, now: this.writes.now() }, ctx);
    return writeResult(grantId, position);
  }
}

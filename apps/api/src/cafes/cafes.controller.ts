import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Roles } from '../auth/principal';
import { UuidParam } from '../http/params';
import { WriteResult } from '../http/write-result';
import { Ctx, RequestContext } from '../infrastructure/request-context';
import { CancelEnrolmentCommand, EnrolParticipantCommand, RecordAttendanceCommand } from './attendance.handlers';
import { AttendanceResult, CancelCafeDto, EnrolDto, EnrolmentResult, RecordAttendanceDto, RescheduleCafeDto, ScheduleCafeDto } from './cafes.dto';
import { CancelCafeCommand, RescheduleCafeCommand, ScheduleCafeCommand } from './cafes.handlers';

@ApiTags('cafés')
@ApiBearerAuth()
@ApiExtraModels(RecordAttendanceDto)
@Controller('v1/cafes')
export class CafesWriteController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('council', 'organizer')
  @ApiOperation({ summary: 'Schedule a café (past dates allowed for back-filling)' })
  @ApiResponse({ status: 201, type: WriteResult })
  schedule(@Body() body: ScheduleCafeDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new ScheduleCafeCommand(body, ctx));
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @Roles('council', 'organizer')
  @ApiOperation({ summary: 'Move a café (422 once cancelled)' })
  @ApiResponse({ status: 200, type: WriteResult })
  reschedule(@UuidParam('id') id: string, @Body() body: RescheduleCafeDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new RescheduleCafeCommand(id, body, ctx));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('council', 'organizer')
  @ApiOperation({ summary: 'Cancel a café (422 once any attendance is recorded)' })
  @ApiResponse({ status: 200, type: WriteResult })
  cancel(@UuidParam('id') id: string, @Body() body: CancelCafeDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new CancelCafeCommand(id, body, ctx));
  }

  @Post(':id/enrolments')
  @HttpCode(201)
  @Roles('council', 'organizer')
  @ApiOperation({ summary: 'Enrol a participant (the same person twice gets the same enrolment back)' })
  @ApiResponse({ status: 201, type: EnrolmentResult })
  enrol(@UuidParam('id') id: string, @Body() body: EnrolDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new EnrolParticipantCommand(id, body, ctx));
  }

  @Delete(':id/enrolments/:enrolmentId')
  @HttpCode(200)
  @Roles('council', 'organizer')
  @ApiOperation({ summary: 'Cancel an enrolment' })
  @ApiResponse({ status: 200, type: WriteResult })
  cancelEnrolment(
    @UuidParam('id') id: string,
    @UuidParam('enrolmentId') enrolmentId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return this.commands.execute(new CancelEnrolmentCommand(id, enrolmentId, ctx));
  }

  @Post(':id/attendance')
  @HttpCode(200)
  @Roles('council', 'organizer')
  @ApiOperation({ summary: 'Record who attended and/or the anonymous headcount (422 before startsAt or once cancelled)' })
  @ApiResponse({ status: 200, type: AttendanceResult })
  // a rule across the fields of the body: attendees (at least one), anonymousCount, or both
  @ApiBody({
    schema: {
      allOf: [{ $ref: getSchemaPath(RecordAttendanceDto) }],
      // a list of people (not null), or a headcount (not null), or both
      anyOf: [{ required: ['attendees'], properties: { attendees: { type: 'array', minItems: 1 } } }, { required: ['anonymousCount'], properties: { anonymousCount: { type: 'integer', minimum: 0 } } }],
    },
  })
  attendance(@UuidParam('id') id: string, @Body() body: RecordAttendanceDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new RecordAttendanceCommand(id, body, ctx));
  }
}

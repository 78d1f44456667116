import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, ValidateNested } from 'class-validator';
import {
  Contact,
  NOT_BLANK,
  Flag,
  Instant,
  OptionalCommuneCode,
  OptionalId,
  OptionalInstant,
  OptionalText,
  RequiredId,
  Text,
  Uuid,
  UuidList,
  WholeNumber,
} from '../http/dto-validators';
import { WithinProgrammeYears } from '../http/instant-range';
import { AttendeesOrHeadcount, NotWith } from './attendance.validators';

export class ScheduleCafeDto {
  @OptionalId()
  id?: string;

  @RequiredId('the host structure')
  structureId: string;

  @Text(200, 'title of the café', 'L’IA au quotidien')
  title: string;

  @Text(60, 'format of the café (e.g. discussion, workshop, conference)', 'discussion')
  format: string;

  @Instant('when it starts; a past instant is allowed (back-filling)')
  @WithinProgrammeYears()
  startsAt: string;

  @OptionalInstant('when it ends; after startsAt')
  @WithinProgrammeYears()
  endsAt?: string;

  @OptionalCommuneCode('where it takes place; defaults to the structure’s commune')
  communeCode?: string;

  @WholeNumber({ min: 1, max: 100000, required: false })
  capacity?: number;

  @OptionalText(200, 'who it is for (e.g. seniors, families, teachers)')
  audience?: string;

  @Flag()
  online?: boolean;

  @UuidList('the animators of the café', { max: 50, required: false, what: 'animator' })
  animatorIds?: string[];
}

export class RescheduleCafeDto {
  @Instant('the new start')
  @WithinProgrammeYears()
  startsAt: string;

  @OptionalInstant('the new end; after startsAt')
  @WithinProgrammeYears()
  endsAt?: string;
}

export class CancelCafeDto {
  @Text(500, 'why the café is cancelled', 'the room is unavailable')
  reason: string;
}

export class ContactDto {
  @Contact('email', 'an email address (400 when it does not look like one)', 'camille@example.org')
  email?: string;

  @Contact('phone', 'a phone number that exists, in E.164 or French national form (400 otherwise)', '06 12 34 56 78')
  phone?: string;

  @OptionalText(200, 'the person’s name', 'Camille Dupont')
  name?: string;
}

/** a contact field that is given: a string with something in it (blank or null counts as absent) */
const given = (field: string) => ({ required: [field], properties: { [field]: { type: 'string', pattern: NOT_BLANK.source } } });
/** an attendee named by a contact: no participantId (absent or null), that contact given */
const byContact = (field: string) => ({
  required: [field],
  properties: { participantId: { nullable: true, enum: [null] }, [field]: { type: 'string', pattern: NOT_BLANK.source } },
});
/** a contact field that is not: absent, null or empty */
const notGiven = { type: 'string', nullable: true, maxLength: 0 };

@ApiExtraModels(ContactDto)
export class EnrolDto {
  // the rule across fields ("at least one of email or phone") is declared with the reference, as anyOf
  @ApiProperty({ description: 'at least one of email or phone', allOf: [{ $ref: getSchemaPath(ContactDto) }], anyOf: [given('email'), given('phone')] })
  @IsObject({ message: '$property must be an object with email and/or phone' })
  @ValidateNested()
  @Type(() => ContactDto)
  participant: ContactDto;
}

export class AttendeeDto {
  @Uuid('a participant already known (from an enrolment)', { required: false })
  @NotWith('email', 'phone')
  participantId?: string;

  @Contact('email', 'an email address (400 when it does not look like one)')
  email?: string;

  @Contact('phone', 'a phone number that exists, in E.164 or French national form (400 otherwise)')
  phone?: string;

  // a walk-in's name, sealed with their contact when they are first registered (ignored for someone already known)
  @OptionalText(200, 'the person’s name, kept with a new walk-in’s contact', 'Camille Dupont')
  name?: string;
}

@ApiExtraModels(AttendeeDto)
export class RecordAttendanceDto {
  // each item: a participantId (and no contact), or no participantId and an email or a phone
  @ApiPropertyOptional({
    type: 'array',
    nullable: true,
    maxItems: 1000,
    description: 'each item names a person by participantId, email or phone',
    items: {
      allOf: [{ $ref: getSchemaPath(AttendeeDto) }],
      anyOf: [
        { required: ['participantId'], properties: { participantId: { type: 'string', format: 'uuid' }, email: notGiven, phone: notGiven } },
        byContact('email'),
        byContact('phone'),
      ],
    },
  } as ApiPropertyOptions)
  @AttendeesOrHeadcount()
  @IsArray({ message: '$property must be an array' })
  @ArrayMaxSize(1000, { message: '$property may list at most 1000 people per request' })
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees?: AttendeeDto[];

  @WholeNumber({ min: 0, max: 100000, required: false, description: 'replaces the headcount of people who gave no contact' })
  anonymousCount?: number;
}

export class EnrolmentResult {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() position: string;
}

export class AttendanceResult {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'participant ids recorded, in the order given' }) participantIds: string[];
  @ApiProperty({ type: 'integer' }) attendedNamed: number;
  @ApiProperty({ type: 'integer' }) anonymous: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Instant, OptionalCommuneCode, OptionalId, OptionalInstant, OptionalText, RequiredId, Text } from '../http/dto-validators';
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

  @ApiPropertyOptional({ minimum: 1, maximum: 100000 })
  @IsOptional()
  @IsInt({ message: '$property must be a whole number' })
  @Min(1, { message: '$property must be at least 1' })
  @Max(100000, { message: '$property must be at most 100000' })
  capacity?: number;

  @OptionalText(200, 'who it is for (e.g. seniors, families, teachers)')
  audience?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '$property must be true or false' })
  online?: boolean;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray({ message: '$property must be an array of animator ids' })
  @ArrayMaxSize(50, { message: '$property may list at most 50 animators' })
  @IsUUID('all', { each: true, message: 'each of $property must be a UUID' })
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
  @ApiPropertyOptional({ example: 'camille@example.org' })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @MaxLength(254, { message: '$property must be at most 254 characters' })
  email?: string;

  @ApiPropertyOptional({ example: '06 12 34 56 78', description: 'E.164, or French national form' })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @MaxLength(32, { message: '$property must be at most 32 characters' })
  phone?: string;

  @ApiPropertyOptional({ example: 'Camille Dupont' })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @MaxLength(200, { message: '$property must be at most 200 characters' })
  name?: string;
}

export class EnrolDto {
  @ApiProperty({ type: ContactDto, description: 'at least one of email or phone' })
  @IsObject({ message: '$property must be an object with email and/or phone' })
  @ValidateNested()
  @Type(() => ContactDto)
  participant: ContactDto;
}

export class AttendeeDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be a UUID' })
  @NotWith('email', 'phone')
  participantId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @MaxLength(254, { message: '$property must be at most 254 characters' })
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @MaxLength(32, { message: '$property must be at most 32 characters' })
  phone?: string;
}

export class RecordAttendanceDto {
  @ApiPropertyOptional({ type: [AttendeeDto], description: 'each item names a person by participantId, email or phone; give attendees, anonymousCount, or both' })
  @AttendeesOrHeadcount()
  @IsArray({ message: '$property must be an array' })
  @ArrayMaxSize(1000, { message: '$property may list at most 1000 people per request' })
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees?: AttendeeDto[];

  @ApiPropertyOptional({ minimum: 0, description: 'replaces the headcount of people who gave no contact' })
  @IsOptional()
  @IsInt({ message: '$property must be a whole number' })
  @Min(0, { message: '$property must be 0 or more' })
  @Max(100000, { message: '$property must be at most 100000' })
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
  @ApiProperty({ type: [String], description: 'participant ids recorded, in the order given' }) participantIds: string[];
  @ApiProperty() attendedNamed: number;
  @ApiProperty() anonymous: number;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { DATE_ONLY } from '../http/dto-validators';
import { FreshnessQuery } from '../http/read-queries';

/** `minPosition` waits until the café index behind the report has seen that write (as on every read) */
export class AuditQuery extends FreshnessQuery {
  @ApiPropertyOptional({
    description:
      'compute the report from the events recorded up to the end of that day in Europe/Paris (metadata.recordedAt), ' +
      'so that a funder can reproduce a report it was sent',
    example: '2026-06-30',
    format: 'date',
  })
  @IsOptional()
  @IsString({ message: '$property must be a date YYYY-MM-DD' })
  @Matches(DATE_ONLY, { message: '$property must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property is not a valid calendar date' })
  asOf?: string;
}

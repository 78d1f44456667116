import { CalendarDate } from '../http/dto-validators';
import { FreshnessQuery } from '../http/read-queries';

/** `minPosition` waits until the café index behind the report has seen that write (as on every read) */
export class AuditQuery extends FreshnessQuery {
  @CalendarDate(
    'compute the report from the events recorded up to the end of that day in Europe/Paris (metadata.recordedAt), ' +
      'so that a funder can reproduce a report it was sent',
    { required: false, example: '2026-06-30' },
  )
  asOf?: string;
}

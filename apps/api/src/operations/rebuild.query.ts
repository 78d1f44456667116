import { OneOf } from '../http/dto-validators';

export class RebuildQuery {
  @OneOf(['true', 'false'] as const, 'true: answer once the rebuild is done', { required: false, default: 'false' })
  wait?: 'true' | 'false';
}

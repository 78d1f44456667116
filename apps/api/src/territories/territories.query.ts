import { TERRITORY_LEVELS } from '@cafeia/domain';
import { OneOf } from '../http/dto-validators';
import { PageQuery } from '../http/read-queries';

export class TerritoriesQuery extends PageQuery {
  @OneOf(TERRITORY_LEVELS, undefined, { required: false, default: 'region' })
  level?: (typeof TERRITORY_LEVELS)[number];
}

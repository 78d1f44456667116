import { OneOf } from '../http/dto-validators';
import { PageQuery, TerritoryFilter } from '../http/read-queries';

export class StructuresQuery extends PageQuery {
  @TerritoryFilter()
  territory?: string;

  @OneOf(['engagement', 'name'] as const, undefined, { required: false })
  sort?: 'engagement' | 'name';
}

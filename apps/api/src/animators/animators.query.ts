import { OneOf } from '../http/dto-validators';
import { PageQuery, TerritoryFilter } from '../http/read-queries';

export class AnimatorsQuery extends PageQuery {
  @TerritoryFilter()
  territory?: string;

  @OneOf(['none', 'enrolled', 'completed', 'dropped'] as const, undefined, { required: false })
  training?: 'none' | 'enrolled' | 'completed' | 'dropped';
}

import { WholeNumber } from '../http/dto-validators';

export class SetTerritoryTargetDto {
  @WholeNumber({ min: 0, max: 100_000_000, description: 'people to reach in that territory' })
  people: number;
}

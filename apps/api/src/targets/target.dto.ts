import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class SetTerritoryTargetDto {
  @ApiProperty({ minimum: 0, description: 'people to reach in that territory' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(0, { message: '$property must be 0 or more' })
  @Max(100_000_000, { message: '$property is larger than France' })
  people: number;
}

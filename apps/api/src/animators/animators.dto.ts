import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { TRAINING_STATUSES, TrainingStatus } from '@cafeia/domain';
import { CommuneCode, OptionalId, Text } from '../http/dto-validators';

export class RegisterAnimatorDto {
  @OptionalId()
  id?: string;

  @Text(200, 'how the animator or digital mediator is shown in directories', 'Camille D.')
  displayName: string;

  @CommuneCode('INSEE code of the commune where the animator works')
  communeCode: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the structure the animator belongs to' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be a UUID' })
  structureId?: string;

  @ApiPropertyOptional({ description: 'the animator agrees to appear in the public directory (/public/v1/animators) with their display name and commune', default: false })
  @IsOptional()
  @IsBoolean({ message: '$property must be true or false' })
  listed?: boolean;
}

export class RecordTrainingStepDto {
  @ApiProperty({ enum: TRAINING_STATUSES })
  @IsIn(TRAINING_STATUSES as unknown as string[], { message: `$property must be one of ${TRAINING_STATUSES.join(', ')}` })
  status: TrainingStatus;

  @ApiPropertyOptional({ description: 'only with completed: feels able to support users on AI' })
  @IsOptional()
  @IsBoolean({ message: '$property must be true or false' })
  capable?: boolean;
}
